/**
 * What a document's <Links> and <Scripts> draw from its matched routes alone (the stylesheet and
 * icon, the module preloads, the route modules' imports) is kept per build and routes on the
 * server (patches/@remix-run/react): worked out once, not for every request. Each page must still
 * get its own, whichever page was drawn before it. Rendered by the production build (`npm run
 * build` first), as the server renders it.
 */
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { createRequestHandler, type ServerBuild } from "@remix-run/node";
import { beforeAll, expect, it } from "vitest";

let handle: (path: string) => Promise<string>;
let linksAsked = 0;

beforeAll(async () => {
  if (!fs.existsSync("build/index.js")) throw new Error("No build: run `npm run build` first");
  // By its address, not its name: on a fresh checkout the build does not exist when types are checked.
  const build = (await import(pathToFileURL(path.resolve("build/index.js")).href)) as ServerBuild;
  const root = build.routes.root.module;
  // The build's modules are frozen: the root is given a links() that counts its calls.
  const counted: typeof root = {
    ...root,
    links: () => {
      linksAsked++;
      return root.links!();
    },
  };
  const counting = { ...build, routes: { ...build.routes, root: { ...build.routes.root, module: counted } } };
  const handler = createRequestHandler(counting, "production");
  // The document's bytes travel beside its Response (app/utils/document-response.server.ts), kept
  // by the build's own copy of that module, which its entry module exports.
  const { documentBody } = build.entry.module as unknown as {
    documentBody: (response: Response) => Buffer | undefined;
  };
  handle = async (path) => {
    const response = await handler(new Request(`http://localhost${path}`, { headers: { "Accept-Language": "en" } }), {
      documentMarkup: [],
      cspNonce: "nonce",
      requestId: "test",
    });
    return new TextDecoder().decode(documentBody(response) ?? (await response.arrayBuffer()));
  };
});

const preloads = (html: string) => [...html.matchAll(/<link rel="modulepreload" href="([^"]+)"/g)].map((m) => m[1]);
const imported = (html: string) =>
  [...html.matchAll(/import \* as route\d+ from "([^"]+)"/g)].map((m) => m[1].replace(/-[A-Z0-9]+\.js$/, ""));

it("works out a page's links once for its routes, and each page gets its own", async () => {
  const signIn = await handle("/sign-in");
  const asked = linksAsked;
  expect(await handle("/sign-in")).toContain('rel="stylesheet"');
  expect(linksAsked).toBe(asked);

  const invite = await handle("/invite/no-such-invitation");
  expect(linksAsked).toBe(asked + 1);
  for (const html of [signIn, invite]) {
    expect(html.match(/<link rel="stylesheet" href="\/build\/_assets\/tailwind-[^"]+"\/>/g)).toHaveLength(1);
    expect(html).toContain('<link rel="icon" href="/favicon.svg" type="image/svg+xml"/>');
  }
  expect(imported(signIn)).toEqual(["/build/root", "/build/routes/sign-in"]);
  expect(imported(invite)).toEqual(["/build/root", "/build/routes/invite.$token"]);
  expect(preloads(signIn).some((href) => href.startsWith("/build/routes/sign-in-"))).toBe(true);
  expect(preloads(signIn).some((href) => href.includes("invite"))).toBe(false);
  expect(preloads(invite).some((href) => href.startsWith("/build/routes/invite.$token-"))).toBe(true);
  // Each module preloaded once.
  for (const html of [signIn, invite]) expect(new Set(preloads(html)).size).toBe(preloads(html).length);
  // Drawn again, the same.
  expect(preloads(await handle("/sign-in"))).toEqual(preloads(signIn));
  expect(imported(await handle("/invite/no-such-invitation"))).toEqual(imported(invite));
});
