import type { AppLoadContext } from "@remix-run/node";

/**
 * Markup a loader drew on the server (the relation charts: some 100 KB of SVG on the chart
 * page), put into the document once. Sent also as loader data, it went to the browser twice,
 * the second time encoded by turbo-stream and escaped inside the document's script: about a
 * quarter of the chart page's server time (issue 17).
 *
 * For a request that renders a whole document, this returns null for the loader's data and
 * keeps the markup in the request's load context (server.ts makes the list); entry.server.tsx
 * puts it back into the route's data for the render alone, after single fetch has encoded the
 * data for the browser (turbo-stream flattens it when its stream is made, before the render).
 * The browser's first render has null and writes "": an element with dangerouslySetInnerHTML
 * is not hydrated, so React leaves the server's markup in place. A navigation in the browser
 * asks for the route's data (.data, no list), and gets the markup itself; so does a loader
 * called without the server's context. Nothing is kept beyond the request.
 */
export function documentMarkup(
  context: AppLoadContext | undefined,
  routeId: string,
  key: string,
  markup: string,
): string | null {
  if (!context?.documentMarkup) return markup;
  context.documentMarkup.push({ routeId, key, markup });
  return null;
}
