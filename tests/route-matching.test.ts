/**
 * Route matching as the server runs it: @remix-run/router's CommonJS build, which the server
 * loads, is patched (patches/@remix-run+router+*.patch) to keep each route tree's ranked
 * branches and each path's regular expression instead of making them on every request (issue
 * 17). Its answers must be the unpatched router's (its ES module build, which the patch leaves
 * alone), for the same tree asked again and for a fresh one.
 */
import fs from "node:fs";
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import * as unpatchedModule from "../node_modules/@remix-run/router/dist/router.js";

type Route = { id: string; path?: string; index?: boolean; children?: Route[] };
type Match = { params: Record<string, string | undefined>; pathname: string; pathnameBase: string; route: Route };
type Router = {
  matchRoutes: (routes: Route[], location: string, basename?: string) => Match[] | null;
  resolvePath: (to: string, from?: string) => { pathname: string; search: string; hash: string };
};

const require = createRequire(import.meta.url);
const patched = require("@remix-run/router") as Router;
const unpatched = unpatchedModule as unknown as Router;

/** A tree like Remix's: a root layout, an index, static, dynamic, optional, splat and nested routes. */
function tree(): Route[] {
  return [
    {
      id: "root",
      path: "",
      children: [
        { id: "routes/_index", index: true },
        { id: "routes/healthz", path: "healthz" },
        { id: "routes/partners._index", path: "partners", index: true },
        { id: "routes/partners.chart", path: "partners/chart" },
        { id: "routes/partners.$partnerId", path: "partners/:partnerId" },
        { id: "routes/partners.$partnerId_.edit", path: "partners/:partnerId/edit" },
        { id: "routes/history", path: "history/:recordType/:recordId" },
        { id: "routes/locales.($lng)", path: "locales/:lng?" },
        { id: "routes/$", path: "*" },
      ],
    },
  ];
}

const PATHS = [
  "/",
  "/healthz",
  "/HEALTHZ/",
  "/partners",
  "/partners/chart",
  "/partners/42",
  "/partners/42/edit",
  "/partners/%D0%B0",
  "/history/meeting/7",
  "/locales",
  "/locales/kk",
  "/nothing/here",
  "/partners/42?tab=people#x",
];

describe("route matching on the server (patched @remix-run/router)", () => {
  it("is the patched build the server loads", () => {
    expect(fs.readFileSync(require.resolve("@remix-run/router"), "utf8")).toContain("rankedBranchesOf");
  });

  it("answers as the unpatched router does, for a tree asked again and for fresh trees", () => {
    const kept = tree();
    for (let round = 0; round < 3; round++) {
      for (const routes of [kept, tree()]) {
        for (const path of PATHS) {
          const expected = unpatched.matchRoutes(routes, path);
          const got = patched.matchRoutes(routes, path);
          expect(got, path).toEqual(expected);
          got?.forEach((match, i) => expect(match.route, path).toBe(expected![i].route));
        }
      }
    }
  });

  it("hands out params a caller may change, and matches a different tree by its own routes", () => {
    const routes = tree();
    const first = patched.matchRoutes(routes, "/partners/42")!;
    first.at(-1)!.params.partnerId = "changed";
    expect(patched.matchRoutes(routes, "/partners/42")!.at(-1)!.params.partnerId).toBe("42");
    const other = tree();
    other[0].children![4] = { id: "routes/partners.$partnerId", path: "partners/:id/page" };
    expect(patched.matchRoutes(other, "/partners/42")?.at(-1)?.route.id).toBe("routes/$");
    expect(patched.matchRoutes(routes, "/partners/42")?.at(-1)?.route.id).toBe("routes/partners.$partnerId");
  });

  it("resolves links' paths as the unpatched router does", () => {
    const targets = [
      "/",
      "",
      "/meetings/12",
      "/meetings/",
      "meetings",
      "/a//b",
      "/a/./b",
      "/a/../b",
      "..",
      "../x",
      "./x",
      "/.well-known/x",
      "/x/..y",
      "/x?q=1#h",
    ];
    for (const from of ["/", "/partners/42", "/partners/42/"])
      for (const to of targets)
        expect(patched.resolvePath(to, from), `${to} from ${from}`).toEqual(unpatched.resolvePath(to, from));
  });
});
