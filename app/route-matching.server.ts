/**
 * Route matching, remembered. @remix-run/router's matchRoutes flattens, ranks and compiles
 * every route's path to a regular expression on each call, and a page request calls it three
 * times (Remix's request handler, its static handler, React Router's render): with 54 routes
 * that was a fifth of the server's time for a page that shows nothing (issue 17). The answer
 * depends only on the routes' ids, paths and nesting and on the URL's path, so it is kept per
 * path (the last 1,000) and handed out afresh, with the route objects of the caller's own tree.
 */
type Route = { id?: string; path?: string; index?: boolean; caseSensitive?: boolean; children?: Route[] };
type Match = { params: Record<string, string | undefined>; pathname: string; pathnameBase: string; route: Route };
type Location = string | { pathname?: string };
export type Router = {
  matchRoutes: (routes: Route[], location: Location, basename?: string) => Match[] | null;
  parsePath: (path: string) => { pathname?: string };
};

const KEPT = 1_000;

export function rememberRouteMatching(router: Router) {
  const matchRoutes = router.matchRoutes;
  // A tree's shape (its routes' ids, paths and nesting) and its routes by id, once per tree.
  const trees = new WeakMap<Route[], { shape: number; byId: Map<string, Route> } | null>();
  const shapes = new Map<string, number>();
  const answers = new Map<
    string,
    { id: string; params: Match["params"]; pathname: string; pathnameBase: string }[] | null
  >();

  function describe(routes: Route[]) {
    const byId = new Map<string, Route>();
    let text = "";
    const walk = (list: Route[]): boolean => {
      text += "[";
      for (const route of list) {
        if (route.id === undefined || byId.has(route.id)) return false;
        byId.set(route.id, route);
        text += JSON.stringify([route.id, route.path, route.index, route.caseSensitive]);
        if (route.children && !walk(route.children)) return false;
      }
      text += "]";
      return true;
    };
    if (!walk(routes)) return null;
    let shape = shapes.get(text);
    if (shape === undefined) {
      // Only a handful of shapes exist (the server's tree and React Router's, alike); bounded all the same.
      if (shapes.size >= 16) return null;
      shapes.set(text, (shape = shapes.size));
    }
    return { shape, byId };
  }

  router.matchRoutes = (routes, location, basename = "/") => {
    let tree = trees.get(routes);
    if (tree === undefined) trees.set(routes, (tree = describe(routes)));
    if (!tree) return matchRoutes(routes, location, basename);
    const pathname = (typeof location === "string" ? router.parsePath(location).pathname : location.pathname) ?? "/";
    const key = `${tree.shape}\0${basename}\0${pathname}`;
    let answer = answers.get(key);
    if (answer === undefined) {
      const matches = matchRoutes(routes, location, basename);
      answer =
        matches &&
        matches.map(({ route, params, pathname, pathnameBase }) => ({ id: route.id!, params, pathname, pathnameBase }));
      if (answers.size >= KEPT) answers.delete(answers.keys().next().value!);
      answers.set(key, answer);
    }
    const byId = tree.byId;
    return (
      answer &&
      answer.map(({ id, params, pathname, pathnameBase }) => ({
        params: { ...params },
        pathname,
        pathnameBase,
        route: byId.get(id)!,
      }))
    );
  };
}
