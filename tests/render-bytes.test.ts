import { createRequire } from "node:module";
import path from "node:path";
import { Writable } from "node:stream";
import { createElement, type ReactElement } from "react";
import { renderToPipeableStream as developmentRender } from "react-dom/server";
import { describe, expect, test } from "vitest";

// The tests run React's development build; the server runs its production build, which the patch
// also rewrites (every chunk gathered into one string). Both are checked.
const productionRender = (
  createRequire(import.meta.url)(
    path.resolve("node_modules/react-dom/cjs/react-dom-server.node.production.min.js"),
  ) as { renderToPipeableStream: typeof developmentRender }
).renderToPipeableStream;

/** The bytes React's streaming render (the one entry.server.tsx uses) writes for an element. */
function render(element: ReactElement, renderToPipeableStream = productionRender) {
  return new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    const body = new Writable({
      write(chunk: Buffer, _encoding, callback) {
        chunks.push(Buffer.from(chunk));
        callback();
      },
    });
    body.on("finish", () => resolve(Buffer.concat(chunks)));
    const { pipe } = renderToPipeableStream(element, { onAllReady: () => pipe(body), onShellError: reject });
  });
}

// React 18.3.1 wrote its whole 2,048-byte buffer when a two-byte letter no longer fitted at its
// end, the unwritten byte included: a NUL in the page, which the browser shows as � inside an
// attribute (a form's value sent back: "Ақ�мола"). patches/react-dom+18.3.1.patch mends it
// (facebook/react#31134): the development build writes only what was filled, the production build
// no longer has the buffer.
describe.each([
  ["production", productionRender],
  ["development", developmentRender],
])("React's %s build", (_, renderToPipeableStream) => {
  test("Kazakh text that reaches the end of a write buffer comes out whole, with no NUL byte", async () => {
    for (let shift = 0; shift < 8; shift++) {
      const texts = Array.from({ length: 12 }, (_, i) => `${"a".repeat(shift + i)}Ақмола ${"қ".repeat(300)}`);
      const bytes = await render(
        createElement(
          "form",
          null,
          texts.map((text, i) => createElement("input", { key: i, name: `f${i}`, defaultValue: text })),
        ),
        renderToPipeableStream,
      );
      expect(bytes.includes(0)).toBe(false);
      const html = bytes.toString("utf8");
      for (const text of texts) expect(html).toContain(`value="${text}"`);
    }
  });
});

/** A page-like tree: every kind of chunk React writes (tags, attributes, text, options, styles, scripts). */
function pageLike(rows: number) {
  const row = (i: number) =>
    createElement(
      "li",
      { key: i, className: "row", "data-n": i, style: { marginTop: i % 3 } },
      createElement("a", { href: `/partners/${i}?q=Ақмола&x=<y>` }, `Ақмола облысы №${i} — 🇰🇿 “${"қ".repeat(i % 40)}”`),
      createElement(
        "select",
        { name: `s${i}`, defaultValue: String(i % 3) },
        [0, 1, 2].map((v) => createElement("option", { key: v, value: String(v) }, `Нұсқа ${v} & <${v}>`)),
      ),
      createElement("input", { name: `i${i}`, defaultValue: `Алматы ${"é".repeat(i % 7)} "${i}"`, required: true }),
      i % 2 ? "Токио 東京" : null,
      createElement("script", { dangerouslySetInnerHTML: { __html: `window.x${i}=${JSON.stringify("Ұ".repeat(i))}` } }),
    );
  return createElement(
    "main",
    null,
    createElement("h1", null, "Серіктестер"),
    createElement(
      "ul",
      null,
      Array.from({ length: rows }, (_, i) => row(i)),
    ),
  );
}

test("the patched production build writes the same page, byte for byte, as React's development build", async () => {
  for (const rows of [1, 7, 60, 400]) {
    const production = await render(pageLike(rows), productionRender);
    const development = await render(pageLike(rows), developmentRender);
    expect(production.length).toBeGreaterThan(rows * 100);
    expect(production.equals(development)).toBe(true);
  }
});

test("markup drawn by a loader goes to the stream as the string it is, not copied into a larger one", async () => {
  // Copied into the gathered string, a 100 KB chart became a new string for every request, and
  // V8 took a millisecond to flatten it for the encoder (issue 17).
  const drawn = `<svg role="img"><title>Ақмола</title>${'<rect width="1" height="1"/>'.repeat(4000)}</svg>`;
  const page = () =>
    createElement(
      "main",
      null,
      createElement("h1", null, "Диаграмма"),
      createElement("div", { dangerouslySetInnerHTML: { __html: drawn } }),
      pageLike(3),
    );
  const written: string[] = [];
  const body = new Writable({
    decodeStrings: false,
    write(chunk: string | Buffer, _encoding, callback) {
      written.push(typeof chunk === "string" ? chunk : chunk.toString("utf8"));
      callback();
    },
  });
  const finished = new Promise((resolve) => body.on("finish", resolve));
  const { pipe } = productionRender(page(), { onAllReady: () => pipe(body) });
  await finished;
  expect(written).toContain(drawn);
  expect(written.join("")).toBe((await render(page(), developmentRender)).toString("utf8"));
});
