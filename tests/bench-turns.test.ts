/**
 * The benchmark reads two things side by side in turns (bench/turns.ts): the growth from 1% to
 * the national size, one process against two, and bench:compare. Its ratios hold only if the
 * order gives each side half the turns and the same mean place under a drift of the machine.
 */
import { describe, expect, test } from "vitest";
import { inTurns, turnOrder } from "../bench/turns";

describe("the benchmark's turns", () => {
  test("eight turns are ABBA BAAB, the order the benchmark's tables name", () => {
    expect(turnOrder("A", "B", 8).join("")).toBe("ABBABAAB");
  });

  test.each([2, 4, 8, 12, 16, 24, 32])("%i turns: each side has half", (count) => {
    const order = turnOrder("A", "B", count);
    expect(order.filter((side) => side === "A")).toHaveLength(count / 2);
  });

  test.each([8, 16, 32])("%i turns: a drift that speeds up or slows down falls on both alike", (count) => {
    const order = turnOrder("A", "B", count);
    // A steady drift (place t) and one that bends (t squared): the sum over each side's turns.
    for (const drift of [(t: number) => t, (t: number) => t * t]) {
      const sum = (side: string) => order.reduce((total, turn, place) => total + (turn === side ? drift(place) : 0), 0);
      expect(sum("A")).toBe(sum("B"));
    }
  });

  test("an odd or too small count is refused, not read with one side short", () => {
    expect(() => turnOrder("A", "B", 7)).toThrow(/even number/);
    expect(() => turnOrder("A", "B", 0)).toThrow(/even number/);
  });

  test("inTurns runs one turn at a time in that order and gives each side its readings", async () => {
    const ran: string[] = [];
    const readings = await inTurns("small", "national", 8, async (size) => {
      ran.push(size);
      await new Promise((resolve) => setTimeout(resolve, 1));
      return `${size} ${ran.length}`;
    });
    expect(ran).toEqual(turnOrder("small", "national", 8));
    expect(readings.a).toEqual(["small 1", "small 4", "small 6", "small 7"]);
    expect(readings.b).toEqual(["national 2", "national 3", "national 5", "national 8"]);
  });
});
