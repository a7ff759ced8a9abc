import { Writable } from "node:stream";
import { createElement } from "react";
import { renderToPipeableStream } from "react-dom/server";
import { expect, test } from "vitest";

/** The bytes React's streaming render (the one entry.server.tsx uses) writes for an element. */
function render(element: ReturnType<typeof createElement>) {
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
// attribute (a form's value sent back: "Ақ�мола"). patches/react-dom+18.3.1.patch writes only
// what was filled (facebook/react#31134).
test("Kazakh text that reaches the end of React's write buffer comes out whole, with no NUL byte", async () => {
  for (let shift = 0; shift < 8; shift++) {
    const texts = Array.from({ length: 12 }, (_, i) => `${"a".repeat(shift + i)}Ақмола ${"қ".repeat(300)}`);
    const bytes = await render(
      createElement(
        "form",
        null,
        texts.map((text, i) => createElement("input", { key: i, name: `f${i}`, defaultValue: text })),
      ),
    );
    expect(bytes.includes(0)).toBe(false);
    const html = bytes.toString("utf8");
    for (const text of texts) expect(html).toContain(`value="${text}"`);
  }
});
