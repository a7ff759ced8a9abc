import fs from "node:fs";
import path from "node:path";

type Journal = { entries: Array<{ tag: string; idx: number }> };

/**
 * A migrations folder in `dir` holding the project's migrations up to the first whose tag `last`
 * picks (that one included, or not with `{ including: false }`): a database migrated with it
 * stands where an older version of the app left it.
 */
export function migrationsUpTo(dir: string, last: (tag: string) => boolean, { including = true } = {}) {
  const journal = JSON.parse(fs.readFileSync(path.resolve("migrations/meta/_journal.json"), "utf8")) as Journal;
  const at = journal.entries.findIndex((entry) => last(entry.tag));
  if (at < 1) throw new Error("No such migration, or it is the first");
  const entries = journal.entries.slice(0, including ? at + 1 : at);
  const folder = path.join(dir, "migrations");
  fs.mkdirSync(path.join(folder, "meta"), { recursive: true });
  fs.writeFileSync(path.join(folder, "meta/_journal.json"), JSON.stringify({ ...journal, entries }));
  for (const entry of entries)
    fs.copyFileSync(path.resolve("migrations", `${entry.tag}.sql`), path.join(folder, `${entry.tag}.sql`));
  return folder;
}
