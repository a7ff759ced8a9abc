/**
 * `npm run test:fuzz`: hostile input against the real production server.
 *
 * Starts `server.ts` (NODE_ENV=production) on a fresh database with the demo history, signs in
 * as the administrator, invites an editor the way the app does it, and then, as that editor,
 * posts FUZZ_RUNS bad bodies (default 1000, from a seeded PRNG: FUZZ_SEED, default 1) to every
 * form action. Every answer must be below 500 and must not leak a stack trace or an SQLite
 * error; a request the app rejected (4xx) must not have written a row.
 *
 * Needs `npm run build` first. FUZZ_PORT (default 3310) chooses the port; FUZZ_ONLY=<text> fuzzes
 * only the targets whose path contains it; FUZZ_TRACE=1 prints every request before it is sent,
 * then its status and time (to find the one a hang or crash follows).
 *
 * Then every target gets a body far over the server's limit, signed out and signed in, chunked
 * (no length to refuse early) and with its length declared (issue 12.1): each must be answered
 * 413 (or the sign-in redirect, or 403, unread) or its connection closed, never 5xx, before the
 * body was taken whole; and /healthz must still answer within two seconds.
 */
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";

// ---------------------------------------------------------------------------------------------
// Configuration
// ---------------------------------------------------------------------------------------------

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const PORT = integerFromEnv("FUZZ_PORT", 3310);
const RUNS = integerFromEnv("FUZZ_RUNS", 1000);
const SEED = integerFromEnv("FUZZ_SEED", 1);
const ONLY = process.env.FUZZ_ONLY ?? "";
const TRACE = process.env.FUZZ_TRACE === "1";
const BASE_URL = `http://127.0.0.1:${PORT}`;

const ADMIN = { email: "fuzz-admin@test.kezdesu", password: "fuzz-admin-password-2026" };
const EDITOR = { email: "fuzz-editor@test.kezdesu", name: "Fuzz Editor", password: "fuzz-editor-password-2026" };
const SESSION_COOKIE = "__Host-kezdesu_session";

const READY_TIMEOUT_MS = 60_000;
const REQUEST_TIMEOUT_MS = 30_000;
const FAILURES_PRINTED = 40;

/** Tables that legitimately change when a request is refused (they record refusals and sign-ins). */
const UNCOUNTED_TABLES = new Set(["security_log", "sessions", "sign_in_failures"]);
/** The FTS5 index's shadow tables: SQLite's own bookkeeping, counted through search_text itself. */
const FTS_SHADOW_PREFIX = "search_text_";

const STACK_TRACE_PATTERNS = [
  /\n\s+at [^\n]+\(/,
  /at Object\.|at async|node_modules|\.tsx?:\d+:\d+/,
  /SqliteError|SQLITE_/,
];

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

// ---------------------------------------------------------------------------------------------
// A seeded PRNG, so a failure can be reproduced with the same FUZZ_SEED and FUZZ_RUNS
// ---------------------------------------------------------------------------------------------

class Random {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** mulberry32: tiny and fast, and plenty random enough to choose inputs. */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  int(maxExclusive: number): number {
    return Math.floor(this.next() * maxExclusive);
  }

  between(min: number, max: number): number {
    return min + this.int(max - min + 1);
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)];
  }

  weighted<T extends { weight: number }>(items: readonly T[]): T {
    let roll = this.next() * items.reduce((sum, item) => sum + item.weight, 0);
    for (const item of items) {
      roll -= item.weight;
      if (roll < 0) return item;
    }
    return items[items.length - 1];
  }

  // No "." or ":" in the alphabet: a random string can never look like a stack frame ("x.ts:1:2").
  word(length: number, alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-"): string {
    let text = "";
    for (let i = 0; i < length; i++) text += alphabet[this.int(alphabet.length)];
    return text;
  }
}

