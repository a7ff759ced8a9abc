/**
 * The Web Request Remix is handed for each Express request: what @remix-run/express's
 * createRemixRequest makes, the same address, method, headers, body and abort signal, made for
 * less (issue 17; bench/RESULTS.md, the twenty-eighth stop):
 * - its body stream leaves the Node request as it found it once the body is read.
 *   @remix-run/node's (StreamPump) leaves its four listeners, and itself through them, on every
 *   request: with this one logging a meeting cost 0.906 of the server's CPU (`npm run
 *   bench:compare`), and V8 promoted 25 KB of each post to its old generation rather than 30.
 *   The difference is V8's allocation-site pretenuring (with it off, both promote 23.9 KB):
 *   the listeners kept on each request led it to allocate more of every post's objects there.
 * - its signal is the server's own, not one undici makes to follow it (ServerRequest), and its
 *   headers go to undici as Node's record: the shell 0.917 of the CPU a request.
 */
import type { Readable } from "node:stream";
import type express from "express";

export function remixRequest(req: express.Request, res: express.Response): Request {
  // req.hostname (which follows "trust proxy") has no port: it comes from the forwarded host or the Host.
  const port = portOf(req.get("X-Forwarded-Host")) ?? portOf(req.get("Host"));
  const url = `${req.protocol}://${req.hostname}${port ? `:${port}` : ""}${req.originalUrl}`;
  // Loaders and actions are aborted when the answer can no longer be written (closed unfinished).
  let controller: AbortController | null = new AbortController();
  res.on("finish", () => (controller = null));
  res.on("close", () => controller?.abort());
  const init: RequestInit & { duplex?: "half" } = { method: req.method, headers: headersOf(req) };
  if (req.method !== "GET" && req.method !== "HEAD") {
    init.body = requestBodyStream(req);
    init.duplex = "half";
  }
  return new ServerRequest(url, init, controller.signal);
}

/**
 * A Request whose signal is the one it is made with. Handed a signal, undici's Request follows
 * it with a controller of its own, a WeakRef, a FinalizationRegistry entry and a listener: two
 * thirds of what making a Request cost (some 20 µs of 34), on every request.
 */
class ServerRequest extends Request {
  readonly #signal: AbortSignal;

  constructor(url: string, init: RequestInit, signal: AbortSignal) {
    super(url, init);
    this.#signal = signal;
  }

  get signal() {
    return this.#signal;
  }
}

/**
 * The request's headers as undici takes them: Node's own record, unless a header came as a list
 * (only set-cookie does), which a record would join with commas.
 */
function headersOf(req: express.Request): HeadersInit {
  const headers = req.headers as Record<string, string | string[]>;
  for (const name in headers) {
    if (Array.isArray(headers[name]))
      return Object.entries(headers).flatMap(([header, value]): Array<[string, string]> =>
        Array.isArray(value) ? value.map((one) => [header, one]) : [[header, value]],
      );
  }
  return headers as Record<string, string>;
}

const portOf = (host: string | undefined) => (host ? /:(\d+)$/.exec(host)?.[1] : undefined);

/**
 * A request's body as a Web stream, read as it arrives (paused while the reader is behind) and
 * holding nothing of `source` once it has ended, failed or been cancelled. A body cut off before
 * its end is an error, never a shorter body.
 */
export function requestBodyStream(source: Readable): ReadableStream<Uint8Array> {
  let from: Readable | undefined = source;
  let controller: ReadableStreamDefaultController<Uint8Array> | undefined;
  const onData = (chunk: Buffer | string) => {
    if (!controller) return;
    controller.enqueue(typeof chunk === "string" ? Buffer.from(chunk) : chunk);
    if ((controller.desiredSize ?? 0) <= 0) from?.pause();
  };
  const onEnd = () => {
    controller?.close();
    release();
  };
  const onError = (error: Error) => {
    controller?.error(error);
    release();
  };
  const onClose = () => (from?.readableEnded ? onEnd() : onError(new Error("The request's body was cut off")));
  const release = () => {
    from?.off("data", onData).off("end", onEnd).off("error", onError).off("close", onClose);
    from = undefined;
    controller = undefined;
  };
  return new ReadableStream<Uint8Array>(
    {
      start(started) {
        controller = started;
        if (from!.readableEnded) return onEnd();
        from!.on("data", onData).once("end", onEnd).once("error", onError).once("close", onClose);
      },
      pull() {
        if (from?.readable) from.resume();
      },
      cancel(reason) {
        from?.destroy(reason instanceof Error ? reason : undefined);
        release();
      },
    },
    { highWaterMark: source.readableHighWaterMark, size: (chunk) => chunk.byteLength },
  );
}
