/**
 * The production server: applies migrations and loads the demo history (on an empty database)
 * before it listens, then serves the built Remix app with compression and long-lived caching of
 * the fingerprinted assets. `npm start` builds and runs it; `npm run dev` runs it in dev mode.
 */
import cluster from "node:cluster";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { createRequestHandler } from "@remix-run/express";
import { broadcastDevReady, type ServerBuild } from "@remix-run/node";
import compression from "compression";
import express from "express";
import { migrateDatabase, openDatabase, writeTransaction } from "./db/client";
import { pidFile } from "./db/backup";
import { ensureFirstAdmin } from "./db/first-admin";
import { backfillHistory, SYSTEM } from "./db/history";
import { ensureHomeCity } from "./db/home";
import { pruneExpired, refreshStatistics } from "./db/housekeeping";
import { backfillNameKeys } from "./db/name-keys";
import { backfillSearchText } from "./db/search-text";
import { seedDemoData } from "./db/seed";
import { getEnv } from "./app/env.server";
import { isCrossSite } from "./app/utils/cross-site";
import { recordSecurityEvent } from "./db/security-log";

const env = getEnv();
const BUILD_PATH = path.resolve("build/index.js");
const MAX_BODY_BYTES = 8 * 1024 * 1024;

async function prepareDatabase() {
  const db = openDatabase(env.DATABASE_PATH);
  try {
    migrateDatabase(db);
    writeTransaction(db, SYSTEM, () => {
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
    const admin = await ensureFirstAdmin(db, { email: env.ADMIN_EMAIL, password: env.ADMIN_PASSWORD });
    if (admin?.password) {
      console.log(`\nMade the first administrator account. Sign in once with:\n  email:    ${admin.email}\n  password: ${admin.password}\nand choose a new password when asked. This is shown only now.\n`);
    } else if (admin) {
      console.log(`Made the first administrator account: ${admin.email} (password from ADMIN_PASSWORD)`);
    }
  } finally {
    db.$client.close();
  }
}

/**
 * Security headers on every response. The Content-Security-Policy allows only this site's
 * scripts and the inline ones Remix writes with this request's nonce (app/entry.server.tsx).
 */
function securityHeaders(production: boolean): express.RequestHandler {
  return (_req, res, next) => {
    const nonce = crypto.randomBytes(16).toString("base64");
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
    recordSecurityEvent(db, { event: "cross_site", address: req.ip ?? null, detail: `${req.method} ${req.path} from ${req.get("origin") ?? req.get("sec-fetch-site") ?? "?"}` });
    res.status(403).type("text/plain").send("Forbidden: this request came from another site.");
  };
}

/** One process serving HTTP; several share the port under node:cluster (WEB_CONCURRENCY). */
async function serve() {
  const build = (await import(BUILD_PATH)) as ServerBuild;

  const app = express();
  app.disable("x-powered-by");
  // Behind a reverse proxy every request comes from the proxy: TRUST_PROXY says whose
  // X-Forwarded-For to believe, so throttling and the security log see the real address.
  app.set("trust proxy", env.TRUST_PROXY);
  app.use(securityHeaders(build.mode === "production"));
  app.use(compression());
  // The server's own connection, for what happens outside Remix: refusals and housekeeping.
  const db = openDatabase(env.DATABASE_PATH);
  app.use(refuseCrossSitePosts(db));
  // No form of ours comes near this; a bigger body is refused before it is read.
  app.use((req, res, next) => {
    // The unread body would follow on the connection: it is closed, not reused.
    if (Number(req.get("content-length") ?? 0) > MAX_BODY_BYTES) res.status(413).set("Connection", "close").type("text/plain").send("Payload too large");
    else next();
  });
  pruneExpired(db);
  setInterval(() => {
    pruneExpired(db);
    refreshStatistics(db);
  }, 60 * 60 * 1000).unref();
  // Remix fingerprints everything under /build/: safe to cache for a year.
  app.use("/build", express.static("public/build", { immutable: true, maxAge: "1y" }));
  app.use(express.static("public", { maxAge: "1h" }));
  app.all(
    "*",
    createRequestHandler({
      build,
      mode: build.mode,
      getLoadContext: (req, res) => ({ clientAddress: req.ip ?? req.socket.remoteAddress ?? "unknown", cspNonce: res.locals.cspNonce as string }),
    }),
  );

  app.listen(env.PORT, () => {
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
  await prepareDatabase();
  // `npm run restore` refuses while this file names a live process.
  fs.writeFileSync(pidFile(env.DATABASE_PATH), String(process.pid));
  process.on("exit", () => fs.rmSync(pidFile(env.DATABASE_PATH), { force: true }));
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => process.exit(0));
  if (env.WEB_CONCURRENCY <= 1) return serve();
  for (let i = 0; i < env.WEB_CONCURRENCY; i++) cluster.fork();
  cluster.on("exit", (worker, code, signal) => {
    console.error(`Worker ${worker.process.pid} stopped (${signal ?? code}); starting another`);
    cluster.fork();
  });
  console.log(`Kezdesu is serving on http://localhost:${env.PORT} with ${env.WEB_CONCURRENCY} processes`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