/** FNV-1a: a stable 32-bit seed per target, so each target's inputs do not depend on the others. */
function hashSeed(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

// ---------------------------------------------------------------------------------------------
// Hostile values
// ---------------------------------------------------------------------------------------------

type Field = readonly [name: string, value: string];

/** Everything the app's forms post, so bodies get past the first checks and deep into validation. */
const FORM_FIELD_NAMES = [
  "language",
  "date.year",
  "date.month",
  "date.day",
  "date.approximate",
  "startTime",
  "location",
  "purpose",
  "summary",
  "partnerId",
  "delegationId",
  "hostOrganisationId",
  "newDelegation",
  "delegationOrganisationId",
  "delegationDirection",
  "participants[0].name",
  "participants[0].personId",
  "participants[0].side",
  "participants[0].role",
  "participants[0].title",
  "participants[0].isNew",
  "participants[0].organisationId",
  "topics[0]",
  "sources[0].url",
  "sources[0].outlet",
  "sources[0].title",
  "sources[0].text",
  "initiatives[0].title",
  "initiatives[0].kind",
  "initiatives[0].status",
  "initiatives[0].initiativeId",
  "initiatives[0].due.year",
  "nameKk",
  "nameRu",
  "nameEn",
  "nameNative",
  "kind",
  "countryCode",
  "wikidataId",
  "parentId",
  "status",
  "note",
  "entryId",
  "intent",
  "role",
  "email",
  "name",
  "password",
  "confirm",
  "current",
  "lng",
  "redirectTo",
  "type",
  "confirmDuplicate",
  "titleKk",
  "titleRu",
  "titleEn",
  "description",
  "ownerPersonId",
  "ownerOrganisationId",
  "due.year",
  "direction",
  "arrival.year",
  "departure.year",
  "leader.name",
  "leader.personId",
  "members[0].personId",
  "members[0].name",
  "meetingId",
  "stepNote",
  "signatories[0].personId",
  "signatories[0].name",
  "sourceUrl",
  "sourceOutlet",
  "sourceTitle",
  "posts[0].organisationId",
  "posts[0].titleEn",
  "posts[0].start.year",
  "posts[0].end.year",
  "recordType",
  "recordId",
  "organisationId",
] as const;

const MARKUP_AND_SQL = [
  "<script>alert(1)</script>",
  '"><img src=x onerror=alert(1)>',
  "' OR 1=1 --",
  '"; DROP TABLE meetings; --',
  "1; DELETE FROM people",
  "') UNION SELECT password_hash FROM users --",
  "javascript:alert(1)",
  "data:text/html,<script>alert(1)</script>",
  "{{7*7}}",
  "${7*7}",
  "../../../etc/passwd",
  "%00",
  "%",
  "%zz",
] as const;

const CONTROL_CHARACTERS = [
  "\u0000",
  "a\u0000b",
  "\u0007\u0007",
  "\u001b[31mred\u001b[0m",
  "line\r\nSet-Cookie: injected=1",
  "\r\n\r\n",
  "\t",
  "\u007f",
  "\u0085",
  "\u2028\u2029",
] as const;

const ODD_UNICODE = [
  "",
  " ",
  "   \t  ",
  "\u202egnp.exe",
  "\ufeffBOM",
  "\u200b",
  "e\u0301\u0301\u0301",
  "😀👩‍👩‍👧‍👦",
  "Z̷̢͎a̸̛l̶g̵o",
  "Ａｓｔａｎａ",
  "Астана",
  "Астана",
  "null",
  "undefined",
  "[object Object]",
  "__proto__",
  "constructor",
] as const;

const WRONG_NUMBERS = [
  "abc",
  "-1",
  "0",
  "99999999",
  "1e309",
  "0x10",
  "1.5",
  "NaN",
  "Infinity",
  "-Infinity",
  "-0",
  " 12 ",
  "9007199254740993",
  "1e3",
  "0b11",
  "１２",
  "٣",
  "2024-05-14",
  "",
  "true",
  "99999999999999999999999",
] as const;

/** Ids that pass validation (positive, safe integers once coerced) but name no record. */
const DANGLING_IDS = [
  "99999999",
  "9007199254740991",
  "2147483648",
  "000099999",
  "1e8",
  " 99999999 ",
  "0x5F5E0FF",
] as const;

const WRONG_BOOLEANS = ["on", "true", "false", "off", "1", "0", "yes", "", "ON"] as const;

const OVER_THE_LIMIT_LENGTHS = [201, 301, 1025, 2001, 20_001] as const;
const HUGE_LENGTHS = [100 * 1024, 1024 * 1024] as const;

const isNumericField = (name: string) => /(Id|\.year|\.month|\.day|^year|^month|^day)$/.test(name);
const isBooleanField = (name: string) => /(approximate|confirmDuplicate|isNew|newDelegation)$/.test(name);

function hostileValue(rng: Random, fieldName: string): string {
  const roll = rng.next();
  if (roll < 0.3) {
    if (isNumericField(fieldName)) return rng.pick(WRONG_NUMBERS);
    if (isBooleanField(fieldName)) return rng.pick(WRONG_BOOLEANS);
    return rng.pick([...MARKUP_AND_SQL, ...WRONG_NUMBERS]);
  }
  if (roll < 0.55) return rng.pick(MARKUP_AND_SQL);
  if (roll < 0.7) return rng.pick(CONTROL_CHARACTERS);
  if (roll < 0.85) return rng.pick(ODD_UNICODE);
  if (roll < 0.95) return repeatTo(rng.pick(["x", "é", "<b>", "'"]), rng.pick(OVER_THE_LIMIT_LENGTHS));
  return rng.word(rng.between(1, 30));
}

function repeatTo(fragment: string, length: number): string {
  return fragment.repeat(Math.ceil(length / fragment.length)).slice(0, length);
}

/** Field names no form has: unknown, odd, or aimed at the parser's object building. */
function hostileFieldName(rng: Random): string {
  return rng.pick([
    rng.word(rng.between(1, 20)),
    rng.pick(FORM_FIELD_NAMES),
    "a" + "[0]".repeat(500),
    "participants" + "[0]".repeat(500),
    Array.from({ length: 500 }, () => "a").join("."),
    "participants[999999].name",
    "participants[-1].name",
    "participants[01].name",
    "participants[1e3].name",
    "participants[].name",
    "__proto__[polluted]",
    "__proto__.polluted",
    "constructor[prototype][x]",
    "constructor.prototype.x",
    "participants[0].__proto__.x",
    "date.__proto__.year",
    "topics[__proto__]",
    "[",
    "]]",
    ".",
    "..",
    "[]",
    "",
    "name\u0000",
    "<script>",
  ]);
}

// ---------------------------------------------------------------------------------------------
// Bodies
// ---------------------------------------------------------------------------------------------

/** One request body, and a description of it short enough for a report. */
type FuzzBody = { kind: string; label: string; contentType: string | null; payload: string | Buffer };

const FORM_CONTENT_TYPE = "application/x-www-form-urlencoded";

function encodeForm(fields: readonly Field[]): string {
  return new URLSearchParams(fields.map(([name, value]) => [name, value])).toString();
}

function formBody(
  kind: string,
  label: string,
  fields: readonly Field[],
  contentType: string = FORM_CONTENT_TYPE,
): FuzzBody {
  return { kind, label, contentType, payload: encodeForm(fields) };
}

function shortText(text: string, max = 40): string {
  if (text.length <= max) return JSON.stringify(text);
  return `${JSON.stringify(text.slice(0, max - 10))}…(${text.length} chars)`;
}

function describeFields(fields: readonly Field[], shown = 6): string {
  const parts = fields.slice(0, shown).map(([name, value]) => `${shortText(name, 50)}=${shortText(value)}`);
  const more = fields.length > shown ? ` (+${fields.length - shown} more)` : "";
  return `${parts.join(" & ")}${more}`;
}

/**
 * The form with its names made unique: once one fuzzed form has been saved, the same name again
 * would stop at the duplicate check (409) and never reach the code that writes.
 */
function withFreshNames(rng: Random, base: readonly Field[]): Field[] {
  return base.map(([name, value]) =>
    /^(name|title)(Kk|Ru|En|Native)$/.test(name) ? [name, `${value} ${rng.word(8)}`] : [name, value],
  );
}

/** One change to an otherwise plausible form; returns what it did, for the report. */
function mutate(rng: Random, fields: Field[]): string {
  const idFields = fields.map(([name], index) => ({ name, index })).filter(({ name }) => /Id$/.test(name));
  if (idFields.length > 0 && rng.chance(0.12)) {
    // Well-formed but pointing at nothing: only the database's foreign keys would notice.
    const { name, index } = rng.pick(idFields);
    const value = rng.pick(DANGLING_IDS);
    fields[index] = [name, value];
    return `${name}=${shortText(value)} (no such record)`;
  }
  const index = fields.length > 0 ? rng.int(fields.length) : -1;
  const roll = rng.next();
  if (index >= 0 && roll < 0.2) {
    const [removed] = fields.splice(index, 1);
    return `drop ${removed[0]}`;
  }
  if (index >= 0 && roll < 0.6) {
    const name = fields[index][0];
    const value = hostileValue(rng, name);
    fields[index] = [name, value];
    return `${name}=${shortText(value)}`;
  }
  if (roll < 0.75) {
    const name = rng.pick(FORM_FIELD_NAMES);
    const value = hostileValue(rng, name);
    fields.push([name, value]);
    return `add ${name}=${shortText(value)}`;
  }
  if (index >= 0 && roll < 0.85) {
    const name = fields[index][0];
    const value = hostileValue(rng, name);
    fields.splice(index + 1, 0, [name, value]);
    return `twice ${name}, 2nd=${shortText(value)}`;
  }
  if (index >= 0 && roll < 0.93 && /\[\d+\]/.test(fields[index][0])) {
    // Same field, odd list index: conform builds arrays from these.
    const name = fields[index][0];
    const renamed = name.replace(/\[\d+\]/, `[${rng.pick(["999999", "-1", "01", "1e3", "", "x", "0.5"])}]`);
    fields[index] = [renamed, fields[index][1]];
    return `rename ${name} -> ${renamed}`;
  }
  const name = hostileFieldName(rng);
  const value = hostileValue(rng, name);
  fields.push([name, value]);
  return `add ${shortText(name, 30)}=${shortText(value)}`;
}

type Generator = {
  kind: string;
  weight: number;
  /** Also safe for delete URLs: malformed at the HTTP level rather than a form that is just wrong. */
  malformed: boolean;
  make: (rng: Random, base: readonly Field[]) => FuzzBody;
};

const INVALID_UTF8_SEQUENCES = [
  [0xff, 0xfe],
  [0xc3, 0x28],
  [0xed, 0xa0, 0x80], // a UTF-16 surrogate encoded as UTF-8
  [0xc0, 0xaf], // an over-long "/"
  [0xf8, 0x88, 0x80, 0x80, 0x80],
  [0xe2, 0x82], // cut short
] as const;

const GENERATORS: readonly Generator[] = [
  {
    kind: "near-valid",
    weight: 34,
    malformed: false,
    make(rng, base) {
      const fields = withFreshNames(rng, base);
      const changes = Array.from({ length: rng.between(1, 3) }, () => mutate(rng, fields));
      return formBody("near-valid", `near-valid [${changes.join("; ")}]`, fields);
    },
  },
  {
    kind: "missing-fields",
    weight: 5,
    malformed: false,
    make(rng, base) {
      const fields = base.filter(() => rng.chance(0.4));
      return formBody("missing-fields", `missing fields: ${describeFields(fields)}`, fields);
    },
  },
  {
    kind: "random-fields",
    weight: 10,
    malformed: false,
    make(rng) {
      const fields: Field[] = Array.from({ length: rng.between(1, 15) }, () => {
        const name = rng.chance(0.8) ? rng.pick(FORM_FIELD_NAMES) : hostileFieldName(rng);
        return [name, hostileValue(rng, name)] as const;
      });
      return formBody("random-fields", `random fields: ${describeFields(fields)}`, fields);
    },
  },
  {
    kind: "deep-names",
    weight: 5,
    malformed: true,
    make(rng, base) {
      const name = hostileFieldName(rng);
      const fields: Field[] = [...base, [name, rng.pick(["1", "x", "<script>alert(1)</script>"])]];
      return formBody("deep-names", `form + ${shortText(name, 60)}`, fields);
    },
  },
  {
    kind: "huge-value",
    weight: 2,
    malformed: true,
    make(rng, base) {
      const fields = [...base];
      const name = fields.length > 0 && rng.chance(0.8) ? rng.pick(fields)[0] : rng.pick(FORM_FIELD_NAMES);
      const length = rng.pick(HUGE_LENGTHS);
      const fragment = rng.pick(["A", "é", "<script>", "\u0000", "' OR 1=1 --"]);
      fields.push([name, repeatTo(fragment, length)]);
      return formBody("huge-value", `form + ${name}=${shortText(fragment)} × ${length} chars`, fields);
    },
  },
  {
    kind: "invalid-utf8",
    weight: 5,
    malformed: true,
    make(rng, base) {
      const bytes = Buffer.from(rng.pick(INVALID_UTF8_SEQUENCES));
      const name = rng.pick(base.length > 0 ? base.map(([n]) => n) : [...FORM_FIELD_NAMES]);
      const inName = rng.chance(0.3);
      const pair = inName
        ? Buffer.concat([Buffer.from("x"), bytes, Buffer.from("=1")])
        : Buffer.concat([Buffer.from(`${encodeURIComponent(name)}=`), bytes]);
      const payload = Buffer.concat([Buffer.from(encodeForm(base)), Buffer.from(base.length > 0 ? "&" : ""), pair]);
      const where = inName ? "in a field name" : `as ${name}`;
      return {
        kind: "invalid-utf8",
        label: `form + raw bytes ${bytes.toString("hex")} ${where}`,
        contentType: FORM_CONTENT_TYPE,
        payload,
      };
    },
  },
  {
    kind: "bad-percent",
    weight: 3,
    malformed: true,
    make(rng, base) {
      const tail = rng.pick([
        "%",
        "%z",
        "%zz=1",
        "date.year=%E0%A4%A",
        "language=%00",
        "name=%FF%FE%C3%28",
        "%%%=%%%",
        "=",
        "&&&",
        "a=b=c",
      ]);
      const encoded = encodeForm(base);
      const payload = `${encoded}${encoded ? "&" : ""}${tail}`;
      return {
        kind: "bad-percent",
        label: `form + raw ${JSON.stringify(tail)}`,
        contentType: FORM_CONTENT_TYPE,
        payload,
      };
    },
  },
  {
    kind: "odd-charset",
    weight: 2,
    malformed: true,
    make(rng, base) {
      const contentType = rng.pick([
        `${FORM_CONTENT_TYPE}; charset=iso-8859-1`,
        `${FORM_CONTENT_TYPE}; charset=utf-16`,
        `${FORM_CONTENT_TYPE}; charset=nonsense`,
        `${FORM_CONTENT_TYPE};;;`,
        "APPLICATION/X-WWW-FORM-URLENCODED",
      ]);
      return formBody("odd-charset", `form as ${JSON.stringify(contentType)}`, base, contentType);
    },
  },
  {
    kind: "json",
    weight: 4,
    malformed: true,
    make(rng, base) {
      const payload = rng.pick([
        JSON.stringify(Object.fromEntries(base)),
        JSON.stringify(base),
        // A literal: in an object literal, __proto__ would set the prototype instead of a key.
        '{"__proto__":{"polluted":1},"participants":[{"name":{"$ne":null}}],"date":{"year":"abc"}}',
        "{",
        "null",
        "[]",
        '"text"',
      ]);
      return {
        kind: "json",
        label: `application/json ${shortText(payload, 60)}`,
        contentType: "application/json",
        payload,
      };
    },
  },
  {
    kind: "multipart",
    weight: 5,
    malformed: true,
    make: multipartBody,
  },
  {
    kind: "text-plain",
    weight: 2,
    malformed: true,
    make(_rng, base) {
      const payload = base.map(([name, value]) => `${name}=${value}`).join("\r\n");
      return { kind: "text-plain", label: `text/plain ${shortText(payload, 60)}`, contentType: "text/plain", payload };
    },
  },
  {
    kind: "no-content-type",
    weight: 2,
    malformed: true,
    make(_rng, base) {
      // A Buffer, because fetch would label a string body text/plain.
      const payload = Buffer.from(encodeForm(base));
      return { kind: "no-content-type", label: "form without Content-Type", contentType: null, payload };
    },
  },
  {
    kind: "empty",
    weight: 3,
    malformed: true,
    make(rng) {
      const contentType = rng.pick([FORM_CONTENT_TYPE, "multipart/form-data; boundary=x", null]);
      return {
        kind: "empty",
        label: `empty body, Content-Type ${JSON.stringify(contentType)}`,
        contentType,
        payload: Buffer.alloc(0),
      };
    },
  },
  {
    kind: "duplicates",
    weight: 3,
    malformed: true,
    make(rng, base) {
      const name = rng.pick(base.length > 0 ? base.map(([n]) => n) : [...FORM_FIELD_NAMES]);
      const same = rng.chance(0.5);
      const copies: Field[] = Array.from({ length: 1000 }, (_, i) => [
        name,
        same ? "x" : `${hostileValue(rng, name)}${i}`,
      ]);
      return formBody("duplicates", `form + ${name} × 1000 (${same ? "same value" : "different values"})`, [
        ...base,
        ...copies,
      ]);
    },
  },
  {
    kind: "many-fields",
    weight: 2,
    malformed: true,
    make(rng, base) {
      const shape = rng.pick([
        "f{i}",
        "participants[{i}].name",
        "topics[{i}]",
        "sources[{i}].outlet",
        "members[{i}].personId",
      ]);
      const fields: Field[] = Array.from({ length: 10_000 }, (_, i) => [shape.replace("{i}", String(i)), String(i)]);
      return formBody("many-fields", `form + 10000 fields ${shape}`, [...base, ...fields]);
    },
  },
];

const DELETE_GENERATORS = GENERATORS.filter((generator) => generator.malformed);

function multipartBody(rng: Random, base: readonly Field[]): FuzzBody {
  const boundary = `----fuzz${rng.word(16, "abcdef0123456789")}`;
  const parts = base.map(([name, value]) => {
    const asFile = rng.chance(0.15);
    const disposition = `form-data; name="${name}"${asFile ? `; filename="${rng.pick(["a.txt", "../../x", "\u0000.png"])}"` : ""}`;
    const type = asFile ? "\r\nContent-Type: application/octet-stream" : "";
    return `--${boundary}\r\nContent-Disposition: ${disposition}${type}\r\n\r\n${asFile ? rng.word(20) : value}\r\n`;
  });
  const flaw = rng.pick([
    "none",
    "no-closing",
    "no-boundary-param",
    "other-boundary",
    "no-disposition",
    "garbage",
  ] as const);
  let payload = `${parts.join("")}--${boundary}--\r\n`;
  let contentType = `multipart/form-data; boundary=${boundary}`;
  if (flaw === "no-closing") payload = parts.join("");
  if (flaw === "no-boundary-param") contentType = "multipart/form-data";
  if (flaw === "other-boundary") contentType = "multipart/form-data; boundary=not-the-one";
  if (flaw === "no-disposition") payload = `--${boundary}\r\nX-Nothing: 1\r\n\r\nvalue\r\n--${boundary}--\r\n`;
  if (flaw === "garbage") payload = rng.word(200);
  return { kind: "multipart", label: `multipart/form-data (${flaw}, ${parts.length} parts)`, contentType, payload };
}

// ---------------------------------------------------------------------------------------------
// Targets
// ---------------------------------------------------------------------------------------------

type FixtureIds = {
  meeting: number;
  partner: number;
  person: number;
  organisation: number;
  initiative: number;
  delegation: number;
  relation: number;
  step: number;
};

type Target = {
  path: string;
  /** The path with placeholders: names the target's PRNG stream, whatever the fixture's ids. */
  pattern: string;
  /** Send the editor's cookie. */
  signedIn: boolean;
  /** A redirect to /sign-in means the editor's session was lost (not true of /language). */
  expectsSession: boolean;
  /** A well-formed post deletes the record: only malformed bodies, and no row-count rule. */
  deletes: boolean;
  /** A plausible submission for the target's form, which the generators spoil. */
  base: readonly Field[];
};

function readFixtureIds(db: Database.Database): FixtureIds {
  const smallest = (table: string, where = "") => {
    const row = db.prepare(`SELECT min(id) AS id FROM ${table} ${where}`).get() as { id: number | null };
    if (row.id === null) throw new Error(`The demo data has no rows in ${table}: nothing to fuzz there.`);
    return row.id;
  };
  return {
    meeting: smallest("meetings"),
    partner: smallest("partners", "WHERE is_home = 0"),
    person: smallest("people"),
    organisation: smallest("organisations"),
    initiative: smallest("initiatives"),
    delegation: smallest("delegations"),
    relation: smallest("relations"),
    // A step of that relation: the step routes refuse another relation's.
    step: smallest("relation_steps", `WHERE relation_id = ${smallest("relations")}`),
  };
}

function baseForms(ids: FixtureIds) {
  const id = (value: number) => String(value);
  const date: Field[] = [
    ["date.year", "2024"],
    ["date.month", "5"],
    ["date.day", "14"],
  ];
  return {
    meeting: [
      ["language", "en"],
      ...date,
      ["startTime", "10:30"],
      ["location", "Akimat, Astana"],
      ["purpose", "Fuzz purpose"],
      ["summary", "Fuzz summary"],
      ["partnerId", id(ids.partner)],
      ["hostOrganisationId", id(ids.organisation)],
      ["participants[0].personId", id(ids.person)],
      ["participants[0].side", "guest"],
      ["participants[0].role", "attended"],
      ["participants[0].title", "Deputy mayor"],
      ["participants[1].name", "Fuzz Newcomer"],
      ["participants[1].isNew", "on"],
      ["participants[1].side", "host"],
      ["participants[1].role", "spoke"],
      ["topics[0]", "Trade"],
      ["sources[0].url", "https://example.com/news"],
      ["sources[0].outlet", "Example"],
      ["sources[0].title", "A visit"],
      ["initiatives[0].title", "Fuzz initiative"],
      ["initiatives[0].kind", "trade"],
      ["initiatives[0].status", "proposed"],
    ],
    partner: [
      ["kind", "city"],
      ["countryCode", "DE"],
      ["nameEn", "Fuzzburg"],
      ["nameNative", "Fuzzburg"],
      ["wikidataId", "Q42"],
    ],
    person: [
      ["nameEn", "Fuzz Person"],
      ["nameRu", "Фазз Персон"],
      ["posts[0].organisationId", id(ids.organisation)],
      ["posts[0].titleEn", "Mayor"],
      ["posts[0].start.year", "2020"],
    ],
    organisation: [
      ["partnerId", id(ids.partner)],
      ["parentId", id(ids.organisation)],
      ["nameEn", "Fuzz Office"],
    ],
    initiative: [
      ["titleEn", "Fuzz initiative"],
      ["description", "Fuzz"],
      ["kind", "trade"],
      ["status", "proposed"],
      ["partnerId", id(ids.partner)],
      ["ownerPersonId", id(ids.person)],
      ["due.year", "2027"],
    ],
    initiativeStep: [...date, ["status", "agreed"], ["note", "Fuzz step"], ["meetingId", id(ids.meeting)]],
    delegation: [
      ["partnerId", id(ids.partner)],
      ["organisationId", id(ids.organisation)],
      ["direction", "incoming"],
      ["arrival.year", "2024"],
      ["departure.year", "2024"],
      ["purpose", "Fuzz visit"],
      ["leader.personId", id(ids.person)],
      ["members[0].name", "Fuzz Member"],
    ],
    relation: [["type", "friendly"], ["status", "proposed"], ...date, ["note", "Fuzz"], ["stepNote", "Fuzz"]],
    relationFields: [
      ["type", "friendly"],
      ["note", "Fuzz"],
    ],
    relationStep: [
      ["status", "signed"],
      ...date,
      ["note", "Fuzz"],
      ["meetingId", id(ids.meeting)],
      ["signatories[0].personId", id(ids.person)],
      ["sourceUrl", "https://example.com/signed"],
      ["sourceOutlet", "Example"],
    ],
    revert: [["entryId", "1"]],
    language: [
      ["lng", "ru"],
      ["redirectTo", "/meetings"],
    ],
    // Never the editor's real password: a valid change would end the session the run uses.
    password: [
      ["current", "not-the-password-1"],
      ["password", "a-new-password-2026"],
      ["confirm", "a-new-password-2026"],
    ],
    signIn: [
      ["email", "nobody@test.kezdesu"],
      ["password", "not-the-password-1"],
      ["redirectTo", "/"],
    ],
    restore: [
      ["recordType", "meeting"],
      ["recordId", id(ids.meeting)],
    ],
  } satisfies Record<string, Field[]>;
}

function buildTargets(ids: FixtureIds): Target[] {
  const forms = baseForms(ids);
  const target = (
    pattern: string,
    base: readonly Field[],
    options: Partial<Omit<Target, "pattern" | "path" | "base">> = {},
  ): Target => ({
    pattern,
    path: pattern.replace(/\{(\w+)\}/g, (_, key: string) => {
      if (!(key in ids)) throw new Error(`No fixture id for {${key}} in ${pattern}.`);
      return String(ids[key as keyof FixtureIds]);
    }),
    base,
    signedIn: options.signedIn ?? true,
    expectsSession: options.expectsSession ?? options.signedIn ?? true,
    deletes: pattern.endsWith("/delete"),
  });
  const writes = [
    target("/meetings/new", forms.meeting),
    target("/meetings/{meeting}/edit", forms.meeting),
    target("/partners/new", forms.partner),
    target("/partners/{partner}/edit", forms.partner),
    target("/partners/{partner}/relation", forms.relation),
    target("/people/new", forms.person),
    target("/people/{person}/edit", forms.person),
    target("/organisations/new", forms.organisation),
    target("/organisations/{organisation}/edit", forms.organisation),
    target("/initiatives/new", forms.initiative),
    target("/initiatives/{initiative}/edit", forms.initiative),
    target("/initiatives/{initiative}/step", forms.initiativeStep),
    target("/delegations/new", forms.delegation),
    target("/delegations/{delegation}/edit", forms.delegation),
    target("/relations/{relation}/step", forms.relationStep),
    target("/relations/{relation}/edit", forms.relationFields),
    target("/relations/{relation}/steps/{step}/edit", forms.relationStep),
    target("/history/meeting/{meeting}", forms.revert),
    target("/language", forms.language, { expectsSession: false }),
    target("/account/password", forms.password),
    target("/sign-in", forms.signIn, { signedIn: false }),
    target("/admin/bin", forms.restore),
  ];
  // Last, because the first request to each may well delete the record the others need.
  const deletes = [
    "/meetings/{meeting}/delete",
    "/partners/{partner}/delete",
    "/people/{person}/delete",
    "/organisations/{organisation}/delete",
    "/initiatives/{initiative}/delete",
    "/delegations/{delegation}/delete",
    "/relations/{relation}/steps/{step}/delete",
    "/relations/{relation}/delete",
  ].map((pattern) => target(pattern, []));
  return [...writes, ...deletes];
}

function generateBody(rng: Random, target: Target): FuzzBody {
  const generator = rng.weighted(target.deletes ? DELETE_GENERATORS : GENERATORS);
  return generator.make(rng, target.base);
}

// ---------------------------------------------------------------------------------------------
// The server
// ---------------------------------------------------------------------------------------------

class ServerGone extends Error {}

type Server = { child: ChildProcess; logFile: string };

function assertBuilt() {
  if (!fs.existsSync(path.join(ROOT, "build/index.js"))) {
    console.error("build/index.js is missing: run `npm run build` first (the fuzz run uses the production build).");
    process.exit(1);
  }
}

/** Refuses to start on a busy port: polling would otherwise test whatever else answers there. */
async function assertPortFree(port: number) {
  await new Promise<void>((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", () => reject(new Error(`Port ${port} is in use: choose another with FUZZ_PORT.`)));
    probe.listen(port, () => probe.close(() => resolve()));
  });
}

function startServer(workDir: string): Server {
  const logFile = path.join(workDir, "server.log");
  const log = fs.openSync(logFile, "a");
  const child = spawn(process.execPath, ["--import", "tsx", "server.ts"], {
    cwd: ROOT,
    env: {
      ...process.env,
      NODE_ENV: "production",
      PORT: String(PORT),
      DATABASE_PATH: path.join(workDir, "fuzz.db"),
      DEMO_DATA: "load",
      ADMIN_EMAIL: ADMIN.email,
      ADMIN_PASSWORD: ADMIN.password,
      // One process: stopping it leaves no cluster workers behind.
      WEB_CONCURRENCY: "1",
    },
    stdio: ["ignore", log, log],
  });
  fs.closeSync(log);
  // Whatever happens to this process, the server goes with it.
  process.once("exit", () => {
    if (isRunning(child)) child.kill("SIGKILL");
  });
  return { child, logFile };
}

const isRunning = (child: ChildProcess) => child.exitCode === null && child.signalCode === null;

function logTail(server: Server, lines = 30): string {
  try {
    return fs.readFileSync(server.logFile, "utf8").split("\n").slice(-lines).join("\n");
  } catch {
    return "(no server log)";
  }
}

async function waitUntilReady(server: Server) {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (!isRunning(server.child)) throw new Error(`The server stopped while starting:\n${logTail(server)}`);
    try {
      const response = await fetch(`${BASE_URL}/sign-in`, { redirect: "manual", signal: AbortSignal.timeout(5_000) });
      await response.body?.cancel();
      if (response.status === 200) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`GET /sign-in did not answer 200 within ${READY_TIMEOUT_MS / 1000} s:\n${logTail(server)}`);
}

async function stopServer(server: Server) {
  if (!isRunning(server.child)) return;
  const exited = new Promise<void>((resolve) => server.child.once("exit", () => resolve()));
  server.child.kill("SIGTERM");
  const timer = setTimeout(() => server.child.kill("SIGKILL"), 5_000);
  await exited;
  clearTimeout(timer);
}

// ---------------------------------------------------------------------------------------------
// HTTP
// ---------------------------------------------------------------------------------------------

async function post(pathname: string, body: string | Buffer, contentType: string | null, cookie: string | null) {
  const headers: Record<string, string> = { "Sec-Fetch-Site": "same-origin" };
  if (contentType !== null) headers["Content-Type"] = contentType;
  if (cookie !== null) headers.Cookie = cookie;
  return fetch(`${BASE_URL}${pathname}`, {
    method: "POST",
    headers,
    // The DOM typings do not take a Node Buffer (its ArrayBuffer may be shared): the same bytes.
    body: typeof body === "string" ? body : new Uint8Array(body),
    redirect: "manual",
    signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
  });
}

const postForm = (pathname: string, fields: readonly Field[], cookie: string | null = null) =>
  post(pathname, encodeForm(fields), FORM_CONTENT_TYPE, cookie);

function sessionCookieOf(response: Response, what: string): string {
  const cookie = response.headers.getSetCookie().find((header) => header.startsWith(`${SESSION_COOKIE}=`));
  if (!cookie) throw new Error(`${what}: no ${SESSION_COOKIE} cookie in the answer (status ${response.status}).`);
  return cookie.split(";")[0];
}

/** Signs in as the administrator, invites an editor, and accepts the invitation: the editor's cookie. */
async function signInAsNewEditor(): Promise<string> {
  const adminAnswer = await postForm("/sign-in", [
    ["email", ADMIN.email],
    ["password", ADMIN.password],
    ["redirectTo", "/"],
  ]);
  const adminCookie = sessionCookieOf(adminAnswer, "Signing in as the administrator");

  const inviteAnswer = await postForm(
    "/admin/users",
    [
      ["email", EDITOR.email],
      ["name", EDITOR.name],
      ["role", "editor"],
    ],
    adminCookie,
  );
  const page = await inviteAnswer.text();
  const token = /\/invite\/([A-Za-z0-9_-]{20,})/.exec(page)?.[1];
  if (!token) throw new Error(`Inviting the editor: no invitation link in the answer (status ${inviteAnswer.status}).`);

  const acceptAnswer = await postForm(`/invite/${token}`, [
    ["name", EDITOR.name],
    ["password", EDITOR.password],
    ["confirm", EDITOR.password],
  ]);
  return sessionCookieOf(acceptAnswer, "Accepting the editor's invitation");
}

// ---------------------------------------------------------------------------------------------
// The database fingerprint: row counts, read through a read-only connection
// ---------------------------------------------------------------------------------------------

type Fingerprint = Map<string, number>;

function fingerprinter(db: Database.Database): () => Fingerprint {
  const tables = (
    db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").all() as Array<{
      name: string;
    }>
  )
    .map((row) => row.name)
    .filter((name) => !UNCOUNTED_TABLES.has(name) && !name.startsWith(FTS_SHADOW_PREFIX));
  const counts = tables.map((name) => [name, db.prepare(`SELECT count(*) AS n FROM "${name}"`)] as const);
  return () => new Map(counts.map(([name, statement]) => [name, (statement.get() as { n: number }).n]));
}

