/**
 * The floor's server: Express and @remix-run/express as the Remix templates have them, nothing
 * of Kezdesu's (no compression, no security headers, no session). Run from bench/floor:
 *   DATABASE_PATH=... PORT=... NODE_ENV=production node --import tsx server.ts
 * With WEB_CONCURRENCY=2, two processes share the port under node:cluster, as Kezdesu's do: what
 * the machine gives a second process, measured beside Kezdesu's two (bench/run.ts).
 */
import cluster from "node:cluster";
import path from "node:path";
import { createRequestHandler } from "@remix-run/express";
import type { ServerBuild } from "@remix-run/node";
import express from "express";

const workers = Number(process.env.WEB_CONCURRENCY ?? 1);

if (workers > 1 && cluster.isPrimary) {
  for (let i = 0; i < workers; i++) cluster.fork();
  process.on("SIGTERM", () => {
    for (const worker of Object.values(cluster.workers ?? {})) worker?.kill();
    process.exit(0);
  });
} else {
  const build = (await import(path.resolve("build/index.js"))) as ServerBuild;
  const app = express();
  app.disable("x-powered-by");
  app.use("/build", express.static("public/build", { immutable: true, maxAge: "1y" }));
  app.all("*", createRequestHandler({ build, mode: build.mode }));
  app.listen(Number(process.env.PORT ?? 3000));
}
