/** The run's settings, read from the environment once. */
import path from "node:path";
import { fileURLToPath } from "node:url";

function integerFromEnv(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isSafeInteger(value) || value < 0) {
    console.error(`${name} must be a whole number, not "${raw}".`);
    process.exit(1);
  }
  return value;
}

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
export const PORT = integerFromEnv("FUZZ_PORT", 3310);
export const RUNS = integerFromEnv("FUZZ_RUNS", 1000);
export const SEED = integerFromEnv("FUZZ_SEED", 1);
export const ONLY = process.env.FUZZ_ONLY ?? "";
export const TRACE = process.env.FUZZ_TRACE === "1";
export const BASE_URL = `http://127.0.0.1:${PORT}`;

export const ADMIN = { email: "fuzz-admin@test.kezdesu", password: "fuzz-admin-password-2026" };
export const EDITOR = { email: "fuzz-editor@test.kezdesu", name: "Fuzz Editor", password: "fuzz-editor-password-2026" };
/** Invited and never accepted: the invitation page's token (invite.$token). */
export const INVITEE = { email: "fuzz-invitee@test.kezdesu", name: "Fuzz Invitee" };
export const SESSION_COOKIE = "__Host-kezdesu_session";

export const READY_TIMEOUT_MS = 60_000;
export const REQUEST_TIMEOUT_MS = 30_000;
export const FAILURES_PRINTED = 40;