function differences(before: Fingerprint, after: Fingerprint): string[] {
  const changed: string[] = [];
  for (const [table, count] of after) {
    const delta = count - (before.get(table) ?? 0);
    if (delta !== 0) changed.push(`${table} ${delta > 0 ? "+" : ""}${delta}`);
  }
  return changed;
}

// ---------------------------------------------------------------------------------------------
// The run
// ---------------------------------------------------------------------------------------------

type Rule = "5xx" | "stack trace" | "row written" | "no answer" | "session lost" | "body not cut" | "slow health";

type Failure = { target: string; request: number; rule: Rule; status: string; body: FuzzBody; detail: string };

type TargetStats = {
  target: string;
  requests: number;
  rejected: number;
  accepted: number;
  serverErrors: number;
  stackTraces: number;
  rowsWritten: number;
  noAnswer: number;
  seconds: number;
};

type Run = { editorCookie: string; fingerprint: () => Fingerprint; server: Server; failures: Failure[] };

/** fetch says only "fetch failed"; the socket error that explains it is the cause. */
function describeError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause =
    error.cause instanceof Error
      ? ` (${error.cause.name}: ${error.cause.message}${"code" in error.cause ? ` ${String(error.cause.code)}` : ""})`
      : "";
  return `${error.name}: ${error.message}${cause}`;
}

