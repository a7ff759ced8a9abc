/**
 * A page's loader data reaches the browser in the scripts Remix's StreamTransfer writes from a
 * turbo-stream. With nothing in the data to wait for (no page of ours defers), the patches
 * (turbo-stream, @remix-run/react, @remix-run/server-runtime) have the whole of it known when the
 * stream is made: StreamTransfer writes its scripts from it without reading the stream and
 * suspending the render twice, and Remix's five-second timeout for promises is not left running
 * (it fired for every page, making an Error with its stack). The markup must be the streamed
 * markup, byte for byte; data with a promise must go on as before.
 */
import { createRequire } from "node:module";
import { PassThrough } from "node:stream";
import { Suspense, type ReactNode } from "react";
import { renderToPipeableStream } from "react-dom/server";
import type * as TurboStream from "turbo-stream";
import { describe, expect, it } from "vitest";

// The CommonJS builds the server loads, which the patches rewrite.
const require = createRequire(import.meta.url);
const { encode, encodeWhole } = require("turbo-stream") as typeof TurboStream & {
  encodeWhole: (input: unknown) => string | undefined;
};
const { StreamTransfer } = require("@remix-run/react/dist/single-fetch.js") as {
  StreamTransfer: (props: Record<string, unknown>) => ReactNode;
};
type Encode<Result> = (data: unknown, signal: AbortSignal, timeout: number | undefined, mode: string) => Result;
const { encodeViaTurboStream, encodeDocumentData } = require("@remix-run/server-runtime/dist/single-fetch.js") as {
  encodeViaTurboStream: Encode<ReadableStream>;
  encodeDocumentData: Encode<ReadableStream | { whole: string }>;
};

type Encoded = ReadableStream<Uint8Array> & { whole?: string };

const DATA = {
  loaderData: {
    root: { lng: "kk", user: { id: 1, name: "Әкімшілік </script><script>alert(1)</script>" } },
    "routes/partners.$partnerId": { title: "Цинчжоу", names: { en: "Qingzhou", native: "青州" }, steps: [1, 2, 3] },
  },
  actionData: null,
  errors: null,
};

const streamed = async (stream: ReadableStream<Uint8Array>) => new Response(stream).text();

/** The markup of StreamTransfer as RemixServer renders it, with or without the whole. */
function render(stream: Encoded, whole: string | undefined) {
  return new Promise<string>((resolve, reject) => {
    const element = (
      <Suspense>
        <StreamTransfer
          context={{ renderMeta: { didRenderScripts: true } }}
          identifier={0}
          reader={stream.getReader()}
          whole={whole}
          textDecoder={new TextDecoder()}
          nonce="nonce-1"
        />
      </Suspense>
    );
    const out = new PassThrough();
    let html = "";
    out.on("data", (chunk: Buffer) => (html += chunk.toString()));
    out.on("end", () => resolve(html));
    const { pipe } = renderToPipeableStream(element, { onAllReady: () => pipe(out), onShellError: reject });
  });
}

describe("data with nothing to wait for", () => {
  it("is known whole as its stream is made, and the stream sends the same", async () => {
    const stream = encode(DATA) as Encoded;
    expect(stream.whole).toMatch(/^\[.*\]\n$/);
    expect(stream.whole).toContain("Цинчжоу");
    expect(await streamed(stream)).toBe(stream.whole);
    expect(encodeWhole(DATA)).toBe(stream.whole);
  });

  it("is written by StreamTransfer as the streamed reads write it, byte for byte", async () => {
    const fromWhole = encode(DATA) as Encoded;
    const fromReads = encode(DATA) as Encoded;
    const written = await render(fromWhole, fromWhole.whole);
    expect(written).toBe(await render(fromReads, undefined));
    expect(written).toContain("window.__remixContext.streamController.enqueue(");
    expect(written).toContain("window.__remixContext.streamController.close();");
    expect(written).not.toContain("</script><script>alert");
  });

  it("leaves no timer running after Remix encodes it", () => {
    const timers = () => process.getActiveResourcesInfo().filter((kind) => kind === "Timeout").length;
    const before = timers();
    const stream = encodeViaTurboStream(DATA, new AbortController().signal, undefined, "production") as Encoded;
    expect(stream.whole).toBeDefined();
    expect(timers()).toBe(before);
  });
});

describe("a rendered document's data", () => {
  // Remix's handleDocumentRequest asks for it (patches/@remix-run/server-runtime), RemixServer
  // hands it to StreamTransfer: with nothing to wait for, no stream, timer or listener is made.
  it("with nothing to wait for is the whole text the stream would send, and no stream", async () => {
    const request = new AbortController();
    const timers = () => process.getActiveResourcesInfo().filter((kind) => kind === "Timeout").length;
    const before = timers();
    const data = encodeDocumentData(DATA, request.signal, undefined, "production");
    expect(data).not.toBeInstanceOf(ReadableStream);
    expect(data).toEqual({
      whole: await streamed(encodeViaTurboStream(DATA, request.signal, undefined, "production")),
    });
    expect(timers()).toBe(before);
  });

  it("with an error in it says what Remix's stream says, and no more in production", async () => {
    const failing = { ...DATA, errors: { root: new Error("secret path /srv/kezdesu") } };
    const { whole } = encodeDocumentData(failing, new AbortController().signal, undefined, "production") as {
      whole: string;
    };
    expect(whole).toBe(
      await streamed(encodeViaTurboStream(failing, new AbortController().signal, undefined, "production")),
    );
    expect(whole).toContain("SanitizedError");
    expect(whole).not.toContain("secret path");
  });

  it("with a promise in it is the stream, which sends the promise's value", async () => {
    const data = encodeDocumentData(
      { later: Promise.resolve("Астана") },
      new AbortController().signal,
      1000,
      "production",
    );
    expect(data).toBeInstanceOf(ReadableStream);
    expect(await streamed(data as ReadableStream<Uint8Array>)).toContain("Астана");
  });
});

describe("data with a promise", () => {
  it("is not known whole, and its stream still sends the promise's value", async () => {
    const stream = encode({ later: Promise.resolve("Астана") }) as Encoded;
    expect(stream.whole).toBeUndefined();
    expect(encodeWhole({ later: Promise.resolve("Астана") })).toBeUndefined();
    expect(await streamed(stream)).toContain("Астана");
  });
});
