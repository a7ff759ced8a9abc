import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import net from "node:net";
import { z } from "zod";
import { DEFAULT_ADMIN_EMAIL, FIRST_ADMIN_NAME } from "~/models/users.server";
import { PASSWORD_MAX, PASSWORD_MIN, passwordLength } from "./utils/password-length";
import { judgePassword } from "./utils/password-strength";

const PROXY_NAMES = new Set(["loopback", "linklocal", "uniquelocal"]);
const isProxyAddress = (item: string) => {
  if (PROXY_NAMES.has(item)) return true;
  const [address, bits, ...rest] = item.split("/");
  const version = net.isIP(address);
  if (!version || rest.length > 0) return false;
  return bits === undefined || (/^\d{1,3}$/.test(bits) && Number(bits) <= (version === 4 ? 32 : 128));
};

/**
 * Which proxies' X-Forwarded-For to believe, for express's "trust proxy": off (the address is
 * the connection's), a number of proxy hops in front of the app, or the proxies' addresses and
 * subnets. Never "all": then any client could name its own address and walk past the throttling.
 */
const TrustProxy = z
  .string()
  .trim()
  .default("off")
  .transform((value, ctx): false | number | string[] => {
    if (value === "" || value === "off" || value === "0") return false;
    if (/^\d+$/.test(value)) return Number(value);
    const items = value.split(",").map((item) => item.trim());
    if (items.every(isProxyAddress)) return items;
    ctx.addIssue({
      code: z.ZodIssueCode.custom,
      message:
        "TRUST_PROXY must be off, a number of proxy hops, or proxy addresses/subnets (such as 10.0.0.1 or loopback)",
    });
    return z.NEVER;
  });

const EnvSchema = z
  .object({
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
    // Checked against the same rules as any new password, below.
    ADMIN_PASSWORD: z.string().optional(),
    // "off" reads the pages and searches afresh every time (app/utils/read-cache.server.ts).
    READ_CACHE: z.enum(["on", "off"]).default("on"),
    TRUST_PROXY: TrustProxy,
    // The hourly housekeeping deletes security log rows last seen longer ago (app/housekeeping.server.ts);
    // the log's own triggers refuse to delete anything from the last seven days.
    SECURITY_LOG_RETENTION_DAYS: z.coerce
      .number()
      .int()
      .min(7, "SECURITY_LOG_RETENTION_DAYS must be at least 7")
      .max(36_500)
      .default(90),
    // The largest file a signed-in account may upload (a document, a spreadsheet to import), in MB.
    UPLOAD_MAX_MB: z.coerce.number().int().min(1).max(1024).default(25),
  })
  .superRefine(({ ADMIN_EMAIL, ADMIN_PASSWORD }, ctx) => {
    if (ADMIN_PASSWORD === undefined) return;
    const problem = (message: string) =>
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["ADMIN_PASSWORD"], message });
    const length = passwordLength(ADMIN_PASSWORD);
    if (length < PASSWORD_MIN || length > PASSWORD_MAX)
      return problem(`ADMIN_PASSWORD must be ${PASSWORD_MIN} to ${PASSWORD_MAX} characters`);
    const judged = judgePassword(ADMIN_PASSWORD, [ADMIN_EMAIL ?? DEFAULT_ADMIN_EMAIL, FIRST_ADMIN_NAME]).problem;
    if (judged === "personal") problem("ADMIN_PASSWORD must not be the administrator's email or name");
    if (judged === "common")
      problem("ADMIN_PASSWORD is too easy to guess (a common or leaked password, or close to one)");
  });

export type Env = z.infer<typeof EnvSchema> & { SESSION_SECRET: string };

let cached: Env | undefined;

/** Parses process.env once; a bad value stops the server at start-up with a clear message. */
export function getEnv(): Env {
  if (cached) return cached;
  const env = parseEnv(process.env);
  cached = { ...env, SESSION_SECRET: env.SESSION_SECRET ?? keptSessionSecret(env.DATABASE_PATH) };
  return cached;
}

/** The settings from an environment, checked; throws naming every bad value. */
export function parseEnv(source: Record<string, string | undefined>) {
  const parsed = EnvSchema.safeParse(source);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid environment:\n${problems.join("\n")}`);
  }
  return parsed.data;
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
