/**
 * Hostile bodies: a plausible form spoiled one way or another, or no form at all. Field names
 * come from the app's own schemas (scripts/fuzz/form-fields.ts), gathered in a FieldPool.
 */
import type { FieldKind, FormField } from "./form-fields";
import type { Random } from "./random";
import type { Field } from "./targets";

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

/** Every field the app's forms post, so bodies get past the first checks and deep into validation. */
export type FieldPool = {
  names: readonly string[];
  kindOf: (name: string) => FieldKind;
  /** The pool's list fields with their index as a hole: "participants[{i}].name", "topics[{i}]". */
  listShapes: readonly string[];
};

export function fieldPool(fields: readonly FormField[]): FieldPool {
  const kinds = new Map(fields.map((field) => [field.name, field.kind]));
  const names = [...kinds.keys()];
  return {
    names,
    kindOf: (name) => kinds.get(name) ?? "text",
    listShapes: [...new Set(names.filter((name) => name.includes("[0]")).map((name) => name.replace("[0]", "[{i}]")))],
  };
}

function hostileValue(rng: Random, kind: FieldKind): string {
  const roll = rng.next();
  if (roll < 0.3) {
    if (kind === "number") return rng.pick(WRONG_NUMBERS);
    if (kind === "boolean") return rng.pick(WRONG_BOOLEANS);
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
function hostileFieldName(rng: Random, pool: FieldPool): string {
  // A real list and a real nested field of some form, to aim at: "participants[{i}].name", "date.year".
  const list = pool.listShapes.length > 0 ? rng.pick(pool.listShapes) : "a[{i}].b";
  const listName = list.slice(0, list.indexOf("["));
  const nested = pool.names.filter((name) => /^\w+\.\w+$/.test(name));
  const [outer, inner] = (nested.length > 0 ? rng.pick(nested) : "a.b").split(".");
  return rng.pick([
    rng.word(rng.between(1, 20)),
    rng.pick(pool.names),
    "a" + "[0]".repeat(500),
    listName + "[0]".repeat(500),
    Array.from({ length: 500 }, () => "a").join("."),
    list.replace("{i}", "999999"),
    list.replace("{i}", "-1"),
    list.replace("{i}", "01"),
    list.replace("{i}", "1e3"),
    list.replace("{i}", ""),
    "__proto__[polluted]",
    "__proto__.polluted",
    "constructor[prototype][x]",
    "constructor.prototype.x",
    `${listName}[0].__proto__.x`,
    `${outer}.__proto__.${inner}`,
    `${listName}[__proto__]`,
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

/** One request body, and a description of it short enough for a report. */
export type FuzzBody = { kind: string; label: string; contentType: string | null; payload: string | Buffer };

export const FORM_CONTENT_TYPE = "application/x-www-form-urlencoded";

export function encodeForm(fields: readonly Field[]): string {
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
function mutate(rng: Random, fields: Field[], pool: FieldPool): string {
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
    const value = hostileValue(rng, pool.kindOf(name));
    fields[index] = [name, value];
    return `${name}=${shortText(value)}`;
  }
  if (roll < 0.75) {
    const name = rng.pick(pool.names);
    const value = hostileValue(rng, pool.kindOf(name));
    fields.push([name, value]);
    return `add ${name}=${shortText(value)}`;
  }
  if (index >= 0 && roll < 0.85) {
    const name = fields[index][0];
    const value = hostileValue(rng, pool.kindOf(name));
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
  const name = hostileFieldName(rng, pool);
  const value = hostileValue(rng, pool.kindOf(name));
  fields.push([name, value]);
  return `add ${shortText(name, 30)}=${shortText(value)}`;
}

type Generator = {
  kind: string;
  weight: number;
  /** Also safe for delete URLs: malformed at the HTTP level rather than a form that is just wrong. */
  malformed: boolean;
  make: (rng: Random, base: readonly Field[], pool: FieldPool) => FuzzBody;
};

const INVALID_UTF8_SEQUENCES = [
  [0xff, 0xfe],
  [0xc3, 0x28],
  [0xed, 0xa0, 0x80], // a UTF-16 surrogate encoded as UTF-8
  [0xc0, 0xaf], // an over-long "/"
  [0xf8, 0x88, 0x80, 0x80, 0x80],
  [0xe2, 0x82], // cut short
] as const;

export const GENERATORS: readonly Generator[] = [
  {
    kind: "near-valid",
    weight: 34,
    malformed: false,
    make(rng, base, pool) {
      const fields = withFreshNames(rng, base);
      const changes = Array.from({ length: rng.between(1, 3) }, () => mutate(rng, fields, pool));
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
    make(rng, _base, pool) {
      const fields: Field[] = Array.from({ length: rng.between(1, 15) }, () => {
        const name = rng.chance(0.8) ? rng.pick(pool.names) : hostileFieldName(rng, pool);
        return [name, hostileValue(rng, pool.kindOf(name))] as const;
      });
      return formBody("random-fields", `random fields: ${describeFields(fields)}`, fields);
    },
  },
  {
    kind: "deep-names",
    weight: 5,
    malformed: true,
    make(rng, base, pool) {
      const name = hostileFieldName(rng, pool);
      const fields: Field[] = [...base, [name, rng.pick(["1", "x", "<script>alert(1)</script>"])]];
      return formBody("deep-names", `form + ${shortText(name, 60)}`, fields);
    },
  },
  {
    kind: "huge-value",
    weight: 2,
    malformed: true,
    make(rng, base, pool) {
      const fields = [...base];
      const name = fields.length > 0 && rng.chance(0.8) ? rng.pick(fields)[0] : rng.pick(pool.names);
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
    make(rng, base, pool) {
      const bytes = Buffer.from(rng.pick(INVALID_UTF8_SEQUENCES));
      const name = rng.pick(base.length > 0 ? base.map(([n]) => n) : pool.names);
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
    make(rng, base, pool) {
      const name = rng.pick(base.length > 0 ? base.map(([n]) => n) : pool.names);
      const same = rng.chance(0.5);
      const copies: Field[] = Array.from({ length: 1000 }, (_, i) => [
        name,
        same ? "x" : `${hostileValue(rng, pool.kindOf(name))}${i}`,
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
    make(rng, base, pool) {
      const shape = rng.pick(["f{i}", ...pool.listShapes]);
      const fields: Field[] = Array.from({ length: 10_000 }, (_, i) => [shape.replace("{i}", String(i)), String(i)]);
      return formBody("many-fields", `form + 10000 fields ${shape}`, [...base, ...fields]);
    },
  },
];

export const DELETE_GENERATORS = GENERATORS.filter((generator) => generator.malformed);

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

export function generateBody(rng: Random, target: { deletes: boolean; base: readonly Field[] }, pool: FieldPool) {
  const generator = rng.weighted(target.deletes ? DELETE_GENERATORS : GENERATORS);
  return generator.make(rng, target.base, pool);
}