function leakedTrace(text: string): string | null {
  for (const pattern of STACK_TRACE_PATTERNS) {
    const match = pattern.exec(text);
    if (match) return text.slice(Math.max(0, match.index - 60), match.index + match[0].length + 60);
  }
  return null;
}

type Answer = { status: number; location: string | null; text: string };

async function answerTo(target: Target, body: FuzzBody, editorCookie: string): Promise<Answer> {
  const response = await post(target.path, body.payload, body.contentType, target.signedIn ? editorCookie : null);
  return { status: response.status, location: response.headers.get("Location"), text: await response.text() };
}

/** The rules any answer must keep, whatever was sent: the ones this answer broke. */
function brokenRules(target: Target, answer: Answer): Array<{ rule: Rule; detail: string }> {
  const broken: Array<{ rule: Rule; detail: string }> = [];
  if (answer.status >= 500) broken.push({ rule: "5xx", detail: answer.text.slice(0, 300) });
  const trace = leakedTrace(answer.text);
  if (trace !== null)
    broken.push({
      rule: "stack trace",
      detail: `${answer.text.slice(0, 300)}\n      … matched: ${JSON.stringify(trace)}`,
    });
  const redirect = answer.status >= 300 && answer.status < 400;
  if (redirect && target.expectsSession && answer.location?.startsWith("/sign-in")) {
    broken.push({ rule: "session lost", detail: `redirected to ${answer.location}` });
  }
  return broken;
}

