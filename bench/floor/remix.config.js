/**
 * The framework's floor (bench/floor/README.md): the same classic compiler and future flags as
 * the app's remix.config.js, built into bench/floor/build and bench/floor/public/build.
 * @type {import('@remix-run/dev').AppConfig}
 */
export default {
  serverModuleFormat: "esm",
  tailwind: false,
  postcss: false,
  future: {
    v3_fetcherPersist: true,
    v3_relativeSplatPath: true,
    v3_throwAbortReason: true,
    v3_lazyRouteDiscovery: false,
    v3_singleFetch: true,
  },
};
