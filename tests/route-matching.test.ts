import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { rememberRouteMatching, type Router } from "~/route-matching.server";

// A copy of the real module object, so the test's wrapper does not reach other tests.
const real = createRequire(import.meta.url)("@remix-run/router") as Router;

/** A tree like Remix's: a root layout, an index, static, dynamic, splat and nested routes. */
function tree() {
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
        { id: "routes/$", path: "*" },
      ],
    },
  ];
}

const PATHS = [
  "/",
  "/healthz",
  "/partners",
  "/partners/chart",
  "/partners/42",
  "/partners/42/edit",
  "/partners/%D0%B0",
  "/history/meeting/7",
  "/nothing/here",
  "/partners/42?tab=people#x",
];

describe("remembered route matching", () => {
  it("answers as matchRoutes does, with the caller's own route objects, asked again or not", () => {
    const router: Router = { ...real };
    rememberRouteMatching(router);
    for (let round = 0; round < 2; round++) {
      // A fresh tree every round, as React Router builds one per request.
      const routes = tree();
      for (const path of PATHS) {
        const expected = real.matchRoutes(routes, path);
        const got = router.matchRoutes(routes, path);
        expect(got, path).toEqual(expected);
        got?.forEach((match, i) => expect(match.route, path).toBe(expected![i].route));
      }
    }
  });

  it("keeps trees of another shape apart, and hands out params a caller may change", () => {
    const router: Router = { ...real };
    rememberRouteMatching(router);
    expect(router.matchRoutes(tree(), "/partners/42")?.at(-1)?.route.id).toBe("routes/partners.$partnerId");
    const other = tree();
    other[0].children[4] = { id: "routes/partners.$partnerId", path: "partners/:id/page" };
    expect(router.matchRoutes(other, "/partners/42")?.at(-1)?.route.id).toBe("routes/$");
    const first = router.matchRoutes(tree(), "/partners/42")!;
    first.at(-1)!.params.partnerId = "changed";
    expect(router.matchRoutes(tree(), "/partners/42")!.at(-1)!.params.partnerId).toBe("42");
  });
});
