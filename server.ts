/**
 * The production server: applies migrations and loads the demo history (on an empty database)
 * before it listens, then serves the built Remix app, compressed (app/utils/compress.server.ts),
 * and the fingerprinted assets, precompressed, with long-lived caching. `npm start` builds it
 * (compiled to build/server.js by scripts/build-server.ts) and runs it with node alone; `npm run
 * dev` runs it in dev mode.
 */
import cluster from "node:cluster";
import crypto from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import { pipeline } from "node:stream";
// Not re-exported by the package's index; the version is pinned (package-lock.json).
import { sendRemixResponse } from "@remix-run/express/dist/server.js";
import {
  broadcastDevReady,
  createRequestHandler,
  writeReadableStreamToWritable,
  type AppLoadContext,
  type ServerBuild,
} from "@remix-run/node";
import { matchRoutes } from "@remix-run/react";
import express from "express";
import { openDatabase, processConnection } from "~db/client";
import { answersAfterTheDisk, durableSaves } from "~db/durable-answers";
import { walCheckpointer } from "~db/checkpointer";
import { startWriter } from "~db/writer";
import { arbitrateLongWrites } from "~db/cluster-long-writes";
import { takeTurnsWithOtherProcesses } from "~db/long-write";
import { migrateDatabase, writeTransaction } from "~/models/writes.server";
import { claimPidFile, holdDatabase, ServerAlreadyRunning } from "~db/guard";
import { ensureFirstAdmin } from "~/models/users.server";
import { backfillHistory, SYSTEM } from "~db/history";
import { ensureHomeCity } from "~db/home";
import { housekeepHourly, mergeSearchIndex, pruneExpired, refreshStatistics } from "~/housekeeping.server";
import { writeWithoutWaiting } from "~db/busy";
import { backfillNameKeys } from "~db/name-keys";
import { backfillSearchText, clearIfFoldedOtherwise } from "~/models/search-index.server";
import { seedDemoData } from "~/models/demo-data.server";
import { getEnv } from "./app/env.server";
import { isCrossSite } from "./app/utils/cross-site";
import { loggedPath } from "./app/utils/logged-path";
import { tooLargePage } from "./app/utils/too-large-page.server";
import { answerEncoding, compressor } from "./app/utils/compress.server";
import { closeAfterLingering, limitBodies } from "./app/utils/body-limits.server";
import { serverFor } from "./app/utils/express-server.server";
import { remixRequest } from "./app/utils/remix-request.server";
import { recordSecurityEvent } from "~db/security-log";

const env = getEnv();
const BUILD_PATH = path.resolve("build/index.js");
// The writer thread's module: compiled beside build/server.js, or its source beside server.ts.
const WRITER_ENTRY = import.meta.url.endsWith(".ts")
  ? new URL("./app/writer-thread.server.ts", import.meta.url)
  : new URL("./writer.js", import.meta.url);
// No form of ours comes near this (a meeting with a hundred participants is some 100 KB).
const MAX_BODY_BYTES = 8 * 1024 * 1024;
// Without a session a client can only sign in, accept an invitation or switch the language:
// a few kilobytes (two 1,024-character passwords, percent-encoded, are some 20 KB).
const SIGNED_OUT_MAX_BODY_BYTES = 64 * 1024;
// A file upload (multipart) may carry one file of UPLOAD_MAX_MB and the form's few fields around it;
// the route checks the file itself against UPLOAD_MAX_MB and says so beside the field.
const UPLOAD_MAX_BODY_BYTES = (env.UPLOAD_MAX_MB + 1) * 1024 * 1024;
// The session cookie's names (app/auth.server.ts): __Host- in production.
const SESSION_COOKIE = /(?:^|;\s*)(?:__Host-)?kezdesu_session=/;

