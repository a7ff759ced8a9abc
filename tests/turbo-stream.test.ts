/**
 * Remix encodes every page's loader data with turbo-stream, which the server patches for speed
 * (patches/turbo-stream+2.4.1.patch: plain objects, arrays and scalars written without a closure,
 * a parts array and seven instanceof checks per object, and a value seen before without an array
 * made for it). The browser decodes what the package would have written: these are the package's
 * own bytes for each value, captured from turbo-stream 2.4.1 before the patch, and round trips.
 */
import { createRequire } from "node:module";
import type * as TurboStream from "turbo-stream";
import { describe, expect, test } from "vitest";

// The CommonJS build, which the server loads (through @remix-run/server-runtime) and the patch
// rewrites; an import here would load the package's ES module, which it leaves as it was.
const { decode, encode } = createRequire(import.meta.url)("turbo-stream") as typeof TurboStream;

// Remix's plugins (@remix-run/server-runtime's encodeViaTurboStream), with the error's stack left out.
const REDIRECT = Symbol.for("redirect");
type Plugin = (value: unknown) => [string, ...unknown[]] | undefined;
const plugins: Plugin[] = [
  (value) => {
    if (value instanceof Error) return ["SanitizedError", value.name, value.message, undefined];
    if (value && typeof value === "object" && REDIRECT in value)
      return ["SingleFetchRedirect", (value as Record<symbol, unknown>)[REDIRECT]];
  },
];
const postPlugins: Plugin[] = [
  (value) => {
    if (!value || typeof value !== "object") return;
    return ["SingleFetchClassInstance", Object.fromEntries(Object.entries(value))];
  },
  () => ["SingleFetchFallback"],
];

const encoded = (value: unknown) => new Response(encode(value, { plugins, postPlugins })).text();

async function roundTrip(value: unknown) {
  const decoded = await decode(encode(value, { plugins, postPlugins }));
  await decoded.done;
  return decoded.value;
}

const shared = { id: 7, name: "Астана" };

describe("the bytes turbo-stream 2.4.1 writes, unpatched", () => {
  test("scalars: zero and its sign, NaN, the infinities, escapes, undefined", async () => {
    expect(
      await encoded([
        0,
        -0,
        1.5,
        NaN,
        Infinity,
        -Infinity,
        "",
        'a"b\\c\n\u2028',
        true,
        false,
        null,
        undefined,
        2 ** 53,
      ]),
    ).toBe('[[1,1,2,-2,-6,-3,3,4,5,6,-5,-7,7],0,1.5,"","a\\"b\\\\c\\n\u2028",true,false,9007199254740992]\n');
  });

  test("an object met twice is one entry, its keys and values shared", async () => {
    expect(
      await encoded({
        root: { title: "Цинчжоу", partner: shared, again: shared, list: [shared, shared], empty: {}, emptyList: [] },
      }),
    ).toBe(
      '[{"_1":2},"root",{"_3":4,"_5":6,"_11":6,"_12":13,"_14":15,"_16":17},"title","Цинчжоу","partner",{"_7":8,"_9":10},"id",7,"name","Астана","again","list",[6,6],"empty",{},"emptyList",[]]\n',
    );
  });

  test("rows that repeat their keys and values", async () => {
    expect(await encoded(Array.from({ length: 5 }, (_, i) => ({ id: i, id2: i, value: "same", [`k${i}`]: i })))).toBe(
      '[[1,8,11,14,17],{"_2":3,"_4":3,"_5":6,"_7":3},"id",0,"id2","value","same","k0",{"_2":9,"_4":9,"_5":6,"_10":9},1,"k1",{"_2":12,"_4":12,"_5":6,"_13":12},2,"k2",{"_2":15,"_4":15,"_5":6,"_16":15},3,"k3",{"_2":18,"_4":18,"_5":6,"_19":18},4,"k4"]\n',
    );
  });

  test("dates, null-prototype objects, holes, maps, sets, URLs, patterns, big integers, symbols, errors, class instances", async () => {
    class Point {
      x = 1;
      y = 2;
    }
    expect(
      await encoded({
        date: new Date(Date.UTC(2017, 5, 10)),
        nullProto: Object.assign(Object.create(null) as object, { a: 1, b: "x" }),
        // eslint-disable-next-line no-sparse-arrays
        sparse: [1, , 3],
        map: new Map<unknown, unknown>([
          ["k", shared],
          [1, [2]],
        ]),
        set: new Set(["a", shared]),
        url: new URL("https://kezdesu.kz/a?b=1"),
        re: /a+b/gi,
        big: 10n,
        sym: Symbol.for("s"),
        err: new Error("boom"),
        typeErr: new TypeError("bad"),
        point: new Point(),
      }),
    ).toBe(
      '[{"_1":2,"_3":4,"_9":10,"_12":13,"_22":23,"_24":25,"_26":27,"_28":29,"_30":31,"_32":33,"_36":37,"_40":41},"date",["D",1497052800000],"nullProto",["N",{"_5":6,"_7":8}],"a",1,"b","x","sparse",[6,-1,11],3,"map",["M",14,15,6,20],"k",{"_16":17,"_18":19},"id",7,"name","Астана",[21],2,"set",["S",5,15],"url",["U","https://kezdesu.kz/a?b=1"],"re",["R","a+b","gi"],"big",["B","10"],"sym",["Y","s"],"err",["SanitizedError",34,35,-7],"Error","boom","typeErr",["SanitizedError",38,39,-7],"TypeError","bad","point",["SingleFetchClassInstance",42],{"_8":6,"_43":21},"y"]\n',
    );
  });

  test("an object that holds itself, and one a plugin answers for", async () => {
    const cyclic: Record<string, unknown> = { name: "cycle" };
    cyclic.self = cyclic;
    expect(await encoded(cyclic)).toBe('[{"_1":2,"_3":4},"name","cycle","self",{"_1":2,"_3":4}]\n');
    expect(await encoded({ to: { [REDIRECT]: "/sign-in" } })).toBe(
      '[{"_1":2},"to",["SingleFetchRedirect",3],"/sign-in"]\n',
    );
  });
});

test("a page's loader data comes back whole from what the patched encoder writes", async () => {
  const rows = Array.from({ length: 200 }, (_, i) => ({
    id: i,
    name: i % 3 ? `Partner ${i}` : "Цинчжоу",
    date: { value: `2016-0${(i % 9) + 1}-01`, precision: "day", approximate: i % 5 === 0 },
    tags: i % 2 ? ["a", "b"] : [],
    note: i % 4 ? null : undefined,
    score: i / 3,
    partner: i % 7 ? shared : { ...shared },
  }));
  const data = {
    loaderData: {
      root: { lng: "kk", user: { id: 1, name: "Әкімші", role: "admin" }, flash: undefined },
      "routes/partners.$partnerId": { title: "青州", rows, first: rows[0], when: new Date(0) },
    },
  };
  expect(await roundTrip(data)).toEqual(data);
});
