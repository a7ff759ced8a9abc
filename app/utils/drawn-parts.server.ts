/**
 * Markup drawn by a loader, put into its document as UTF-8 bytes made once (issue 17).
 *
 * The drawn parts are most of a large page (the chart's SVG, the partner page's lists and
 * timeline, the meetings list's rows) and the same on every request until a record changes
 * (their reads are cached: app/models/pages.server.ts). The render wrote them into its output,
 * where React joined the smaller ones into its strings, and every document encoded them to
 * UTF-8 again: Cyrillic text makes a whole string two bytes a letter, and a tenth of the partner
 * page's time went to flattening and encoding it. A part's bytes are made once instead, and
 * copied into each document.
 *
 * The render puts a marker where a part goes (DrawnMarkup's inner HTML); `documentSegments`
 * cuts the rendered text at the markers. A marker is an HTML comment with this process's random
 * token: no text of a record can make one, as React escapes "<" in text and attributes, and the
 * data script escapes it too.
 */
import crypto from "node:crypto";

// Kept by their markup, the least recently used going first past this many bytes: the cached
// reads hold a few hundred drawings of some kilobytes each (the chart's, 80 KB).
export const KEPT_PART_BYTES = 16 * 1024 * 1024;

const parts = new Map<string, Buffer>();
let keptBytes = 0;

/** The bytes of this markup, made when first asked for. */
export function drawnPart(markup: string): Buffer {
  let part = parts.get(markup);
  if (part) {
    parts.delete(markup);
  } else {
    part = Buffer.from(markup, "utf8");
    keptBytes += part.length;
    for (const [oldMarkup, oldPart] of parts) {
      if (keptBytes <= KEPT_PART_BYTES) break;
      parts.delete(oldMarkup);
      keptBytes -= oldPart.length;
    }
  }
  parts.set(markup, part);
  return part;
}

/** How many parts are kept, and their bytes (what the tests read). */
export function keptParts() {
  return { count: parts.size, bytes: keptBytes };
}

const TOKEN = crypto.randomBytes(9).toString("base64url");
const MARK = `<!--drawn ${TOKEN} `;

/** What the render writes in place of the document's `index`th drawn part. */
export function drawnMarker(index: number): string {
  return `${MARK}${index}-->`;
}

/**
 * The rendered chunks cut at the markers, each marker replaced by its part's bytes. React's
 * production build writes strings (patches/react-dom+18.3.1.patch), a marker always whole in one;
 * its development build (the tests') writes 2 KB views of bytes, which split a marker where a view
 * ends: consecutive bytes are joined before they are cut.
 */
export function documentSegments(chunks: Array<string | Uint8Array>, drawn: Buffer[]): Array<string | Buffer> {
  const segments: Array<string | Buffer> = [];
  let bytes: Uint8Array[] = [];
  const cutBytes = () => {
    if (bytes.length === 0) return;
    const joined = bytes.length === 1 ? asBuffer(bytes[0]) : Buffer.concat(bytes);
    bytes = [];
    cut(joined, (from, to) => joined.subarray(from, to), drawn, segments);
  };
  for (const chunk of chunks) {
    if (typeof chunk === "string") {
      cutBytes();
      cut(chunk, (from, to) => chunk.slice(from, to), drawn, segments);
    } else {
      bytes.push(chunk);
    }
  }
  cutBytes();
  return segments;
}

const asBuffer = (chunk: Uint8Array) =>
  Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.length);

/** A chunk's pieces between its markers, and the parts they name, added to `segments`. */
function cut<T extends string | Buffer>(
  text: T,
  piece: (from: number, to?: number) => T,
  drawn: Buffer[],
  segments: Array<string | Buffer>,
) {
  let from = 0;
  for (let at = text.indexOf(MARK); drawn.length && at !== -1; at = text.indexOf(MARK, from)) {
    const end = text.indexOf("-->", at + MARK.length);
    const part = end === -1 ? undefined : drawn[Number(piece(at + MARK.length, end).toString())];
    // Not one of ours after all: left as text.
    if (!part) break;
    if (at > from) segments.push(piece(from, at));
    segments.push(part);
    from = end + 3;
  }
  if (from < text.length) segments.push(from === 0 ? text : piece(from));
}
