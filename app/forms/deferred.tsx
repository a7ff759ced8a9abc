import type { ClientLoaderFunctionArgs } from "@remix-run/react";
import { Suspense, type ComponentType } from "react";

/**
 * A form whose code (conform, zod, the schema, the form's own components: some 30-40 KB gzipped)
 * is left out of the page's first load (issue 17: every page's first-load JavaScript under
 * 100 KB). See docs/decisions/0005-forms.md.
 *
 * The server renders the form in full, as before: the module is bundled into the server build,
 * and its import has resolved long before the first request. In the browser the chunk is asked
 * for as soon as the route module runs, alongside hydration; until it arrives React leaves the
 * form's server HTML in place (a Suspense boundary still being hydrated), and that HTML is a
 * plain form that posts and comes back on its own, so nothing is lost in the meantime. Then the
 * form hydrates and is the same conform form as before: checked in the browser, list rows added
 * and removed in place, the draft, the unsaved-changes prompt.
 *
 * The route must not import the form's modules (nor its schema: see ./schemas.server.ts) itself:
 * an import, even one used only by the action, puts them back in the route's first load.
 */
export function deferred<P extends object>(load: () => Promise<ComponentType<P>>): ComponentType<P> {
  let Loaded: ComponentType<P> | null = null;
  let failed: unknown = null;
  const ready = load().then(
    (component) => {
      Loaded = component;
    },
    (error: unknown) => {
      failed = error ?? new Error("The form's code did not load");
    },
  );
  function Inner(props: P) {
    if (failed) throw failed;
    if (!Loaded) throw ready;
    return <Loaded {...props} />;
  }
  function Deferred(props: P) {
    return (
      <Suspense fallback={null}>
        <Inner {...props} />
      </Suspense>
    );
  }
  arrivals.set(Deferred, ready);
  return Deferred;
}

// Keyed by the component deferred() made (a function: any props).
const arrivals = new WeakMap<object, Promise<void>>();

/**
 * A route's `clientLoader` that waits for its deferred parts' code as well as its data: a
 * navigation in the browser then shows the page whole, not the page with an empty place where
 * the form arrives a moment later. The first load is not affected (the server's data and HTML
 * are used as they are), nor is the server.
 */
export function withDeferred(...parts: object[]) {
  return async ({ serverLoader }: ClientLoaderFunctionArgs) => {
    const [data] = await Promise.all([serverLoader(), ...parts.map((part) => arrivals.get(part))]);
    return data;
  };
}
