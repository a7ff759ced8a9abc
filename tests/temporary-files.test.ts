/**
 * A connection keeps its statement journals (and sorts) in memory (db/client.ts): logging a
 * meeting made and unlinked a temporary file for three saves in four (issue 17).
 */
import { expect, test } from "vitest";
import { openDatabase } from "~db/client";
import { filesHeldOpen } from "./support/open-files";

/** The files this process holds open that SQLite made as temporary ones (unlinked at once). */
const temporaryFilesOpen = () => filesHeldOpen("etilqs_");

test.runIf(process.platform === "linux")(
  "a statement that changes many pages inside a transaction writes no temporary file",
  () => {
    const db = openDatabase(process.env.DATABASE_PATH!).$client;
    db.exec("CREATE TABLE rows (id INTEGER PRIMARY KEY, text TEXT NOT NULL UNIQUE)");
    const insert = db.prepare("INSERT INTO rows (text) VALUES (?)");
    db.transaction(() => {
      for (let i = 0; i < 2000; i++) insert.run(`row ${i} ${"x".repeat(200)}`);
    })();
    let during: string[] = [];
    db.transaction(() => {
      db.prepare("INSERT INTO rows (text) VALUES ('first')").run();
      // Changes some 150 pages in one statement that could fail halfway (UNIQUE): SQLite keeps
      // what it needs to undo the statement alone, the statement journal.
      db.prepare("UPDATE rows SET text = text || ' changed'").run();
      during = temporaryFilesOpen();
    })();
    db.close();
    expect(during).toEqual([]);
  },
);