const isRejected = (status: number) => status >= 400 && status < 500;

async function fuzzTarget(target: Target, run: Run): Promise<TargetStats> {
  const started = performance.now();
  const stats: TargetStats = {
    target: target.path,
    requests: 0,
    rejected: 0,
    accepted: 0,
    serverErrors: 0,
    stackTraces: 0,
    rowsWritten: 0,
    noAnswer: 0,
    seconds: 0,
  };
  const rng = new Random(hashSeed(`${SEED}:${target.pattern}`));
  let baseline = run.fingerprint();
  // A reset can be the previous request's doing (on the same keep-alive connection): it is reported too.
  let previous = "(none)";

  for (let request = 0; request < RUNS; request++) {
    const body = generateBody(rng, target);
    const fail = (rule: Rule, status: string, detail: string) =>
      run.failures.push({ target: target.path, request, rule, status, body, detail });
    if (TRACE)
      console.log(`  ${target.path} #${request}: ${body.label} (Content-Type ${JSON.stringify(body.contentType)})`);
    const sent = performance.now();
    stats.requests++;

    let answer: Answer;
    try {
      answer = await answerTo(target, body, run.editorCookie);
    } catch (error) {
      stats.noAnswer++;
      fail("no answer", "—", `${describeError(error)}; the request before it: ${previous}`);
      if (!isRunning(run.server.child))
        throw new ServerGone(`The server stopped during ${target.path}:\n${logTail(run.server)}`);
      previous = body.label;
      baseline = run.fingerprint();
      continue;
    }
    if (TRACE) console.log(`    → ${answer.status} in ${Math.round(performance.now() - sent)} ms`);
    previous = body.label;

    if (isRejected(answer.status)) stats.rejected++;
    else if (answer.status < 400) stats.accepted++;
    for (const { rule, detail } of brokenRules(target, answer)) {
      if (rule === "5xx") stats.serverErrors++;
      if (rule === "stack trace") stats.stackTraces++;
      fail(rule, String(answer.status), detail);
    }

    // An accepted request may write; a refused one must not (deleting is what a delete URL does).
    const now = run.fingerprint();
    const written = differences(baseline, now);
    if (!target.deletes && isRejected(answer.status) && written.length > 0) {
      stats.rowsWritten++;
      fail("row written", String(answer.status), `${written.join(", ")}; answer: ${answer.text.slice(0, 300)}`);
    }
    baseline = now;
  }

  stats.seconds = (performance.now() - started) / 1000;
  return stats;
}

