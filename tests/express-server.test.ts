/**
 * The server's requests and responses are of Express's kind from the moment Node makes them
 * (app/utils/express-server.server.ts): Express's own init then sets each one's prototype to
 * what it already is, instead of changing it on every request, which V8 pays for (a bare Express
 * app answered about half as many requests a second; bench/RESULTS.md, the twenty-sixth stop).
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import express from "express";
import { afterEach, describe, expect, it } from "vitest";
import { serverFor } from "~/utils/express-server.server";

const servers: http.Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))));
});

/** An app with one route, and what each request and response were before Express saw them. */
function anApp() {
  const app = express();
  app.get("/partners/:id", (req, res) => {
    res
      .set("X-Seen-By", "express")
      .json({ id: req.params.id, path: req.path, language: req.acceptsLanguages("kk", "en") });
  });
  app.post("/echo", express.text(), (req, res) =>
    res
      .status(201)
      .type("text")
      .send(`${String(req.body)} ✓`),
  );
  const before: Array<{ request: boolean; response: boolean }> = [];
  const listen = (server: http.Server) => {
    servers.push(server);
    // Before Express's own listener: what Node made, before Express touched it.
    server.prependListener("request", (req: http.IncomingMessage, res: http.ServerResponse) =>
      before.push({
        request: Object.getPrototypeOf(req) === app.request,
        response: Object.getPrototypeOf(res) === app.response,
      }),
    );
    return new Promise<string>((resolve) =>
      server.listen(0, "127.0.0.1", () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`)),
    );
  };
  return { app, before, listen };
}

describe("the HTTP server for the app", () => {
  it("makes every request and response of Express's kind before Express sees them", async () => {
    const { app, before, listen } = anApp();
    const url = await listen(serverFor(app));
    await fetch(`${url}/partners/7`);
    await fetch(`${url}/echo`, { method: "POST", body: "Астана" });
    expect(before).toEqual([
      { request: true, response: true },
      { request: true, response: true },
    ]);
  });

  it("where app.listen()'s server gives Node's own, for Express to change", async () => {
    const { app, before, listen } = anApp();
    const url = await listen(http.createServer(app));
    await fetch(`${url}/partners/7`);
    expect(before).toEqual([{ request: false, response: false }]);
  });

  it("serves the app as app.listen() does: its routes, parameters, bodies and headers", async () => {
    const { app, listen } = anApp();
    const url = await listen(serverFor(app));
    const page = await fetch(`${url}/partners/7?tab=history`, { headers: { "Accept-Language": "kk" } });
    expect(page.status).toBe(200);
    expect(page.headers.get("x-seen-by")).toBe("express");
    expect(await page.json()).toEqual({ id: "7", path: "/partners/7", language: "kk" });
    const echoed = await fetch(`${url}/echo`, {
      method: "POST",
      headers: { "Content-Type": "text/plain" },
      body: "Қызылорда",
    });
    expect(echoed.status).toBe(201);
    expect(await echoed.text()).toBe("Қызылорда ✓");
    expect((await fetch(`${url}/no-such-page`)).status).toBe(404);
  });
});
