import type Database from "better-sqlite3";
import type { Db } from "./client";

/**
 * A statement built and prepared once per connection, for the queries a save runs for every
 * person, topic and search row: drizzle building their SQL and SQLite preparing it again on
 * each call was most of a meeting's write time (issue 15.1's import profile). A transaction
 * (writeTransaction's `tx`) shares its database's session, so both find the same statements.
 */
export function perConnection<T>(build: (db: Db) => T): (db: Db) => T {
  const built = new WeakMap<object, T>();
  return (db) => {
    const session = sessionOf(db);
    let found = built.get(session);
    if (found === undefined) built.set(session, (found = build(db)));
    return found;
  };
}

// drizzle marks `session` internal; the database and its transactions hold the same one.
const sessionOf = (db: Db) => (db as unknown as { session: { client: Database.Database } }).session;

/** The better-sqlite3 connection under a database or one of its transactions. */
export const clientOf = (db: Db): Database.Database => sessionOf(db).client;
