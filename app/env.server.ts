import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { z } from "zod";

const EnvSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_PATH: z.string().min(1).default("./data/kezdesu.db"),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  // Processes serving HTTP over the one database file (node:cluster); 1 is a single process.
  WEB_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(1),
  SESSION_SECRET: z.string().min(32, "SESSION_SECRET must be at least 32 characters").optional(),
  // "skip" starts with an empty database (the home city only) instead of the demo history.
  DEMO_DATA: z.enum(["load", "skip"]).default("load"),
  // The first administrator, made on a database with no accounts; without these a password is
  // generated and printed once.
  ADMIN_EMAIL: z.string().email().optional(),
  ADMIN_PASSWORD: z.string().min(8, "ADMIN_PASSWORD must be at least 8 characters").optional(),
  // "off" reads the overview, the chart and partner pages afresh every time (app/models/read-cache.server.ts).
  READ_CACHE: z.enum(["on", "off"]).default("on"),
});

export type Env = z.infer<typeof EnvSchema> & { SESSION_SECRET: string };

let cached: Env | undefined;

/** Parses process.env once; a bad value stops the server at start-up with a clear message. */
export function getEnv(): Env {
  if (cached) return cached;
  const parsed = EnvSchema.safeParse(process.env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid environment:\n${problems.join("\n")}`);
  }
  const env = parsed.data;
  cached = { ...env, SESSION_SECRET: env.SESSION_SECRET ?? keptSessionSecret(env.DATABASE_PATH) };
  return cached;
}

/** A first start just works: the secret is generated once and kept beside the database. */
function keptSessionSecret(databasePath: string) {
  const dir = path.dirname(path.resolve(databasePath));
  const file = path.join(dir, "session-secret");
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  try {
    const existing = fs.readFileSync(file, "utf8").trim();
    if (existing.length >= 32) return existing;
  } catch {
    // Not there yet: made below.
  }
  const secret = crypto.randomBytes(32).toString("hex");
  fs.writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}
