import "@remix-run/node";

// Single fetch's types for loaders and actions (remix.config.js turns it on).
declare module "@remix-run/node" {
  interface Future {
    v3_singleFetch: true;
  }
}

// What server.ts's getLoadContext hands every loader and action.
declare module "@remix-run/server-runtime" {
  interface AppLoadContext {
    clientAddress?: string;
    cspNonce?: string;
    // This request's id (server.ts): in the X-Request-Id header, the log and the error page.
    requestId?: string;
    // Markup drawn by this request's loaders, for its document's render only: a list when the
    // request renders a whole page, none for a request of a route's data (.data). See
    // app/utils/document-markup.server.ts.
    documentMarkup?: { routeId: string; key: string; markup: string }[];
  }
}
