/**
 * The floor's server: Express and @remix-run/express as the Remix templates have them, nothing
 * of Kezdesu's (no compression, no security headers, no session). Run from bench/floor:
 *   DATABASE_PATH=... PORT=... NODE_ENV=production node --import tsx server.ts
 */
import path from "node:path";
import { createRequestHandler } from "@remix-run/express";
import type { ServerBuild } from "@remix-run/node";
import express from "express";

const build = (await import(path.resolve("build/index.js"))) as ServerBuild;
const app = express();
app.disable("x-powered-by");
app.use("/build", express.static("public/build", { immutable: true, maxAge: "1y" }));
app.all("*", createRequestHandler({ build, mode: build.mode }));
app.listen(Number(process.env.PORT ?? 3000));