// ---------------------------------------------------------------------------------------------
// Bodies over the limit (issue 12.1): cut as they arrive, whatever their framing
// ---------------------------------------------------------------------------------------------

/** Far over server.ts's 8 MB limit, and far more than the socket buffers hold. */
const OVERSIZED_MB = 64;
const HEALTH_WITHIN_MS = 2_000;
const megabyte = Buffer.alloc(1024 * 1024, "A");

type Cut = { status: number | null; error: string | null; writtenMb: number };

/** One oversized form post, written as fast as the server takes it until it answers or hangs up. */
function oversizedPost(pathname: string, cookie: string | null, framing: "chunked" | "declared"): Promise<Cut> {
  return new Promise((resolve) => {
    const cut: Cut = { status: null, error: null, writtenMb: 0 };
    let settled = false;
    const settle = () => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      request.destroy();
      resolve(cut);
    };
    const timer = setTimeout(() => {
      cut.error = `no answer within ${REQUEST_TIMEOUT_MS / 1000} s`;
      settle();
    }, REQUEST_TIMEOUT_MS);
    const request = http.request(`${BASE_URL}${pathname}`, {
      method: "POST",
      headers: {
        "Content-Type": FORM_CONTENT_TYPE,
        "Sec-Fetch-Site": "same-origin",
        ...(framing === "chunked"
          ? { "Transfer-Encoding": "chunked" }
          : { "Content-Length": String(2 + OVERSIZED_MB * megabyte.length) }),
        ...(cookie ? { Cookie: cookie } : {}),
      },
    });
    request.on("response", (response) => {
      cut.status = response.statusCode ?? null;
      response.resume();
      response.on("end", settle);
      response.on("error", settle);
    });
    request.on("error", (error: NodeJS.ErrnoException) => {
      cut.error = error.code ?? error.message;
      settle();
    });
    request.write("x=");
    const write = () => {
      while (cut.writtenMb < OVERSIZED_MB && cut.status === null && !request.destroyed) {
        cut.writtenMb++;
        if (!request.write(megabyte)) return void request.once("drain", write);
      }
      if (cut.writtenMb >= OVERSIZED_MB && !request.destroyed) request.end();
    };
    write();
  });
}

