/**
 * Compression, made only where an answer needs it. A rendered document is compressed in one
 * call, before it leaves entry.server.tsx: through the compression middleware the same page cost
 * a Brotli stream per response (made, written, flushed and ended through the thread pool), about
 * 1 ms of CPU a request for the 8 KB shell, where compressing the buffer at once takes 0.06 ms.
 * Remix's other answers (data requests, JSON, CSV, calendars) are compressed as they stream
 * (server.ts). The middleware itself is gone: it dressed every response in closures of its own,
 * documents already compressed among them; without it the shell costs some 0.93 of the CPU a
 * request it did, measured side by side (issue 17, bench/RESULTS.md, the twenty-seventh stop).
 */
import zlib from "node:zlib";

export type Encoding = "br" | "gzip";

// Smaller answers are sent as they are: the coding's framing would outweigh the saving.
const THRESHOLD = 1024;

// Everything at the fastest levels: the CPU, not the bytes, is what runs out (an 8 KB shell: 3.2
// KB as Brotli 1, 2.8 KB as Brotli 4 at six times the cost). Brotli 0 sends 4-7% more than Brotli
// 1 (the chart's 77 KB: 13.5 KB instead of 12.5) for 3-17% less of a page's CPU in-process, the
// most on the largest pages (issue 17).
const BROTLI_QUALITY = 0;
const GZIP_LEVEL = 1;

/**
 * Brotli if the request accepts it, else gzip, else nothing (a coding weighted q=0 is refused;
 * `*` stands for any coding not named).
 */
export function acceptedEncoding(header: string | null): Encoding | null {
  if (!header) return null;
  const weights = new Map<string, number>();
  for (const part of header.split(",")) {
    const [name = "", ...params] = part.trim().split(";");
    const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
    const weight = q ? Number(q.slice(2)) : 1;
    weights.set(name.trim().toLowerCase(), Number.isFinite(weight) ? weight : 0);
  }
  const accepts = (coding: Encoding) => (weights.get(coding) ?? weights.get("*") ?? 0) > 0;
  return accepts("br") ? "br" : accepts("gzip") ? "gzip" : null;
}

/**
 * A rendered document's chunks (React writes strings) as UTF-8, encoded straight into one
 * buffer: a buffer made for each chunk and the chunks then joined copied the page twice.
 */
export function documentBytes(chunks: Array<string | Buffer>): Buffer<ArrayBuffer> {
  // A UTF-16 code unit is at most three bytes in UTF-8 (a pair of them, four).
  let most = 0;
  for (const chunk of chunks) most += typeof chunk === "string" ? chunk.length * 3 : chunk.length;
  const bytes = Buffer.allocUnsafe(most);
  let length = 0;
  for (const chunk of chunks)
    length += typeof chunk === "string" ? bytes.write(chunk, length, "utf8") : chunk.copy(bytes, length);
  return bytes.subarray(0, length);
}

/** The document as sent: compressed when asked for and worth it, with its headers set. */
export function compressDocument(html: Buffer<ArrayBuffer>, request: Request, headers: Headers): Buffer<ArrayBuffer> {
  headers.append("Vary", "Accept-Encoding");
  const encoding =
    request.method === "HEAD" || html.length < THRESHOLD
      ? null
      : acceptedEncoding(request.headers.get("Accept-Encoding"));
  const body =
    encoding === "br"
      ? zlib.brotliCompressSync(html, {
          params: {
            [zlib.constants.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY,
            [zlib.constants.BROTLI_PARAM_SIZE_HINT]: html.length,
          },
        })
      : encoding === "gzip"
        ? zlib.gzipSync(html, { level: GZIP_LEVEL })
        : html;
  if (encoding) headers.set("Content-Encoding", encoding);
  headers.set("Content-Length", String(body.length));
  return body;
}

/** Text, JSON, XML, scripts and SVG: what compresses. Images, PDFs, ZIPs and Office files do not. */
const COMPRESSIBLE =
  /^\s*(?:text\/(?!event-stream)|application\/(?:json|javascript|xml|[\w.+-]+\+(?:json|xml))\b|image\/svg\+xml\b)/i;

/**
 * How a streamed answer (not a document) is to be sent: `vary` when its kind is one that is
 * compressed for those who ask (so a cache keeps one copy per coding), `encoding` when it is to
 * be compressed for this request. An answer that says its coding, sends a range or no body, asks
 * not to be transformed, or declares fewer than THRESHOLD bytes goes as it is.
 */
export function answerEncoding(
  request: { method: string; acceptEncoding: string | null },
  answer: { status: number; headers: Headers },
): { vary: boolean; encoding: Encoding | null } {
  const { headers, status } = answer;
  const vary = COMPRESSIBLE.test(headers.get("Content-Type") ?? "") && !headers.has("Content-Encoding");
  const length = headers.get("Content-Length");
  const asItIs =
    !vary ||
    request.method === "HEAD" ||
    status < 200 ||
    status === 204 ||
    status === 206 ||
    status === 304 ||
    headers.has("Content-Range") ||
    /\bno-transform\b/i.test(headers.get("Cache-Control") ?? "") ||
    (length !== null && Number(length) < THRESHOLD);
  return { vary, encoding: asItIs ? null : acceptedEncoding(request.acceptEncoding) };
}

/** The stream an answer is compressed through. */
export function compressor(encoding: Encoding): zlib.BrotliCompress | zlib.Gzip {
  return encoding === "br"
    ? zlib.createBrotliCompress({ params: { [zlib.constants.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY } })
    : zlib.createGzip({ level: GZIP_LEVEL });
}
