import { Link } from "@remix-run/react";
import type { ComponentProps } from "react";
import { renderToString } from "react-dom/server";
import { UNSAFE_NavigationContext } from "react-router-dom";
import { createStaticHandler, createStaticRouter, StaticRouterProvider } from "react-router-dom/server";
import { expect, test } from "vitest";

/**
 * patches/@remix-run+react+2.17.5.patch writes a server-side link to a plain path as an anchor,
 * without react-router-dom's Link (issue 17). A link given `state` (even undefined) still goes
 * through react-router-dom's Link, so each link here is rendered both ways and must come out the
 * same.
 */
async function render(links: Array<ComponentProps<typeof Link>>, basename?: string) {
  const routes = [
    {
      path: "*",
      element: (
        <>
          {links.map((props, i) => (
            <Link key={i} {...props} />
          ))}
        </>
      ),
    },
  ];
  const handler = createStaticHandler(routes, { basename });
  const context = await handler.query(new Request(`http://localhost${basename ?? ""}/partners/7?tab=x`));
  if (context instanceof Response) throw new Error("unexpected redirect");
  return renderToString(
    <StaticRouterProvider router={createStaticRouter(handler.dataRoutes, context)} context={context} />,
  );
}

const cases: Array<ComponentProps<typeof Link>> = [
  { to: "/", children: "Home" },
  { to: "/partners/12", className: "text-sky-800 underline", children: "Ақмола облысы" },
  { to: "/search?q=Ақмола&kind=people", title: "Іздеу", children: "search" },
  { to: "/meetings/3#participants", "aria-label": "Кездесу", children: "hash" },
  { to: "/documents/4", target: "_blank", rel: "noreferrer", children: "target last" },
  { to: "/a#b?c", children: "a query inside the hash" },
  { to: "/a?b?c", children: "two question marks" },
  { to: "/meetings/5", discover: "none", children: "no discovery" },
  { to: "/people/9", onClick: () => undefined, id: "x", children: "handler" },
  // Not plain paths: these always go through the router, and must still come out as before.
  { to: "/a?", children: "an empty query" },
  { to: "/a#", children: "an empty hash" },
  { to: "relative/path", children: "relative" },
  { to: "../up", children: "up" },
  { to: "//evil.example/x", children: "protocol-relative" },
  { to: "https://example.org/x", children: "absolute URL" },
  { to: { pathname: "/object", search: "?x=1" }, children: "object" },
  { to: "/prefetched", prefetch: "intent", children: "prefetch" },
  { to: "/replace", replace: true, children: "replace" },
];

test("a server-side link is written exactly as react-router-dom's Link writes it", async () => {
  const fast = await render(cases);
  const routed = await render(cases.map((props) => ({ ...props, state: undefined })));
  expect(fast).toBe(routed);
  expect(fast).toContain(
    '<a class="text-sky-800 underline" data-discover="true" href="/partners/12">Ақмола облысы</a>',
  );
  expect(fast).toContain('rel="noreferrer" data-discover="true" href="/documents/4" target="_blank"');
  expect(fast).toContain('href="/a">an empty query');
});

test("under a basename every link still goes through the router and gets the basename", async () => {
  const fast = await render(cases.slice(0, 4), "/app");
  const routed = await render(
    cases.slice(0, 4).map((props) => ({ ...props, state: undefined })),
    "/app",
  );
  expect(fast).toBe(routed);
  expect(fast).toContain('href="/app/partners/12"');
});

test("the server writes a plain link without asking the router (the patch is in place)", () => {
  // Only the basename is given, no location: react-router-dom's own Link throws here ("useHref()
  // may be used only in the context of a <Router>"), the patched one never reads the location.
  const html = renderToString(
    <UNSAFE_NavigationContext.Provider
      value={{ basename: "/", navigator: {} as never, static: true, future: {} as never }}
    >
      <Link to="/partners/12">Ақмола</Link>
    </UNSAFE_NavigationContext.Provider>,
  );
  expect(html).toBe('<a data-discover="true" href="/partners/12">Ақмола</a>');
});