/** Every target, signed out and signed in, chunked and declared: never 5xx, never read whole. */
async function fuzzOversizedBodies(targets: readonly Target[], run: Run): Promise<TargetStats> {
  const started = performance.now();
  const stats: TargetStats = {
    target: "bodies over the limit",
    requests: 0,
    rejected: 0,
    accepted: 0,
    serverErrors: 0,
    stackTraces: 0,
    rowsWritten: 0,
    noAnswer: 0,
    seconds: 0,
  };
  let request = 0;
  for (const target of targets) {
    for (const cookie of [null, run.editorCookie]) {
      for (const framing of ["chunked", "declared"] as const) {
        const label = `${OVERSIZED_MB} MB ${framing}, ${cookie ? "signed in" : "signed out"}`;
        const body: FuzzBody = { kind: "oversized", label, contentType: FORM_CONTENT_TYPE, payload: "" };
        const fail = (rule: Rule, status: string, detail: string) =>
          run.failures.push({ target: target.path, request, rule, status, body, detail });
        if (TRACE) console.log(`  ${target.path}: ${label}`);
        const cut = await oversizedPost(target.path, cookie, framing);
        stats.requests++;
        request++;
        if (cut.status !== null && cut.status >= 500) {
          stats.serverErrors++;
          fail("5xx", String(cut.status), label);
        } else if (cut.status !== null && cut.status >= 400) stats.rejected++;
        else if (cut.status !== null) stats.accepted++;
        // A closed connection is a refusal too; a client that gave up waiting is not.
        if (cut.status === null && !/^(ECONNRESET|EPIPE)$/.test(cut.error ?? "")) {
          stats.noAnswer++;
          fail("no answer", "—", `${label}: ${cut.error}`);
        }
        if (cut.writtenMb >= OVERSIZED_MB)
          fail("body not cut", String(cut.status ?? cut.error), `${label}: the server took all ${OVERSIZED_MB} MB`);
        if (!isRunning(run.server.child))
          throw new ServerGone(`The server stopped during ${target.path} (${label}):\n${logTail(run.server)}`);
        const asked = performance.now();
        try {
          const health = await fetch(`${BASE_URL}/healthz`, { signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
          await health.body?.cancel();
          const ms = performance.now() - asked;
          if (health.status !== 200 || ms > HEALTH_WITHIN_MS)
            fail("slow health", String(health.status), `/healthz took ${Math.round(ms)} ms after ${label}`);
        } catch (error) {
          fail("slow health", "—", `/healthz after ${label}: ${describeError(error)}`);
        }
      }
    }
  }
  stats.seconds = (performance.now() - started) / 1000;
  return stats;
}

/** After everything: the server still answers a plain page (no poisoned prototype, no dead worker). */
async function assertStillHealthy(run: Run) {
  const body: FuzzBody = { kind: "health", label: "GET /sign-in after the run", contentType: null, payload: "" };
  try {
    const response = await fetch(`${BASE_URL}/sign-in`, {
      redirect: "manual",
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
    await response.body?.cancel();
    if (response.status === 200) return;
    run.failures.push({
      target: "GET /sign-in",
      request: 0,
      rule: "5xx",
      status: String(response.status),
      body,
      detail: "the server no longer serves the sign-in page",
    });
  } catch (error) {
    run.failures.push({
      target: "GET /sign-in",
      request: 0,
      rule: "no answer",
      status: "—",
      body,
      detail: describeError(error),
    });
  }
}

// ---------------------------------------------------------------------------------------------
// Reporting
// ---------------------------------------------------------------------------------------------

function printTable(rows: readonly TargetStats[]) {
  const header = [
    "target",
    "requests",
    "4xx",
    "2xx/3xx",
    "5xx",
    "stack traces",
    "rows written by 4xx",
    "no answer",
    "seconds",
  ];
  const cells = rows.map((row) => [
    row.target,
    String(row.requests),
    String(row.rejected),
    String(row.accepted),
    String(row.serverErrors),
    String(row.stackTraces),
    String(row.rowsWritten),
    String(row.noAnswer),
    row.seconds.toFixed(1),
  ]);
  const widths = header.map((title, column) => Math.max(title.length, ...cells.map((row) => row[column].length)));
  const line = (row: readonly string[]) =>
    row.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]) : cell.padStart(widths[column]))).join("  ");
  console.log(line(header));
  console.log(widths.map((width) => "-".repeat(width)).join("  "));
  for (const row of cells) console.log(line(row));
}

