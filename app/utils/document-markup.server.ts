import type { AppLoadContext } from "@remix-run/node";

/**
 * Markup drawn by a loader, for its route's data: null when the request renders a whole
 * document, whose render takes the markup from the load context instead (ServerMarkup.tsx), so
 * that it is sent once, not a second time as loader data. A request for the route's data alone
 * (a navigation in the browser), or a loader called without the server's context, gets the
 * markup itself.
 */
export function documentMarkup(context: AppLoadContext | undefined, name: string, markup: string): string | null {
  if (!context?.documentMarkup) return markup;
  context.documentMarkup.set(name, markup);
  return null;
}
