/**
 * server.ts compiled to build/server.js (part of `npm run build`), which `npm run serve` runs
 * with node alone. Run through tsx, the production server paid for the compiler it never needed
 * after start: tsx's hooks saw every module the server loaded, the Remix build among them, and
 * turned on source maps for the whole process; each process took some 1 s longer to answer and
 * held some 50 MB more (3.3-4.3 s and 202-204 MB against 2.2-2.4 s and 151-157 MB, the demo
 * history on file, three starts each). `npm run dev` and the tests still run server.ts itself.
 *
 * Its packages stay in node_modules, imported as they are; the app's own modules (~/, ~db/) are
 * compiled in, as the Remix build compiles them in for the routes.
 */
import path from "node:path";
import { build } from "esbuild";

export async function buildServer(entry: string, outfile: string) {
  await build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    packages: "external",
    logLevel: "warning",
  });
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve("scripts/build-server.ts")) {
  await buildServer("server.ts", "build/server.js");
  // The writer thread's module, which server.ts starts from beside itself (db/writer.ts).
  await buildServer("app/writer-thread.server.ts", "build/writer.js");
  console.log("Compiled server.ts to build/server.js, app/writer-thread.server.ts to build/writer.js");
}
