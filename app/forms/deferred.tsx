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
  return Deferred;
}
