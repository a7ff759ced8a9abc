/**
 * First-load JavaScript of each route, gzipped, read from a classic-compiler build's manifest
 * (public/build/manifest-*.js): what a browser downloads to show the route as the first page
 * of a visit. That is the entry with its imports, the manifest itself, and the module and
 * imports of the root, of every layout above the route and of the route.
 *
 * Used by `npm run bench` (bench/run.ts), `npm run bench:js` (scripts/first-load-js.ts) and
 * tests/first-load-js.test.ts, which holds every route to the issue 17 target.
 */
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";

export const FIRST_LOAD_LIMIT = 100 * 1024;

type ManifestRoute = { id: string; parentId?: string; path?: string; module: string; imports?: string[] };
export type Manifest = {
  entry: { module: string; imports: string[] };
  routes: Record<string, ManifestRoute>;
};

export function readManifest(publicDir: string) {
  const dir = path.join(publicDir, "build");
  if (!fs.existsSync(dir)) throw new Error(`No build in ${dir}: run \`npm run build\` first`);
  const file = fs.readdirSync(dir).find((f) => /^manifest-.*\.js$/.test(f));
  if (!file) throw new Error(`No manifest in ${dir}: run \`npm run build\` first`);
  const manifest = JSON.parse(
    fs
      .readFileSync(path.join(dir, file), "utf8")
      .replace(/^window\.__remixManifest=/, "")
      .replace(/;\s*$/, ""),
  ) as Manifest;
  return { manifest, url: `/build/${file}` };
}

/** The files a first load of `routeId` downloads, as their /build/… URLs. */
export function firstLoadFiles(manifest: Manifest, manifestUrl: string, routeId: string) {
  const files = new Set([manifest.entry.module, ...manifest.entry.imports, manifestUrl]);
  const chain: ManifestRoute[] = [];
  for (let id: string | undefined = routeId; id; id = manifest.routes[id]?.parentId) {
    const route = manifest.routes[id];
    if (!route) throw new Error(`No route ${id} in the build`);
    chain.unshift(route);
  }
  for (const route of chain) {
    files.add(route.module);
    for (const file of route.imports ?? []) files.add(file);
  }
  return [...files];
}

/** Gzipped first-load bytes of each route (every route of the build when `routes` is not given). */
export function firstLoadJs(publicDir: string, routes?: string[]) {
  const { manifest, url } = readManifest(publicDir);
  const gzipped = new Map<string, number>();
  const size = (file: string) => {
    let bytes = gzipped.get(file);
    if (bytes === undefined) {
      bytes = zlib.gzipSync(fs.readFileSync(path.join(publicDir, file))).length;
      gzipped.set(file, bytes);
    }
    return bytes;
  };
  const sizes = new Map<string, number>();
  for (const routeId of routes ?? Object.keys(manifest.routes)) {
    sizes.set(
      routeId,
      firstLoadFiles(manifest, url, routeId).reduce((sum, file) => sum + size(file), 0),
    );
  }
  return sizes;
}
