/**
 * The server's saves made in one turn of the event loop share one commit, each in a savepoint of
 * its own (db/group-commit.ts, issue 17): each is still whole or absent, and nobody is told
 * "saved" before the commit holding their save is made and on disk.
 */
import { setImmediate as nextTurn } from "node:timers/promises";
import Database from "better-sqlite3";
import { afterAll, afterEach, beforeAll, describe, expect, test } from "vitest";
import { walSyncer } from "~db/durable-answers";
import { commitGroup, type CommitGroup } from "~db/group-commit";
import { SYSTEM } from "~db/history";
import { PartnerSchema } from "~/forms/partner";
import { createPartner, insertPartner } from "~/models/partners/write.server";
import { writeInTurns, writeTransaction } from "~/models/writes.server";
import { getDb } from "~/db.server";
import { runDurableAction } from "./support/durable-action";

const client = () => getDb().$client;
// Another program's view of the file: only what is committed.
let outside: Database.Database;
let group: CommitGroup;

beforeAll(() => {
  client().pragma("synchronous = NORMAL");
  client().exec(
    "CREATE TABLE test_parents (id INTEGER PRIMARY KEY); CREATE TABLE test_children (parent_id INTEGER NOT NULL REFERENCES test_parents (id))",
  );
  outside = new Database(process.env.DATABASE_PATH!, { readonly: true });
});
afterAll(() => outside.close());
afterEach(() => {
  group.commitNow();
  globalThis.__kezdesuCommitGroup = undefined;
});

function newGroup() {
  group = globalThis.__kezdesuCommitGroup = commitGroup();
  return group;
}

const partner = (nameEn: string) => PartnerSchema.parse({ kind: "city", countryCode: "CN", nameEn });
const onFile = (nameEn: string) =>
  outside.prepare("SELECT count(*) FROM partners WHERE name_en = ?").pluck().get(nameEn) as number;
const historyOf = (id: number) =>
  outside
    .prepare("SELECT count(*) FROM history WHERE record_type = 'partner' AND record_id = ?")
    .pluck()
    .get(id) as number;

/** `action` answered as server.ts answers it: once its group is committed and the WAL fsynced. */
function answer(action: () => Promise<unknown>) {
  const wal = walSyncer(client);
  return runDurableAction(action, () => {
    const since = group.mark();
    return async () => {
      await group.settled(since);
      await wal.sync();
    };
  });
}

describe("saves made in one turn of the event loop", () => {
  test("share one commit, and are on file, with their history, only once it is made", async () => {
    newGroup();
    const first = createPartner(partner("Grouped One"), SYSTEM);
    const second = createPartner(partner("Grouped Two"), SYSTEM);
    expect(client().inTransaction).toBe(true);
    expect([onFile("Grouped One"), onFile("Grouped Two")]).toEqual([0, 0]);

    await nextTurn();
    expect(group.commits).toBe(1);
    expect(client().inTransaction).toBe(false);
    expect([onFile("Grouped One"), onFile("Grouped Two")]).toEqual([1, 1]);
    expect([historyOf(first), historyOf(second)]).toEqual([1, 1]);
  });

  test("are each whole or absent: one that fails leaves the others", async () => {
    newGroup();
    createPartner(partner("Kept Before"), SYSTEM);
    expect(() =>
      writeTransaction(getDb(), SYSTEM, (tx) => {
        insertPartner(tx, partner("Half Written"));
        throw new Error("refused half way");
      }),
    ).toThrow("refused half way");
    createPartner(partner("Kept After"), SYSTEM);

    await nextTurn();
    expect(group.commits).toBe(1);
    expect([onFile("Kept Before"), onFile("Half Written"), onFile("Kept After")]).toEqual([1, 0, 1]);
  });

  test("answer an action only once the commit holding its save is made", async () => {
    newGroup();
    const events: string[] = [];
    const answered = answer(async () => {
      createPartner(partner("Answered After"), SYSTEM);
      events.push(`saved, on file: ${onFile("Answered After")}`);
      return { ok: true };
    }).then(() => events.push(`answered, on file: ${onFile("Answered After")}`));
    await answered;
    expect(events).toEqual(["saved, on file: 0", "answered, on file: 1"]);
  });

  test("whose commit fails: every action that waited fails, and nothing of the group is on file", async () => {
    newGroup();
    const parent = client().prepare("INSERT INTO test_parents DEFAULT VALUES").run().lastInsertRowid;
    await nextTurn();
    const waiting = answer(async () => {
      createPartner(partner("Lost With The Group"), SYSTEM);
      // A reference left dangling until the commit, which then refuses it: a commit that fails.
      client().pragma("defer_foreign_keys = ON");
      client()
        .prepare("INSERT INTO test_children (parent_id) VALUES (?)")
        .run(Number(parent) + 1000);
      return { ok: true };
    });
    await expect(waiting).rejects.toThrow(/FOREIGN KEY/);
    expect(client().inTransaction).toBe(false);
    expect(onFile("Lost With The Group")).toBe(0);

    // The next save starts a new group, whose commit is its own.
    await answer(async () => createPartner(partner("Saved After The Failure"), SYSTEM));
    expect(onFile("Saved After The Failure")).toBe(1);
  });

  test("leave a long write alone: the group is committed before it, and it commits at once", async () => {
    newGroup();
    createPartner(partner("Grouped Before The Import"), SYSTEM);
    await writeInTurns(getDb(), SYSTEM, async (tx, turn) => {
      await turn();
      insertPartner(tx, partner("Imported Alone"));
    });
    expect(group.commits).toBe(1);
    expect(client().inTransaction).toBe(false);
    expect([onFile("Grouped Before The Import"), onFile("Imported Alone")]).toEqual([1, 1]);
  });
});

describe("the WAL's fsync", () => {
  test("made while a group is open does not count its saves as on disk", async () => {
    newGroup();
    const wal = walSyncer(client);
    // A row the search index has no part in: its commit changes no more rows.
    group.join(client());
    client().prepare("INSERT INTO test_parents DEFAULT VALUES").run();
    await wal.sync();
    expect(wal.fsyncs).toBe(1);
    await nextTurn();
    // Committed after that fsync began: its frames need one of their own.
    await wal.sync();
    expect(wal.fsyncs).toBe(2);
    await wal.sync();
    expect(wal.fsyncs).toBe(2);
  });
});