function describeFailure(failure: Failure): string {
  return [
    `${failure.target} #${failure.request}: ${failure.rule} (status ${failure.status})`,
    `  body (${failure.body.kind}, Content-Type ${JSON.stringify(failure.body.contentType)}): ${failure.body.label}`,
    `  answer: ${failure.detail.replace(/\s+/g, " ").slice(0, 400)}`,
  ].join("\n");
}

/** Keeps every failing body whole, so it can be replayed with curl --data-binary @file. */
function saveFailures(failures: readonly Failure[], workDir: string): string {
  const dir = path.join(workDir, "failures");
  fs.mkdirSync(dir, { recursive: true });
  failures.forEach((failure, index) =>
    fs.writeFileSync(path.join(dir, `${String(index).padStart(4, "0")}.body`), failure.body.payload),
  );
  const report = path.join(workDir, "failures.txt");
  fs.writeFileSync(
    report,
    failures.map((failure, index) => `[${String(index).padStart(4, "0")}] ${describeFailure(failure)}`).join("\n\n"),
  );
  return report;
}

// ---------------------------------------------------------------------------------------------

async function main(): Promise<number> {
  assertBuilt();
  await assertPortFree(PORT);
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), "kezdesu-fuzz-"));
  console.log(
    `Fuzzing with FUZZ_RUNS=${RUNS} FUZZ_SEED=${SEED} on ${BASE_URL} (database and server log in ${workDir})`,
  );

  const server = startServer(workDir);
  const stopOnSignal = () => void stopServer(server).finally(() => process.exit(130));
  process.once("SIGINT", stopOnSignal);
  process.once("SIGTERM", stopOnSignal);

  const failures: Failure[] = [];
  const stats: TargetStats[] = [];
  const started = performance.now();
  let db: Database.Database | null = null;
  try {
    await waitUntilReady(server);
    const editorCookie = await signInAsNewEditor();
    db = new Database(path.join(workDir, "fuzz.db"), { readonly: true });
    const targets = buildTargets(readFixtureIds(db)).filter((target) => target.path.includes(ONLY));
    const run: Run = { editorCookie, fingerprint: fingerprinter(db), server, failures };

    for (const [index, target] of targets.entries()) {
      const result = await fuzzTarget(target, run);
      stats.push(result);
      const bad = result.serverErrors + result.stackTraces + result.rowsWritten + result.noAnswer;
      console.log(
        `[${String(index + 1).padStart(2)}/${targets.length}] ${target.path.padEnd(38)} ${result.requests} requests: ` +
          `${result.rejected} 4xx, ${result.accepted} 2xx/3xx, ${bad} bad, ${result.seconds.toFixed(1)} s`,
      );
    }
    const oversized = await fuzzOversizedBodies(targets, run);
    stats.push(oversized);
    console.log(
      `${oversized.target}: ${oversized.requests} requests, ${oversized.rejected} 4xx, ${oversized.accepted} 2xx/3xx, ${oversized.seconds.toFixed(1)} s`,
    );
    await assertStillHealthy(run);
  } catch (error) {
    if (!(error instanceof ServerGone)) throw error;
    failures.push({
      target: "server",
      request: 0,
      rule: "no answer",
      status: "—",
      body: { kind: "—", label: "—", contentType: null, payload: "" },
      detail: error.message,
    });
  } finally {
    db?.close();
    await stopServer(server);
  }

  console.log(`\nDone in ${((performance.now() - started) / 1000).toFixed(1)} s.\n`);
  printTable(stats);
  if (failures.length === 0) {
    fs.rmSync(workDir, { recursive: true, force: true });
    console.log("\nNo failures: every answer was below 500, no stack traces, no rows written by a rejected request.");
    return 0;
  }
  console.log(`\n${failures.length} failure(s):\n`);
  for (const failure of failures.slice(0, FAILURES_PRINTED)) console.log(`${describeFailure(failure)}\n`);
  if (failures.length > FAILURES_PRINTED) console.log(`… and ${failures.length - FAILURES_PRINTED} more.`);
  console.log(
    `All failures: ${saveFailures(failures, workDir)} (bodies in ${path.join(workDir, "failures")}; server log ${server.logFile}).`,
  );
  return 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
