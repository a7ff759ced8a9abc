/**
 * `remix build`, with its esbuild service stopped before the process exits.
 *
 * `remix build` compiles through esbuild's incremental contexts and then calls process.exit()
 * without disposing of them. esbuild's Go service, its stdin closed while contexts were still
 * open, now and then dies with "fatal error: all goroutines are asleep - deadlock!" and a page of
 * goroutine traces after a build that succeeded (evanw/esbuild#2727, #3635): harmless, but a
 * newcomer reads it as a crash (issue 14.4). This does what `remix build` does (Remix 2.17,
 * classic compiler: @remix-run/dev/dist/cli/commands.js `build`) and disposes of the compiler.
 */
import { createRequire } from "node:module";
import fs from "node:fs";

const require = createRequire(import.meta.url);
const { readConfig } = require("@remix-run/dev/dist/config.js");
const { create } = require("@remix-run/dev/dist/compiler/compiler.js");
const { createFileWatchCache } = require("@remix-run/dev/dist/compiler/fileWatchCache.js");
const { logger } = require("@remix-run/dev/dist/tux/logger.js");
const emptyModules = require("@remix-run/dev/dist/compiler/plugins/emptyModules.js");

// Remix gives the browser `module.exports = {}` for each `.server` module a route imports (for
// its loader or action): CommonJS, which esbuild cannot drop, so every one of them was a chunk of
// its own, imported by the route and listed in the manifest (some 110 bytes gzipped each, four to
// eight a page). An empty file is dropped: importing a name from it gives undefined, as the
// CommonJS module did, and nothing in the browser calls those names (issue 17).
const remixEmptyModules = emptyModules.emptyModulesPlugin;
emptyModules.emptyModulesPlugin = (...args: unknown[]) => {
  const plugin = remixEmptyModules(...args);
  return {
    ...plugin,
    setup(build: { onLoad: (options: unknown, callback: () => unknown) => void }) {
      const onLoad = build.onLoad.bind(build);
      build.onLoad = (options, callback) =>
        onLoad(options, () => {
          const result = callback() as { contents: string };
          return result.contents === "module.exports = {};" ? { ...result, contents: "" } : result;
        });
      plugin.setup(build);
    },
  };
};

const started = Date.now();
const mode = process.env.NODE_ENV === "development" ? "development" : "production";
logger.info(`building... (NODE_ENV=${mode})`);
const config = await readConfig(process.cwd());
fs.rmSync(config.assetsBuildDirectory, { recursive: true, force: true });
fs.mkdirSync(config.assetsBuildDirectory, { recursive: true });
const compiler = await create({
  config,
  options: { mode, sourcemap: false },
  fileWatchCache: createFileWatchCache(),
  logger,
});
try {
  await compiler.compile();
} catch (error) {
  // esbuild has already printed what is wrong with the code.
  if (error instanceof Error && !/Build failed/.test(error.message)) console.error(error);
  process.exitCode = 1;
} finally {
  await compiler.dispose();
}
if (!process.exitCode) logger.info(`built (${((Date.now() - started) / 1000).toFixed(1)}s)`);
