/**
 * The production server: applies migrations and loads the demo history (on an empty database)
 * before it listens, then serves the built Remix app with compression and long-lived caching of
 * the fingerprinted assets. `npm start` builds and runs it; `npm run dev` runs it in dev mode.
 */
import path from "node:path";
import { createRequestHandler } from "@remix-run/express";
import { broadcastDevReady, type ServerBuild } from "@remix-run/node";
import compression from "compression";
import express from "express";
import { migrateDatabase, openDatabase, writeTransaction } from "./db/client";
import { ensureHomeCity } from "./db/home";
import { backfillNameKeys } from "./db/name-keys";
import { backfillSearchText } from "./db/search-text";
import { seedDemoData } from "./db/seed";
import { getEnv } from "./app/env.server";

const env = getEnv();
const BUILD_PATH = path.resolve("build/index.js");

function prepareDatabase() {
  const db = openDatabase(env.DATABASE_PATH);
  try {
    migrateDatabase(db);
    writeTransaction(db, () => {
      backfillNameKeys(db);
      backfillSearchText(db);
    });
    if (env.DEMO_DATA === "load") {
      const { loaded } = seedDemoData(db);
      if (loaded) console.log(`Loaded the demo history into ${env.DATABASE_PATH}`);
    }
    writeTransaction(db, () => ensureHomeCity(db));
  } finally {
    db.$client.close();
  }
}

async function main() {
  prepareDatabase();
  const build = (await import(BUILD_PATH)) as ServerBuild;

  const app = express();
  app.disable("x-powered-by");
  app.use(compression());
  // Remix fingerprints everything under /build/: safe to cache for a year.
  app.use("/build", express.static("public/build", { immutable: true, maxAge: "1y" }));
  app.use(express.static("public", { maxAge: "1h" }));
  app.all("*", createRequestHandler({ build, mode: build.mode }));

  app.listen(env.PORT, () => {
    console.log(`Kezdesu is serving on http://localhost:${env.PORT}`);
    if (build.mode === "development") void broadcastDevReady(build);
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
