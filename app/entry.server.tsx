import { Writable } from "node:stream";
import type { AppLoadContext, EntryContext, HandleErrorFunction } from "@remix-run/node";
import { isRouteErrorResponse, RemixServer } from "@remix-run/react";
import { renderToPipeableStream } from "react-dom/server";
import { TranslationProvider } from "./i18n/react";
import { NonceContext } from "./components/Nonce";
import { RequestIdContext } from "./components/RequestId";
import { getLanguage, translations } from "./i18n/i18n.server";
import { loggedPath } from "~/utils/logged-path";
import { compressDocument, documentBytes } from "~/utils/compress.server";
import { documentSegments, drawnMarker, drawnPart } from "~/utils/drawn-parts.server";
import { documentResponse } from "~/utils/document-response.server";

// server.ts writes a document's bytes itself, asking the build for them (document-response.server.ts).
export { documentBody } from "~/utils/document-response.server";
// server.ts answers a save the database was too busy for with its form again (db/durable-answers.ts).
export { busyAnswer } from "~/forms/parse.server";

const ABORT_DELAY = 5_000;

export default async function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  const nonce = typeof loadContext.cspNonce === "string" ? loadContext.cspNonce : "";
  const requestId = () => loadContext.requestId;
  const lng = await getLanguage(request);
  // The markup the loaders drew, back into their data for this render only, as markers that the
  // document's bytes replace with each part's (app/utils/drawn-parts.server.ts): the data sent to
  // the browser was encoded (remixContext.serverHandoffStream) before this was called, without
  // it (app/utils/document-markup.server.ts).
  const drawn = (loadContext.documentMarkup ?? []).map(({ routeId, key, markup }, index) => {
    const data: unknown = remixContext.staticHandlerContext.loaderData[routeId];
    if (data && typeof data === "object") (data as Record<string, unknown>)[key] = drawnMarker(index);
    return drawnPart(markup);
  });

  // The whole document is rendered before anything is sent, and sent as one buffer with its
  // length: no page defers data, so streaming would send the same bytes in some hundred small
  // chunks, each one flushed through the compressor (a zlib flush per chunk cost a tenth of the
  // server's time, issue 17). The one buffer is compressed here, in one call (compress.server.ts).
  return new Promise((resolve, reject) => {
    let shellRendered = false;
    // Cleared once the document is out: a timer left for every request would keep each
    // request's render alive for five seconds.
    const timeout = setTimeout(() => abort(), ABORT_DELAY);
    const chunks: Array<string | Buffer> = [];
    // No 'close' event once the document is out: React listens for it as "the destination closed
    // early", aborts the finished render and ends the stream a second time, which made (and threw
    // away) an "already finished" error, with its stack, for every page. React writes strings
    // (patches/react-dom+18.3.1.patch): kept as they come, they are encoded once, into one buffer.
    const body = new Writable({
      emitClose: false,
      autoDestroy: false,
      decodeStrings: false,
      write(chunk: string | Buffer, _encoding, callback) {
        chunks.push(chunk);
        callback();
      },
    });
    body.on("finish", () => {
      clearTimeout(timeout);
      responseHeaders.set("Content-Type", "text/html; charset=utf-8");
      const sent = compressDocument(documentBytes(documentSegments(chunks, drawn)), request, responseHeaders);
      resolve(documentResponse(sent, responseHeaders, responseStatusCode));
    });
    const { pipe, abort } = renderToPipeableStream(
      <NonceContext.Provider value={nonce}>
        <RequestIdContext.Provider value={requestId}>
          <TranslationProvider lng={lng} strings={translations[lng]}>
            <RemixServer context={remixContext} url={request.url} abortDelay={ABORT_DELAY} nonce={nonce} />
          </TranslationProvider>
        </RequestIdContext.Provider>
      </NonceContext.Provider>,
      {
        nonce,
        onShellReady() {
          shellRendered = true;
        },
        onAllReady() {
          pipe(body);
        },
        onShellError(error: unknown) {
          clearTimeout(timeout);
          reject(error);
        },
        onError(error: unknown) {
          responseStatusCode = 500;
          if (shellRendered)
            console.error(
              `[${new Date().toISOString()}] ${loadContext.requestId ?? "-"} ${request.method} ${loggedPath(new URL(request.url).pathname)}`,
              error,
            );
        },
      },
    );
  });
}

/**
 * Errors are logged on the server with the request's id; users only ever see the calm error
 * page, which shows that id.
 */
export const handleError: HandleErrorFunction = (error, { request, context }) => {
  if (request.signal.aborted) return;
  // A client's fault Remix answers itself (a post to a page that takes none: 405; no such
  // route: 404) is not the server's: logged, each one wrote an error with its stack.
  if (isRouteErrorResponse(error) && error.status < 500) return;
  console.error(
    `[${new Date().toISOString()}] ${context.requestId ?? "-"} ${request.method} ${loggedPath(new URL(request.url).pathname)}`,
    error,
  );
};
