/**
 * The server's app connection commits without waiting for the disk (synchronous = NORMAL), and
 * an action is answered only once its writes are fsynced (db/durable-answers.ts, issue 17).
 */
import { redirect } from "@remix-run/node";
import { beforeAll, describe, expect, test } from "vitest";
import { walSyncer } from "~db/durable-answers";
import { runDurableAction } from "./support/durable-action";

const client = () => globalThis.__kezdesuDb!.$client;

beforeAll(() => {
  client().pragma("synchronous = NORMAL");
  client().exec("CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT NOT NULL)");
});

const write = (text: string) => client().prepare("INSERT INTO notes (text) VALUES (?)").run(text);

/** `action` answered as the server answers it, after `onDisk`. */
const wrapped = (action: () => Promise<unknown>, onDisk: () => Promise<void>) => runDurableAction(action, () => onDisk);

describe("an action's answer", () => {
  test("comes after its writes are fsynced, returned or thrown", async () => {
    const wal = walSyncer(client);
    const events: string[] = [];
    const onDisk = async () => {
      await wal.sync();
      events.push(`on disk (${wal.fsyncs} fsync)`);
    };

    const answer = await wrapped(async () => {
      write("returned");
      events.push("written");
      return { ok: true };
    }, onDisk);
    events.push("answered");
    expect(answer).toEqual({ ok: true });
    expect(events).toEqual(["written", "on disk (1 fsync)", "answered"]);

    events.length = 0;
    const thrown = await wrapped(async () => {
      write("thrown");
      events.push("written");
      throw redirect("/notes/2");
    }, onDisk).catch((response: Response) => response);
    events.push("answered");
    expect((thrown as Response).headers.get("Location")).toBe("/notes/2");
    expect(events).toEqual(["written", "on disk (2 fsync)", "answered"]);
  });

  test("of an action that wrote nothing waits for no fsync", async () => {
    const wal = walSyncer(client);
    write("before");
    await wal.sync();
    await wrapped(async () => ({ refused: true }), wal.sync);
    expect(wal.fsyncs).toBe(1);
  });
});

describe("the WAL's fsyncs", () => {
  test("are shared by the saves that wait at the same time", async () => {
    const wal = walSyncer(client);
    write("one");
    const first = wal.sync();
    // Made while the first fsync runs: one more fsync covers all of these.
    write("two");
    write("three");
    await Promise.all([first, wal.sync(), wal.sync(), wal.sync(), wal.sync()]);
    expect(wal.fsyncs).toBe(2);
    await wal.sync();
    expect(wal.fsyncs).toBe(2);
  });

  test("wait for no connection before the app has opened one", async () => {
    const wal = walSyncer(() => undefined);
    await wal.sync();
    expect(wal.fsyncs).toBe(0);
  });
});
