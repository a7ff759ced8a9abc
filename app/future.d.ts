import "@remix-run/node";

// Single fetch's types for loaders and actions (remix.config.js turns it on).
declare module "@remix-run/node" {
  interface Future {
    v3_singleFetch: true;
  }
}
