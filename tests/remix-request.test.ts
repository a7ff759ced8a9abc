/**
 * The Request Remix is handed (app/utils/remix-request.server.ts): what @remix-run/express made,
 * through a real Express server, with a body stream that leaves the Node request as it found it
 * once read (what it saves the server: bench/RESULTS.md, the twenty-eighth stop).
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { PassThrough, Readable } from "node:stream";
import v8 from "node:v8";
import vm from "node:vm";
import express from "express";
import { afterEach, describe, expect, it } from "vitest";
import { remixRequest, requestBodyStream } from "~/utils/remix-request.server";

v8.setFlagsFromString("--expose-gc");
const collectGarbage = vm.runInNewContext("gc") as () => void;

const servers: http.Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))));
});

/** What /wait saw of its request's signal: aborted, or not within a second. */
const waits: Array<"aborted" | "not aborted"> = [];

/** A server whose every request is answered with what remixRequest made of it, read back. */
async function echoServer() {
  const app = express();
  app.set("trust proxy", false);
  app.get("/wait", (req, res) => {
    const { signal } = remixRequest(req, res);
    const timer = setTimeout(() => {
      waits.push("not aborted");
      res.end();
    }, 1_000);
    signal.addEventListener("abort", () => {
      clearTimeout(timer);
      waits.push("aborted");
    });
  });
  app.all("*", async (req, res) => {
    const request = remixRequest(req, res);
    res.json({
      url: request.url,
      method: request.method,
      headers: Object.fromEntries(request.headers),
      setCookies: request.headers.getSetCookie(),
      signal: { aborted: request.signal.aborted, clone: request.clone().signal.aborted },
      body: request.body ? await request.text() : null,
    });
  });
  const server = http.createServer(app);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return (server.address() as AddressInfo).port;
}

/** What the echo server answered with. */
type Seen = {
  url: string;
  method: string;
  headers: Record<string, string>;
  setCookies: string[];
  signal: { aborted: boolean; clone: boolean };
  body: string | null;
};

/** One request by hand: fetch would not send some of these headers as written. */
function send(
  port: number,
  options: { method: string; path: string; headers: Record<string, string | string[]>; body?: Buffer },
) {
  return new Promise<Seen>((resolve, reject) => {
    const request = http.request({ host: "127.0.0.1", port, ...options }, (response) => {
      const chunks: Buffer[] = [];
      response
        .on("data", (chunk: Buffer) => chunks.push(chunk))
        .on("end", () => {
          resolve(JSON.parse(Buffer.concat(chunks).toString("utf8")));
        });
    });
    request.on("error", reject);
    request.end(options.body);
  });
}

const nextTurn = () => new Promise((resolve) => setTimeout(resolve, 0));

describe("the Request Remix is handed", () => {
  it("has the address, method, headers and whole body that were sent", async () => {
    const port = await echoServer();
    // Larger than the stream's buffer (16 KB), in Kazakh: read in order, whole, across chunks.
    const text = "Астана мен Цинчжоу: ынтымақтастық. ".repeat(2_000);
    const seen = await send(port, {
      method: "POST",
      path: "/meetings/new?from=report",
      headers: {
        Host: "kezdesu.example:8443",
        "Content-Type": "text/plain; charset=utf-8",
        "Accept-Language": "kk",
        "Transfer-Encoding": "chunked",
      },
      body: Buffer.from(text),
    });
    expect(seen.url).toBe("http://kezdesu.example:8443/meetings/new?from=report");
    expect(seen.method).toBe("POST");
    expect(seen.headers["accept-language"]).toBe("kk");
    expect(seen.headers["content-type"]).toBe("text/plain; charset=utf-8");
    expect(seen.body).toBe(text);
  });

  it("takes the port from a forwarded host, as Remix's did, and has no body for a GET", async () => {
    const port = await echoServer();
    const seen = await send(port, {
      method: "GET",
      path: "/partners",
      headers: { Host: "127.0.0.1", "X-Forwarded-Host": "kezdesu.example:9000" },
    });
    // The host itself is trusted only behind a proxy (TRUST_PROXY); its port is read as before.
    expect(seen.url).toBe("http://127.0.0.1:9000/partners");
    expect(seen.body).toBeNull();
  });

  it("keeps a header sent more than once as its several values", async () => {
    const port = await echoServer();
    const seen = await send(port, {
      method: "GET",
      path: "/",
      headers: { Host: "127.0.0.1", "Set-Cookie": ["a=1", "b=2, c"], "Accept-Language": "ru" },
    });
    expect(seen.setCookies).toEqual(["a=1", "b=2, c"]);
    expect(seen.headers["accept-language"]).toBe("ru");
  });

  it("has a signal that is aborted when the client leaves before its answer, and not before", async () => {
    const port = await echoServer();
    const seen = await send(port, { method: "GET", path: "/", headers: { Host: "127.0.0.1" } });
    expect(seen.signal).toEqual({ aborted: false, clone: false });

    waits.length = 0;
    const left = http.request({ host: "127.0.0.1", port, path: "/wait" });
    left.on("error", () => undefined);
    left.end();
    await new Promise((resolve) => setTimeout(resolve, 100));
    left.destroy();
    await expect.poll(() => waits, { timeout: 2_000 }).toEqual(["aborted"]);

    waits.length = 0;
    await new Promise<void>((resolve) => http.get({ host: "127.0.0.1", port, path: "/wait" }, () => resolve()));
    expect(waits).toEqual(["not aborted"]);
  });
});

describe("a request's body as a Web stream", () => {
  it("leaves the Node request as it found it once read, and keeps nothing of it", async () => {
    let source: Readable | undefined = Readable.from([Buffer.from("date.year=2026"), Buffer.from("&purpose=EXPO")]);
    const stream = requestBodyStream(source);
    const released = new WeakRef(source);
    expect(await new Response(stream).text()).toBe("date.year=2026&purpose=EXPO");
    expect(["data", "end", "error", "close"].map((event) => source!.listenerCount(event))).toEqual([0, 0, 0, 0]);
    source = undefined;
    await nextTurn();
    collectGarbage();
    expect(stream.locked).toBe(true);
    expect(released.deref()).toBeUndefined();
  });

  it("stops taking from the request while its reader is behind, and goes on when it reads", async () => {
    const source = new PassThrough();
    const stream = requestBodyStream(source);
    for (let i = 0; i < 64; i++) source.write(Buffer.alloc(1024, 97));
    source.end();
    await nextTurn();
    // 16 KB buffered, no more: the rest waits in the request.
    expect(source.isPaused()).toBe(true);
    expect((await new Response(stream).arrayBuffer()).byteLength).toBe(64 * 1024);
  });

  it("fails, rather than ends short, when the request is cut off before its end", async () => {
    const source = new PassThrough();
    const stream = requestBodyStream(source);
    source.write("participants[0].name=");
    await nextTurn();
    source.destroy();
    await expect(new Response(stream).text()).rejects.toThrow(/cut off/);
  });

  it("fails with the request's own error", async () => {
    const source = new PassThrough();
    const stream = requestBodyStream(source);
    source.destroy(new Error("aborted"));
    await expect(new Response(stream).text()).rejects.toThrow("aborted");
  });

  it("stops the request when its reader cancels", async () => {
    const source = new PassThrough();
    const stream = requestBodyStream(source);
    source.write("a");
    await stream.cancel();
    expect(source.destroyed).toBe(true);
  });
});
