/**
 * Password hashing with Node's scrypt: no native add-on, no 72-byte truncation (bcrypt's limit
 * is 36 Cyrillic letters). Parameters follow OWASP's scrypt table (N=2^15, r=8, p=3: 32 MiB,
 * about a third of a second here) and are stored in each hash, so they can be raised later
 * without locking anyone out.
 */
import crypto from "node:crypto";
import { promisify } from "node:util";

const scrypt = promisify(crypto.scrypt) as (
  password: string | Buffer,
  salt: Buffer,
  keylen: number,
  options: crypto.ScryptOptions,
) => Promise<Buffer>;

const PARAMS = { N: 2 ** 15, r: 8, p: 3 };
const KEY_LENGTH = 32;

/** The same password typed on another keyboard or system may arrive in another Unicode form. */
const normalise = (password: string) => Buffer.from(password.normalize("NFC"), "utf8");

const maxmem = (N: number, r: number, p: number) => 128 * N * r * p + 32 * 1024 * 1024;

export async function hashPassword(password: string) {
  const salt = crypto.randomBytes(16);
  const { N, r, p } = PARAMS;
  const key = await scrypt(normalise(password), salt, KEY_LENGTH, { N, r, p, maxmem: maxmem(N, r, p) });
  return `scrypt$${N}$${r}$${p}$${salt.toString("base64")}$${key.toString("base64")}`;
}

export async function verifyPassword(password: string, stored: string | null) {
  const parts = (stored ?? DUMMY_HASH).split("$");
  if (parts.length !== 6 || parts[0] !== "scrypt") return false;
  const [N, r, p] = parts.slice(1, 4).map(Number);
  const salt = Buffer.from(parts[4], "base64");
  const expected = Buffer.from(parts[5], "base64");
  const key = await scrypt(normalise(password), salt, expected.length, { N, r, p, maxmem: maxmem(N, r, p) });
  // Without an account to check against, the work is still done, so timing says nothing.
  return stored !== null && crypto.timingSafeEqual(key, expected);
}

// A hash of nothing anyone can type, with the current parameters, for accounts that do not exist.
const DUMMY_HASH = `scrypt$${PARAMS.N}$${PARAMS.r}$${PARAMS.p}$${Buffer.alloc(16).toString("base64")}$${Buffer.alloc(KEY_LENGTH).toString("base64")}`;

export { PASSWORD_MAX, PASSWORD_MIN } from "./password-length";
