/**
 * Issue 17: no page's first load asks for more than 100 KB of JavaScript, gzipped: the entry,
 * the manifest, the root and the route with every chunk they import, as the production build's
 * manifest lists them (bench/first-load-js.ts; `npm run bench:js` prints them all). Reads the
 * last `npm run build`, as tests/security do: `npm test` builds before it runs the unit tests.
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { FIRST_LOAD_LIMIT, firstLoadFiles, firstLoadJs, readManifest } from "../bench/first-load-js";

const PUBLIC = path.resolve("public");
if (!fs.existsSync(path.join(PUBLIC, "build"))) throw new Error("No build: run `npm run build` first");
const { manifest, url } = readManifest(PUBLIC);
const sizes = firstLoadJs(PUBLIC);
// The modules each chunk holds, by the build's metafile (what esbuild wrote into it).
const meta = JSON.parse(fs.readFileSync("build/metafile.js.json", "utf8")) as {
  outputs: Record<string, { inputs: Record<string, unknown> }>;
};
const modulesOf = (route: string) =>
  firstLoadFiles(manifest, url, route).flatMap((file) => Object.keys(meta.outputs[`public${file}`]?.inputs ?? {}));

describe("first-load JavaScript", () => {
  test("every route of the build is measured", () => {
    expect(sizes.size).toBe(Object.keys(manifest.routes).length);
    expect(sizes.size).toBeGreaterThan(40);
  });

  test.each([...sizes])("%s: at most 100 KB gzipped", (_route, bytes) => {
    expect(bytes).toBeLessThanOrEqual(FIRST_LOAD_LIMIT);
  });

  test("no page loads zod, conform or date-fns with it (a route's schemas come from forms/schemas.server.ts)", () => {
    for (const route of Object.keys(manifest.routes))
      expect(
        modulesOf(route).filter((input) => /node_modules\/(zod|@conform-to|date-fns)\//.test(input)),
        route,
      ).toEqual([]);
  });

  test.each([
    "routes/_index",
    "routes/partners._index",
    "routes/partners.$partnerId",
    "routes/meetings._index",
    "routes/initiatives._index",
    "routes/people._index",
    "routes/search",
    // The lists of changes and sign-ins, and all of a record's documents: their times too.
    "routes/admin.activity",
    "routes/admin.bin",
    "routes/admin.security",
    "routes/documents.of.$parent.$parentId",
  ])("%s ships no code to word a date: the list's dates are said on the server", (route) => {
    expect(modulesOf(route).filter((input) => /partial-date|calendar-words|i18n\/dates/.test(input))).toEqual([]);
  });
});
