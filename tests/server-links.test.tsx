import { Link, NavLink } from "@remix-run/react";
import type { ComponentProps, ReactNode } from "react";
import { renderToString } from "react-dom/server";
import { UNSAFE_LocationContext, UNSAFE_NavigationContext } from "react-router-dom";
import { createStaticHandler, createStaticRouter, StaticRouterProvider } from "react-router-dom/server";
import { expect, test } from "vitest";

/**
 * patches/@remix-run+react+2.17.5.patch writes a server-side link to a plain path as an anchor,
 * without react-router-dom's Link (issue 17). A link given `state` (even undefined) still goes
 * through react-router-dom's Link, so each link here is rendered both ways and must come out the
 * same.
 */
/** Elements rendered at /partners/7?tab=x in a static router, as the server renders a page. */
async function renderAt(element: ReactNode, basename?: string) {
  const handler = createStaticHandler([{ path: "*", element }], { basename });
  const context = await handler.query(new Request(`http://localhost${basename ?? ""}/partners/7?tab=x`));
  if (context instanceof Response) throw new Error("unexpected redirect");
  return renderToString(
    <StaticRouterProvider router={createStaticRouter(handler.dataRoutes, context)} context={context} />,
  );
}

const render = (links: Array<ComponentProps<typeof Link>>, basename?: string) =>
  renderAt(
    <>
      {links.map((props, i) => (
        <Link key={i} {...props} />
      ))}
    </>,
    basename,
  );

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

/** NavLinks, the same way (patched, and through the router). */
const renderNav = (links: Array<ComponentProps<typeof NavLink>>, basename?: string) =>
  renderAt(
    <>
      {links.map((props, i) => (
        <NavLink key={i} {...props} />
      ))}
    </>,
    basename,
  );

const navCases: Array<ComponentProps<typeof NavLink>> = [
  { to: "/", end: true, children: "Overview" },
  { to: "/", children: "Root, not the end" },
  {
    to: "/partners",
    prefetch: "intent",
    className: "block px-3 aria-[current=page]:text-white",
    children: "Әріптестер",
  },
  { to: "/partners/7", children: "this very page" },
  { to: "/partners/7", end: true, children: "this very page, the end" },
  { to: "/partners/", children: "a trailing slash" },
  { to: "/Partners", children: "another case" },
  { to: "/Partners", caseSensitive: true, children: "another case, sensitive" },
  { to: "/partner", children: "a prefix that is not a segment" },
  { to: "/meetings", children: "not active" },
  { to: "/partners", "aria-current": "location", "aria-label": "Кездесу", target: "_self", children: "aria" },
  { to: "/partners", className: ({ isActive }) => (isActive ? "on" : "off"), children: "a class by state" },
  { to: "/meetings", className: ({ isActive }) => (isActive ? "on" : "off"), children: "a class by state, off" },
  { to: "/partners", style: ({ isActive }) => ({ fontWeight: isActive ? 700 : 400 }), children: "a style by state" },
  { to: "/partners", children: ({ isActive }) => (isActive ? "Here" : "There") },
  { to: "/people", discover: "none", children: "no discovery" },
  // Not plain: these go through the router as before.
  { to: "/partners/%D0%B0", children: "encoded" },
  { to: "/partners/./7", children: "a dot segment" },
  { to: "/partners?x=1", children: "a query" },
  { to: "partners", children: "relative" },
  { to: "/partners", prefetch: "render", children: "prefetched at render" },
  { to: "/partners", replace: true, children: "replace" },
];

test("a server-side NavLink is written exactly as react-router-dom's NavLink writes it", async () => {
  const fast = await renderNav(navCases);
  const routed = await renderNav(navCases.map((props) => ({ ...props, state: undefined })));
  expect(fast).toBe(routed);
  expect(fast).toContain(
    '<a data-discover="true" aria-current="page" class="block px-3 aria-[current=page]:text-white active" href="/partners">Әріптестер</a>',
  );
  expect(fast).toContain('<a data-discover="true" class="" href="/meetings">not active</a>');
  expect(fast).toContain(
    '<a data-discover="true" aria-current="page" class="active" href="/partners/7">this very page, the end',
  );
});

test("under a basename every NavLink still goes through the router", async () => {
  const fast = await renderNav(navCases.slice(0, 6), "/app");
  const routed = await renderNav(
    navCases.slice(0, 6).map((props) => ({ ...props, state: undefined })),
    "/app",
  );
  expect(fast).toBe(routed);
  expect(fast).toContain('href="/app/partners"');
});

test("the server writes a plain NavLink without resolving it through the routes (the patch is in place)", () => {
  // A location and a basename, no route matches: react-router-dom's NavLink throws here (its
  // useResolvedPath needs the route context's matches), the patched one never asks for them.
  const html = renderToString(
    <UNSAFE_NavigationContext.Provider
      value={{ basename: "/", navigator: {} as never, static: true, future: {} as never }}
    >
      <UNSAFE_LocationContext.Provider
        value={{
          location: { pathname: "/partners/7", search: "", hash: "", state: null, key: "default" },
          navigationType: "POP" as never,
        }}
      >
        <NavLink to="/partners">Әріптестер</NavLink>
      </UNSAFE_LocationContext.Provider>
    </UNSAFE_NavigationContext.Provider>,
  );
  expect(html).toBe('<a data-discover="true" aria-current="page" class="active" href="/partners">Әріптестер</a>');
});
