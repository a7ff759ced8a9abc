import Database from "better-sqlite3";

// The benchmark's dataset, read only: the floor queries the same file the app serves.
if (!process.env.DATABASE_PATH) throw new Error("DATABASE_PATH names the benchmark's dataset");
const db = new Database(process.env.DATABASE_PATH, { readonly: true });
const newest = db.prepare("select id, name_en as name from partners order by id desc limit 20");

/** Twenty rows: the query of the stack's reference page (/work/shared/STACK.md). */
export const newestPartners = () => newest.all() as { id: number; name: string }[];
