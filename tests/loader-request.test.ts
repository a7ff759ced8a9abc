/**
 * The request each loader is given (patches/@remix-run+server-runtime+2.17.5.patch): Remix made
 * a new Request for every loader of every page, its URL parsed and its headers and signal
 * copied, only to strip search parameters of its own that a page's address rarely has. Now a
 * loader is given the request as it came when there is nothing to strip, and a new one, as
 * before, when there is; and the account asking is read once for all of a request's loaders.
 */
import { createRequestHandler, type ServerBuild } from "@remix-run/server-runtime";
import { describe, expect, it } from "vitest";
import { currentUser } from "~/auth.server";
import { getLanguage } from "~/i18n/i18n.server";

type Seen = { route: string; request: Request };

function app() {
  const seen: Seen[] = [];
  const loader =
    (route: string) =>
    ({ request }: { request: Request }) => {
      seen.push({ route, request });
      return { route };
    };
  const module = (id: string) => ({ default: () => null, loader: loader(id) });
  const build = {
    mode: "production",
    entry: {
      module: {
        // The document as the loaders saw it: the test reads `seen`.
        default: () => new Response("<!DOCTYPE html><html></html>", { headers: { "Content-Type": "text/html" } }),
      },
    },
    routes: {
      root: { id: "root", path: "", module: module("root") },
      "routes/partners._index": {
        id: "routes/partners._index",
        parentId: "root",
        path: "partners",
        index: true,
        module: module("routes/partners._index"),
      },
      "routes/partners.$partnerId": {
        id: "routes/partners.$partnerId",
        parentId: "root",
        path: "partners/:partnerId",
        module: module("routes/partners.$partnerId"),
      },
    },
    assets: { entry: { imports: [], module: "" }, routes: {}, url: "", version: "test" },
    publicPath: "/build/",
    assetsBuildDirectory: "public/build",
    future: { v3_singleFetch: true },
    isSpaMode: false,
  } as unknown as ServerBuild;
  return { handle: createRequestHandler(build, "production"), seen };
}

const urls = (seen: Seen[]) => seen.map(({ route, request }) => [route, request.url]);

describe("the request a loader is given", () => {
  it("is the request as it came, the same for every loader of a page", async () => {
    const { handle, seen } = app();
    const request = new Request("http://localhost/partners/2?order=oldest&kind=meeting", {
      headers: { Cookie: "a=b", "Accept-Language": "kk" },
    });
    const response = await handle(request);
    expect(response.status).toBe(200);
    expect(urls(seen)).toEqual([
      ["root", "http://localhost/partners/2?order=oldest&kind=meeting"],
      ["routes/partners.$partnerId", "http://localhost/partners/2?order=oldest&kind=meeting"],
    ]);
    expect(seen[0].request).toBe(seen[1].request);
    expect(seen[1].request.headers.get("Accept-Language")).toBe("kk");
  });

  it("still has Remix's own parameters taken out when they are there", async () => {
    const { handle, seen } = app();
    await handle(new Request("http://localhost/partners?index&page=2"));
    expect(urls(seen)).toEqual([
      ["root", "http://localhost/partners?page=2"],
      ["routes/partners._index", "http://localhost/partners?page=2"],
    ]);

    seen.length = 0;
    const data = await handle(new Request("http://localhost/partners/2.data?_routes=routes%2Fpartners.%24partnerId"));
    expect(data.status).toBe(200);
    expect(urls(seen)).toEqual([["routes/partners.$partnerId", "http://localhost/partners/2"]]);
  });
});

describe("the account asking", () => {
  it("is read once for a request, and afresh for the next", async () => {
    const request = new Request("http://localhost/", { headers: { Cookie: "kezdesu_session=forged" } });
    const first = currentUser(request);
    expect(currentUser(request)).toBe(first);
    expect(await first).toBeNull();
    expect(currentUser(new Request(request.url, { headers: request.headers }))).not.toBe(first);
  });
});

describe("the language asked for", () => {
  it("is read once for a request, and afresh for the next, which may ask for another", async () => {
    const request = new Request("http://localhost/", { headers: { "Accept-Language": "ru-RU, en;q=0.5" } });
    const first = getLanguage(request);
    expect(getLanguage(request)).toBe(first);
    expect(await first).toBe("ru");
    const next = new Request(request.url, { headers: { "Accept-Language": "en-GB" } });
    expect(await getLanguage(next)).toBe("en");
  });
});
