/**
 * The server's WAL is checkpointed on a thread of its own, not by the commits of the thread that
 * serves the requests (db/checkpointer.ts, issue 17).
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, describe, expect, test } from "vitest";
import { BACKSTOP_PAGES, walCheckpointer } from "~db/checkpointer";
import { openDatabase } from "~db/client";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "kezdesu-checkpoints-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const PAGE = 4096;

/** A database as the server's app connection opens it, with `saves` commits of a page apiece. */
function savedDatabase(name: string, saves: number) {
  const file = path.join(dir, name);
  const db = openDatabase(file, { syncEachCommit: false, checkpointPages: BACKSTOP_PAGES });
  db.$client.exec("CREATE TABLE notes (id INTEGER PRIMARY KEY, body BLOB NOT NULL)");
  const insert = db.$client.prepare("INSERT INTO notes (body) VALUES (?)");
  for (let i = 0; i < saves; i++) insert.run(Buffer.alloc(PAGE - 100, i % 251));
  return { file, db };
}

/** The rows the database file holds by itself, without its WAL. */
function rowsInTheFileAlone(file: string, name: string) {
  const copy = path.join(dir, name);
  fs.copyFileSync(file, copy);
  const alone = new Database(copy, { readonly: true });
  try {
    const table = alone.prepare("SELECT 1 FROM sqlite_master WHERE name = 'notes'").get();
    return table ? (alone.prepare("SELECT count(*) FROM notes").pluck().get() as number) : 0;
  } finally {
    alone.close();
  }
}

describe("the WAL's checkpoints", () => {
  test("are not made by the app's commits, and the thread copies every commit into the file", async () => {
    const { file, db } = savedDatabase("saved.db", 1500);
    // SQLite's default would have checkpointed at 1,000 pages and begun the WAL again.
    expect(fs.statSync(`${file}-wal`).size).toBeGreaterThan(1500 * PAGE);
    expect(rowsInTheFileAlone(file, "before.db")).toBe(0);

    const checkpoints = walCheckpointer(file, (error) => {
      throw error;
    });
    try {
      const counts = await checkpoints.now();
      expect(counts.busy).toBe(0);
      expect(counts.checkpointed).toBe(counts.log);
      expect(counts.log).toBeGreaterThan(1500);
      expect(rowsInTheFileAlone(file, "after.db")).toBe(1500);

      // The next commit begins the WAL again: it does not grow past what one checkpoint copies.
      db.$client.prepare("INSERT INTO notes (body) VALUES (?)").run(Buffer.alloc(10));
      expect((await checkpoints.now()).log).toBeLessThan(10);
    } finally {
      await checkpoints.close();
      db.$client.close();
    }
  });

  test("asked for by a burst of saves, are one checkpoint made shortly after", async () => {
    const { file, db } = savedDatabase("burst.db", 50);
    const checkpoints = walCheckpointer(file, (error) => {
      throw error;
    });
    try {
      for (let i = 0; i < 50; i++) checkpoints.soon();
      expect(checkpoints.made).toBe(0);
      await expect.poll(() => checkpoints.made, { timeout: 2000, interval: 20 }).toBe(1);
      await new Promise((resolve) => setTimeout(resolve, 250));
      expect(checkpoints.made).toBe(1);
      expect(rowsInTheFileAlone(file, "burst-after.db")).toBe(50);
    } finally {
      await checkpoints.close();
      db.$client.close();
    }
  });

  test("that cannot be made are reported, so that the app's commits checkpoint instead", async () => {
    const failures: Error[] = [];
    const checkpoints = walCheckpointer(path.join(dir, "no-such-folder", "x.db"), (error) => failures.push(error));
    try {
      await expect.poll(() => failures.length, { timeout: 5000 }).toBe(1);
      await expect(checkpoints.now()).rejects.toThrow();
      // Asked again, nothing is posted to a thread that has stopped.
      checkpoints.soon();
      expect(failures).toHaveLength(1);
    } finally {
      await checkpoints.close();
    }
  });
});
