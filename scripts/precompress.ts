/**
 * After `remix build`: a Brotli (.br) and a gzip (.gz) copy of every script and stylesheet under
 * public/build, at the strongest settings, made once here so the server never compresses an
 * asset per request (server.ts serves the copy the browser accepts).
 */
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";

const ROOT = path.resolve(process.argv[2] ?? "public/build");
const COMPRESSIBLE = /\.(?:js|css|json|svg|map)$/;

let files = 0;
let before = 0;
let after = 0;
for (const entry of fs.readdirSync(ROOT, { recursive: true, withFileTypes: true })) {
  if (!entry.isFile() || !COMPRESSIBLE.test(entry.name)) continue;
  const file = path.join(entry.parentPath, entry.name);
  const content = fs.readFileSync(file);
  const br = zlib.brotliCompressSync(content, {
    params: {
      [zlib.constants.BROTLI_PARAM_QUALITY]: zlib.constants.BROTLI_MAX_QUALITY,
      [zlib.constants.BROTLI_PARAM_SIZE_HINT]: content.length,
    },
  });
  fs.writeFileSync(`${file}.br`, br);
  fs.writeFileSync(`${file}.gz`, zlib.gzipSync(content, { level: zlib.constants.Z_BEST_COMPRESSION }));
  files += 1;
  before += content.length;
  after += br.length;
}
console.log(
  `Precompressed ${files} files in ${ROOT}: ${(before / 1024).toFixed(0)} KB, ${(after / 1024).toFixed(0)} KB as Brotli`,
);
