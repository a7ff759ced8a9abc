/**
 * The server's app connection commits without waiting for the disk (synchronous = NORMAL), and
 * an action is answered only once its writes are fsynced (db/durable-answers.ts, issue 17).
 */
import { redirect } from "@remix-run/node";
import { beforeAll, describe, expect, test } from "vitest";
import { walSyncer } from "~db/durable-answers";
import { asLongWrite } from "~db/long-write";
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

  test("starts only once a long write (an import's, open between its turns) has ended", async () => {
    const events: string[] = [];
    const importing = asLongWrite(client(), async (turn) => {
      client().exec("BEGIN IMMEDIATE");
      write("import, first turn");
      events.push("import: turn 1");
      await turn();
      write("import, second turn");
      events.push("import: turn 2");
      client().exec("COMMIT");
    });
    const answer = wrapped(
      async () => {
        events.push(`action starts (in a transaction: ${client().inTransaction})`);
        write("the action's");
        return { ok: true };
      },
      async () => undefined,
    );
    await Promise.all([importing, answer]);
    expect(events).toEqual(["import: turn 1", "import: turn 2", "action starts (in a transaction: false)"]);
  });

  test("under way when a long write is asked for (its form read, about to save) ends before that starts", async () => {
    const events: string[] = [];
    let formRead!: () => void;
    const bodyArrives = new Promise<void>((resolve) => (formRead = resolve));
    const save = wrapped(
      async () => {
        await bodyArrives;
        events.push(`action saves (in a transaction: ${client().inTransaction})`);
        write("the action's");
        return { ok: true };
      },
      async () => undefined,
    );
    // The import is an action too, as the server runs it.
    const importing = wrapped(
      () =>
        asLongWrite(client(), async () => {
          events.push("import starts");
          client().exec("BEGIN IMMEDIATE");
          write("the import's");
          client().exec("COMMIT");
          return { ok: true };
        }),
      async () => undefined,
    );
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(events).toEqual([]);
    formRead();
    await Promise.all([save, importing]);
    expect(events).toEqual(["action saves (in a transaction: false)", "import starts"]);
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
