/**
 * Two things read side by side on a machine whose speed drifts (two shared vCPUs: the same page
 * moves by a fifth within minutes): bench:compare (this build and another), the growth (1% and
 * national) and two-processes (one process and two) each load one, then the other, in turns.
 *
 * The order is the Thue-Morse sequence, A B B A B A A B A B B A ...: in any even number of turns
 * each has half, and in eight (ABBA BAAB) the mean place of each is the same and stays so under
 * a drift that speeds up or slows down, so the drift falls on both alike. A B A B would give the
 * later turns to B; A B B A cancels a steady drift but not one that bends.
 */

/** `count` turns of `a` and `b` in Thue-Morse order; `count` even, so each has half. */
export function turnOrder<T>(a: T, b: T, count: number): T[] {
  if (!Number.isInteger(count) || count < 2 || count % 2)
    throw new Error(`${count} turns: an even number, at least 2, so that each side has half`);
  // The nth term is the parity of the count of ones in n's binary form.
  return Array.from({ length: count }, (_, n) => (ones(n) % 2 ? b : a));
}

function ones(n: number) {
  let count = 0;
  for (let rest = n; rest > 0; rest >>= 1) count += rest & 1;
  return count;
}

/** Runs `turn` for `a` and `b` in turnOrder, one at a time, and gives each side's readings in order. */
export async function inTurns<T, R>(
  a: T,
  b: T,
  count: number,
  turn: (side: T) => Promise<R>,
): Promise<{ a: R[]; b: R[] }> {
  const readings = { a: [] as R[], b: [] as R[] };
  for (const side of turnOrder<"a" | "b">("a", "b", count)) readings[side].push(await turn(side === "a" ? a : b));
  return readings;
}
