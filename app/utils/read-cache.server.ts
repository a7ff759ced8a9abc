import type Database from "better-sqlite3";
import { getDb } from "~/db.server";
import { getEnv } from "~/env.server";

/**
 * The results of the heavier reads (the overview, the lists of partners and meetings, the
 * relations chart, a partner's page, a search's results), kept until a record changes: they
 * are read many times between two saves, and at the national size each costs tens of
 * milliseconds of queries.
 *
 * What says "a record changed": every write to a record's tables marks it in pending_changes
 * (the history triggers, migrations/0006, whichever connection or process writes), and every
 * save through the app turns the marks into history entries before it commits. So the newest
 * history entry and the count of marks not yet turned move with every change of a record, in
 * every worker, and not with sign-ins or sessions (SQLite's own data_version and
 * total_changes() would, and a busy council's sessions would empty the cache every second).
 * A mark keeps the time of the last change (migrations/0014), so a second change made outside
 * the app to a record already marked moves it too.
 *
 * Whatever a key does not hold (the day, the language, the filters, the page, the words searched)
 * the read must not depend on. Values are shared between requests: treat them as read-only.
 * READ_CACHE=off reads afresh every time (bench/profile.ts measures the cost of a first read so).
 *
 * Searches are kept on a shelf of their own: the words people search are many and each is read
 * a few times, and they must not push the pages' reads out. So are single records' pages (a
 * meeting's), many of them each opened a few times.
 */
const BOUNDS = { pages: 200, searches: 50, records: 200 };
export type Shelf = keyof typeof BOUNDS;
const shelves: Record<Shelf, Map<string, unknown>> = { pages: new Map(), searches: new Map(), records: new Map() };
let seen: { client: Database.Database; version: string } | undefined;
let statement: { client: Database.Database; version: Database.Statement } | undefined;

function versionOf(client: Database.Database): string {
  if (statement?.client !== client) {
    statement = {
      client,
      version: client
        .prepare(
          "select coalesce((select max(id) from history), 0) || ':' || (select count(*) || ':' || coalesce(max(at), '') from pending_changes)",
        )
        .pluck(),
    };
  }
  return statement.version.get() as string;
}

export function cachedRead<T>(key: string, read: () => T, shelf: Shelf = "pages"): T {
  if (getEnv().READ_CACHE === "off") return read();
  const client = getDb().$client;
  const version = versionOf(client);
  if (seen?.client !== client || seen.version !== version) {
    for (const entries of Object.values(shelves)) entries.clear();
    seen = { client, version };
  }
  const entries = shelves[shelf];
  if (entries.has(key)) {
    const value = entries.get(key) as T;
    // Least recently used last out: the entry moves to the end.
    entries.delete(key);
    entries.set(key, value);
    return value;
  }
  const value = read();
  // A read whose statements straddled another worker's save may mix two states: not kept.
  if (versionOf(client) === version) {
    entries.set(key, value);
    if (entries.size > BOUNDS[shelf]) entries.delete(entries.keys().next().value as string);
  }
  return value;
}
