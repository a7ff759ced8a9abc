/** @type {import('@remix-run/dev').AppConfig} */
export default {
  ignoredRouteFiles: ["**/.*", "**/*.test.*"],
  serverModuleFormat: "esm",
  // Tailwind v4 is compiled by its own CLI (see styles/); the classic compiler's support is for v3.
  tailwind: false,
  postcss: false,
  future: {
    v3_fetcherPersist: true,
    v3_relativeSplatPath: true,
    v3_throwAbortReason: true,
    // Off: with lazy discovery, the header's search form (a GET to /search while a suggestion
    // fetch is in flight) sometimes found no route and showed the 404 page. The whole manifest
    // of ~45 routes is small.
    v3_lazyRouteDiscovery: false,
    v3_singleFetch: true,
  },
};
