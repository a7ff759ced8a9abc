import type express from "express";

/**
 * Bodies are counted as they arrive, whatever their framing (a chunked body declares no
 * length): past the limit nothing more reaches Remix, not even the body's end (so no action
 * can run on a cut body), and the request is answered 413. A declared length over the limit is
 * refused before anything is read. Bodies are read only as fast as the app consumes them; a
 * refused body is not read at all while its answer is drawn (the client's writes wait in the
 * socket's buffers: a page drawn slowly on a busy machine let a 64 MB body in whole), and what
 * comes after the answer is dropped as it comes (closeAfterLingering), so a post that is refused
 * unread (signed out, not allowed) takes a few kilobytes of memory whatever its size.
 */
export function limitBodies(options: {
  limitFor: (req: express.Request) => number;
  tooLargePage: (req: express.Request) => Promise<string>;
}): express.RequestHandler {
  return (req, res, next) => {
    if (req.method === "GET" || req.method === "HEAD") return next();
    const limit = options.limitFor(req);
    const body: BodyState = { received: 0, dropping: false, lingerEnds: null };
    res.locals.body = body;
    const refuse = () => {
      res.locals.bodyRefused = true;
      body.dropping = true;
      if (res.headersSent) return void req.socket.destroy();
      res.status(413).set("Connection", "close");
      void options
        .tooLargePage(req)
        .catch(() => "Payload too large")
        .then((page) => res.headersSent || res.type("html").send(page));
    };
    if (Number(req.get("content-length") ?? 0) > limit) refuse();
    // Every chunk of the body enters the request through push(): counted there, before any reader.
    const push = req.push.bind(req);
    req.push = (chunk: Buffer | null, encoding?: BufferEncoding) => {
      if (chunk !== null) body.received += chunk.length;
      if (!body.dropping && body.received > limit) refuse();
      if (!body.dropping) return push(chunk, encoding);
      if (chunk === null || body.received > 2 * limit) body.lingerEnds?.();
      // Dropped. False stops reading the connection until the answer is out; once lingering,
      // true goes on reading it, to drop what comes.
      return body.lingerEnds !== null;
    };
    if (body.dropping) return;
    next();
  };
}

/** Node's flag on a request whose unread body it drops (lib/_http_incoming.js, _http_common.js). */
type DumpableRequest = express.Request & { _dumped?: boolean };

/** A post's body as limitBodies counts it; `lingerEnds` closes its connection once lingering. */
type BodyState = { received: number; dropping: boolean; lingerEnds: (() => void) | null };

// Long enough for a client on a slow line to finish writing the rest of an 8 MB form.
const LINGER_MS = 10_000;

/**
 * A lingering close, as nginx does one, for an answer sent before its request's body has all
 * arrived (called as its headers go out). Closed at once, with the body still coming, the
 * system resets the connection, and a client still writing (fetch, a browser uploading a file)
 * reports the reset instead of the answer it already has: a third of 3 MB posts refused unread
 * got no answer. So the answer says Connection: close, the connection is half-closed once the
 * answer is out (nothing more is written), and what more of the body comes is dropped as it
 * arrives, unbuffered, until it ends, the client hangs up, LINGER_MS pass, or as much again as
 * the limit has come (a body over the limit is not read to its end: its client may see the
 * reset rather than the 413).
 */
export function closeAfterLingering(req: express.Request, res: express.Response) {
  res.setHeader("Connection", "close");
  const socket = req.socket;
  const body = res.locals.body as BodyState | undefined;
  // Node calls destroySoon once a Connection: close answer is written: end, then destroy.
  const close = socket.destroySoon.bind(socket);
  socket.destroySoon = () => {
    if (req.complete || !body) return close();
    let closed = false;
    const closeOnce = () => {
      if (closed) return;
      closed = true;
      clearTimeout(timer);
      close();
    };
    const timer = setTimeout(closeOnce, LINGER_MS).unref();
    socket.once("close", () => clearTimeout(timer));
    body.dropping = true;
    body.lingerEnds = closeOnce;
    // A body nothing read is dumped by Node as the answer finishes, just before this: the parser
    // then drops what comes without handing it to the request, so it would go uncounted and a
    // client ignoring the answer could be read for all of LINGER_MS. Handed back to push(), it
    // is counted and dropped there.
    (req as DumpableRequest)._dumped = false;
    socket.end();
    // Stopped while the answer was drawn, or by Remix's reader when it stopped reading.
    socket.resume();
  };
}