async function prepareDatabase() {
  const db = openDatabase(env.DATABASE_PATH);
  try {
    migrateDatabase(db);
    writeTransaction(db, SYSTEM, () => {
      // Keys folded by an older foldForMatch are dropped, and the backfills write them anew.
      if (clearIfFoldedOtherwise(db)) console.log("Re-folding the name keys and the search index");
      backfillNameKeys(db);
      backfillSearchText(db);
      backfillHistory(db.$client);
    });
    if (env.DEMO_DATA === "load") {
      const { loaded } = seedDemoData(db);
      if (loaded) console.log(`Loaded the demo history into ${env.DATABASE_PATH}`);
    }
    writeTransaction(db, SYSTEM, () => ensureHomeCity(db));
    refreshStatistics(db, { full: true });
    mergeSearchIndex(db);
    const admin = await ensureFirstAdmin(db, { email: env.ADMIN_EMAIL, password: env.ADMIN_PASSWORD });
    if (admin?.password) {
      console.log(
        `\nMade the first administrator account. Sign in once with:\n  email:    ${admin.email}\n  password: ${admin.password}\nand choose a new password when asked. This is shown only now.\n`,
      );
    } else if (admin) {
      console.log(`Made the first administrator account: ${admin.email} (password from ADMIN_PASSWORD)`);
    }
  } finally {
    db.$client.close();
  }
}

/**
 * Random bytes for the per-request ids and nonces, taken from a pool the CSPRNG fills 4 KB at a
 * time, each byte handed out once: two randomBytes calls a request cost 12 us, the pool 1 us.
 */
const randomPool = { bytes: Buffer.alloc(0), at: 0 };
function randomBytes(count: number): Buffer {
  if (randomPool.at + count > randomPool.bytes.length)
    Object.assign(randomPool, { bytes: crypto.randomBytes(4096), at: 0 });
  const taken = randomPool.bytes.subarray(randomPool.at, randomPool.at + count);
  randomPool.at += count;
  return taken;
}

/**
 * Security headers on every response. The Content-Security-Policy allows only this site's
 * scripts and the inline ones Remix writes with this request's nonce (app/entry.server.tsx).
 */
function securityHeaders(production: boolean): express.RequestHandler {
  return (_req, res, next) => {
    const nonce = randomBytes(16).toString("base64");
    res.locals.cspNonce = nonce;
    res.setHeader(
      "Content-Security-Policy",
      [
        "default-src 'self'",
        `script-src 'self' 'nonce-${nonce}'`,
        "style-src 'self'",
        "img-src 'self' data:",
        `connect-src 'self'${production ? "" : " ws:"}`,
        "object-src 'none'",
        "base-uri 'none'",
        "frame-ancestors 'none'",
        "form-action 'self'",
      ].join("; "),
    );
    res.setHeader("X-Content-Type-Options", "nosniff");
    res.setHeader("Referrer-Policy", "same-origin");
    res.setHeader("X-Frame-Options", "DENY");
    res.setHeader("Cross-Origin-Opener-Policy", "same-origin");
    res.setHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
    if (production) res.setHeader("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
    next();
  };
}

/**
 * A POST from another site is refused here, before Remix (whose own check answers such a
 * request with a 500), with a 403 that changes nothing, and logged.
 */
function refuseCrossSitePosts(db: ReturnType<typeof openDatabase>): express.RequestHandler {
  return (req, res, next) => {
    if (req.method === "GET" || req.method === "HEAD") return next();
    const ownOrigin = `${req.protocol}://${req.get("host") ?? ""}`;
    if (!isCrossSite(req.headers, ownOrigin)) return next();
    // Through the one writer of the log, so a flood of these is counted in one row.
    recordSecurityEvent(db, {
      event: "cross_site",
      address: req.ip ?? null,
      detail: `${req.method} ${loggedPath(req.path)} from ${req.get("origin") ?? req.get("sec-fetch-site") ?? "?"}`,
    });
    res.status(403).type("text/plain").send("Forbidden: this request came from another site.");
  };
}

/**
 * Each request gets an id, sent back as X-Request-Id, given to Remix (the error page shows it)
 * and written beside every 500 in the log, so a user's report can be found there.
 */
function requestIds(): express.RequestHandler {
  return (req, res, next) => {
    const id = randomBytes(5).toString("hex");
    res.locals.requestId = id;
    res.setHeader("X-Request-Id", id);
    res.on("finish", () => {
      if (res.statusCode >= 500)
        console.error(`[${new Date().toISOString()}] ${res.statusCode} ${id} ${req.method} ${loggedPath(req.path)}`);
    });
    next();
  };
}

/**
 * Just before a response's headers go out:
 * - Anything not a static file is private to the account that asked for it (issue 12.3): no
 *   browser or proxy may keep it, so Back after signing out cannot show it again. A route that
 *   chose its own caching (the public interface strings) keeps it; so do the static files
 *   (served before this applies, with their own Cache-Control).
 * - A response sent before its request's body has all arrived (a refused post, left unread)
 *   closes the connection, after a lingering close: the connection is not reused for a request
 *   that was answered without being read.
 */
function beforeHeaders(app: express.Express) {
  // On the prototype of the app's responses (app.response: app/utils/express-server.server.ts),
  // not wrapped around each response: in a bare Express app, a closure over the request kept on
  // each response made V8 keep every request's objects past its young generation (6 KB a
  // request promoted, against none) and cost a third of its throughput (bench/RESULTS.md).
  const writeHead = http.ServerResponse.prototype.writeHead;
  app.response.writeHead = function (this: express.Response, ...args: Parameters<typeof writeHead>) {
    if (!this.hasHeader("Cache-Control")) this.setHeader("Cache-Control", "private, no-store");
    if (!this.req.complete) closeAfterLingering(this.req, this);
    return writeHead.apply(this, args);
  } as express.Response["writeHead"];
}

/**
 * @remix-run/express's handler, but a rendered document is written as the one buffer it is
 * (entry.server.tsx hands its bytes beside its Response: app/utils/document-response.server.ts)
 * rather than read back from the Response's stream, and the Request made by remixRequest (whose
 * body stream lets go of the Node request once read). Everything else is sent as Remix sends it.
 */
function remixHandler(
  build: ServerBuild,
  getLoadContext: (req: express.Request, res: express.Response) => AppLoadContext,
): express.RequestHandler {
  const handle = createRequestHandler(build, build.mode);
  const { documentBody } = build.entry.module as { documentBody?: (response: Response) => Buffer | undefined };
  return async (req, res, next) => {
    // Remix's data requests from before single fetch (?_data=): no client of ours makes them,
    // and Remix answered each with an empty 200 after logging a warning with its stack: a way
    // to fill the log.
    if (req.query._data !== undefined) return void res.status(400).type("text/plain").send("Bad request");
    try {
      const response = await handle(remixRequest(req, res), getLoadContext(req, res));
      const body = documentBody?.(response);
      if (!body) return await sendAnswer(req, res, response);
      res.status(response.status);
      for (const [name, value] of response.headers) res.append(name, value);
      res.end(body);
    } catch (error) {
      next(error);
    }
  };
}

/**
 * Remix's answer other than a document (a data request's, JSON, CSV, a calendar), compressed as
 * it streams when it is of a kind that compresses and the browser asks (answerEncoding). Each
 * chunk is flushed through, as Remix flushed it to the response: a streamed answer arrives as it
 * is made.
 */
async function sendAnswer(req: express.Request, res: express.Response, response: Response) {
  const { vary, encoding } = answerEncoding(
    { method: req.method, acceptEncoding: req.get("Accept-Encoding") ?? null },
    response,
  );
  if (vary) res.append("Vary", "Accept-Encoding");
  if (!encoding || !response.body) return sendRemixResponse(res, response);
  res.statusMessage = response.statusText;
  res.status(response.status);
  for (const [name, value] of response.headers) if (name !== "content-length") res.append(name, value);
  res.setHeader("Content-Encoding", encoding);
  const compressed = compressor(encoding);
  // A client gone, or a failed compression, ends the response: the rest is not written.
  pipeline(compressed, res, () => undefined);
  await writeReadableStreamToWritable(response.body, compressed);
}

/**
 * The Brotli or gzip copy of a built asset (scripts/precompress.ts makes them at build time),
 * whichever the browser accepts, so no asset is compressed per request. Only files listed at
 * start are served this way: a request's path never names a file on its own.
 */
function precompressed(root: string): express.RequestHandler {
  const copies = new Set(
    fs.existsSync(root)
      ? fs
          .readdirSync(root, { recursive: true, encoding: "utf8" })
          .filter((file) => file.endsWith(".br") || file.endsWith(".gz"))
          .map((file) => `/${file.split(path.sep).join("/")}`)
      : [],
  );
  return (req, res, next) => {
    if (req.method !== "GET" && req.method !== "HEAD") return next();
    // Brotli when accepted at all (browsers list gzip first, at the same weight), else gzip.
    const encoding =
      req.acceptsEncodings("br") === "br" ? "br" : req.acceptsEncodings("gzip") === "gzip" ? "gzip" : null;
    const suffix = encoding === "br" ? ".br" : ".gz";
    if (!encoding || !copies.has(req.path + suffix)) return next();
    res.vary("Accept-Encoding");
    res.setHeader("Content-Encoding", encoding);
    // The type of the file itself, not of its compressed copy (express.static keeps a type set before it).
    res.type(path.extname(req.path));
    req.url = req.path + suffix;
    next();
  };
}

type RouteObject = Parameters<typeof matchRoutes>[0][number];

// A path that does not decode is left to the handlers that answer it 400: the router's matching
// would write a warning to the log for each one.
function decodes(path: string) {
  try {
    decodeURIComponent(path);
    return true;
  } catch {
    return false;
  }
}

/**
 * TRACE, which no page takes and a fetch Request cannot carry, answered 405 here: through Remix,
 * making its Request threw, a 500 with its stack in the log for each one. (Node's parser answers
 * TRACK itself, 400, and its server closes a CONNECT.)
 */
function refuseTrace(): express.RequestHandler {
  return (req, res, next) => {
    if (req.method !== "TRACE") return next();
    res.status(405).set("Allow", "GET, HEAD, POST").type("text/plain").send("Method Not Allowed.");
  };
}

/**
 * A post (or any method but GET and HEAD) to an address that only reads (a resource route
 * without an action: the JSON suggestions, the calendars, the exports) is answered 405 here,
 * saying so. Through Remix the answer was a JSON body "Unexpected Server Error", and an error
 * with its stack written to the log for every such request.
 */
function refuseWritesToReaders(build: ServerBuild): express.RequestHandler {
  const byParent = new Map<string | undefined, RouteObject[]>();
  const readOnly = new Set<string>();
  for (const route of Object.values(build.routes)) {
    const siblings = byParent.get(route.parentId) ?? [];
    siblings.push({
      id: route.id,
      path: route.path,
      index: route.index,
      caseSensitive: route.caseSensitive,
    } as RouteObject);
    byParent.set(route.parentId, siblings);
    if (!route.module.default && !route.module.action) readOnly.add(route.id);
  }
  const tree = (parentId: string | undefined): RouteObject[] =>
    (byParent.get(parentId) ?? []).map((route) =>
      route.index ? route : ({ ...route, children: tree(route.id) } as RouteObject),
    );
  const routes = tree(undefined);
  return (req, res, next) => {
    if (req.method === "GET" || req.method === "HEAD" || !decodes(req.path)) return next();
    const target = matchRoutes(routes, req.path)?.at(-1)?.route.id;
    if (!target || !readOnly.has(target)) return next();
    res.status(405).set("Allow", "GET, HEAD").type("text/plain").send("Method Not Allowed: this address only reads.");
  };
}

/** One process serving HTTP; several share the port under node:cluster (WEB_CONCURRENCY). */
async function serve() {
  // The app's connection commits without waiting for the disk; its actions' answers wait instead.
  // Saves made in one turn of the event loop share a commit; an action waits for its own.
  const { group, wal, onDisk } = durableSaves();
  // The WAL is checkpointed on a thread of its own, shortly after each save; should that thread
  // fail, the app's commits checkpoint it as SQLite does by default.
  const checkpoints = walCheckpointer(env.DATABASE_PATH, (error) => {
    console.error(error);
    globalThis.__kezdesuCheckpointPages = undefined;
    globalThis.__kezdesuDb?.$client.pragma("wal_autocheckpoint = 1000");
    globalThis.__kezdesuWriter?.checkpointPast(1000);
  });
  // With several processes, an import in one holds the write lock for all: they take turns.
  if (cluster.isWorker) takeTurnsWithOtherProcesses(process);
  process.on("exit", () => group.commitNow());
  const remixBuild = (await import(BUILD_PATH)) as ServerBuild;
  // Meetings are logged on a thread of their own, each answered once on disk (db/writer.ts); the
  // dev server saves on its own thread, where the models it reloads as they are edited run.
  if (remixBuild.mode !== "development") globalThis.__kezdesuWriter = startWriter(WRITER_ENTRY);
  const build = answersAfterTheDisk(remixBuild, () => {
    const since = group.mark();
    return async () => {
      await onDisk(since);
      checkpoints.soon();
    };
  });
  // What the app writes outside an action (a session's use) is on disk within a second.
  setInterval(() => {
    void wal.sync().catch((error: unknown) => console.error("Could not fsync the WAL", error));
    checkpoints.soon();
  }, 1000).unref();

  const app = express();
  app.disable("x-powered-by");
  // Behind a reverse proxy every request comes from the proxy: TRUST_PROXY says whose
  // X-Forwarded-For to believe, so throttling and the security log see the real address.
  app.set("trust proxy", env.TRUST_PROXY);
  app.use(requestIds());
  beforeHeaders(app);
  app.use(securityHeaders(build.mode === "production"));
  app.use(refuseTrace());
  app.use(
    limitBodies({
      limitFor: (req) =>
        !SESSION_COOKIE.test(req.get("cookie") ?? "")
          ? SIGNED_OUT_MAX_BODY_BYTES
          : req.is("multipart/form-data")
            ? Math.max(UPLOAD_MAX_BODY_BYTES, MAX_BODY_BYTES)
            : MAX_BODY_BYTES,
      tooLargePage: (req) =>
        tooLargePage({
          cookie: req.get("cookie") ?? null,
          acceptLanguage: req.get("accept-language") ?? null,
          referer: req.get("referer") ?? null,
          origin: `${req.protocol}://${req.get("host") ?? ""}`,
        }),
    }),
  );
  // Refusals and housekeeping use the app's connection: one of their own would wait for its
  // write lock with the thread blocked, an import's, held between its turns, among them
  // (db/long-write.ts).
  const db = processConnection(env.DATABASE_PATH);
  app.use(refuseCrossSitePosts(db));
  // Not while another process imports (a worker started meanwhile): the hour's does it.
  writeWithoutWaiting(db.$client, () => pruneExpired(db));
  setInterval(() => housekeepHourly(db), 60 * 60 * 1000).unref();
  // Remix fingerprints everything under /build/: safe to cache for a year.
  app.use("/build", precompressed("public/build"), express.static("public/build", { immutable: true, maxAge: "1y" }));
  // An asset not there is a 404 here, not a page of Remix's: a copy listed at start and gone
  // since (a build replaced under a running server) had its coding set already, and Remix's
  // answer under it was a 500 with its stack in the log (or a redirect a browser could not read).
  app.use("/build", (_req, res) => {
    res.removeHeader("Content-Encoding");
    res.status(404).set("Cache-Control", "no-store").type("text/plain").send("Not Found");
  });
  // The few files at the top of public/ (favicons), looked up by name: otherwise every page's
  // request would first ask the disk whether public/ holds a file of its path.
  const publicFiles = new Set(fs.readdirSync("public").map((name) => `/${name}`));
  const servePublic = express.static("public", { maxAge: "1h" });
  app.use((req, res, next) => (publicFiles.has(req.path) ? servePublic(req, res, next) : next()));
  app.use(refuseWritesToReaders(build));
  app.all(
    "*",
    remixHandler(build, (req, res) => ({
      clientAddress: req.ip ?? req.socket.remoteAddress ?? "unknown",
      cspNonce: res.locals.cspNonce as string,
      requestId: res.locals.requestId as string,
      // A document's render takes the loaders' drawn markup from here (app/utils/document-markup.server.ts).
      documentMarkup: req.path.endsWith(".data") ? undefined : [],
    })),
  );
  // What fails outside Remix's own error handling (entry.server.tsx's handleError).
  app.use((error: unknown, req: express.Request, res: express.Response, _next: express.NextFunction) => {
    // Remix answering a request already refused as too large: that answer was the 413.
    if (res.locals.bodyRefused) return;
    // Express's own refusals (a path that does not decode) carry their 4xx: the client's fault.
    const status = error instanceof Error && "status" in error && typeof error.status === "number" ? error.status : 500;
    if (status < 500 && !res.headersSent) return void res.status(status).type("text/plain").send("Bad request");
    console.error(
      `[${new Date().toISOString()}] ${res.locals.requestId as string} ${req.method} ${loggedPath(req.path)}`,
      error,
    );
    if (res.headersSent) return void req.socket.destroy();
    res
      .status(500)
      .type("text/plain")
      .send(`Server error (request ${res.locals.requestId as string})`);
  });

  serverFor(app).listen(env.PORT, () => {
    if (cluster.isPrimary) claimGuard();
    if (cluster.isPrimary) console.log(`Kezdesu is serving on http://localhost:${env.PORT}`);
    if (build.mode === "development") void broadcastDevReady(build);
  });
}

/**
 * SQLite in WAL lets many readers work beside one writer, so a second process uses the second
 * core: the primary prepares the database once, then forks the workers that serve.
 */
async function main() {
  if (!cluster.isPrimary) return serve();
  // Before anything touches the database: one server per database, and `npm run restore`
  // refuses for as long as this process holds it open (db/guard.ts).
  holdDatabase(env.DATABASE_PATH);
  await prepareDatabase();
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => process.exit(0));
  if (env.WEB_CONCURRENCY <= 1) return serve();
  let listening = false;
  cluster.once("listening", () => {
    listening = true;
    claimGuard();
  });
  arbitrateLongWrites(cluster);
  for (let i = 0; i < env.WEB_CONCURRENCY; i++) cluster.fork();
  cluster.on("exit", (worker, code, signal) => {
    // A worker that cannot start (the port is taken) would fail the same way again, forever.
    if (!listening) {
      console.error(`Worker ${worker.process.pid} stopped before serving (${signal ?? code}): not starting.`);
      process.exit(1);
    }
    console.error(`Worker ${worker.process.pid} stopped (${signal ?? code}); starting another`);
    cluster.fork();
  });
  console.log(`Kezdesu is serving on http://localhost:${env.PORT} with ${env.WEB_CONCURRENCY} processes`);
}

/** Once this process, or its first worker, listens: the pid file names it (db/guard.ts). */
function claimGuard() {
  try {
    claimPidFile(env.DATABASE_PATH);
  } catch (error) {
    if (!(error instanceof ServerAlreadyRunning)) throw error;
    console.error(error.message);
    process.exit(1);
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof ServerAlreadyRunning ? error.message : error);
  process.exit(1);
});
