import { createContext, useContext } from "react";

/**
 * Markup a loader drew on the server (the relation charts: some 100 KB of SVG on the chart page),
 * put into the document once. Sent also as loader data, it went to the browser twice, the second
 * time escaped inside the document's script and encoded by turbo-stream, about a quarter of the
 * chart page's server time (issue 17). For a document request the loader keeps the markup in
 * this request's load context instead (`documentMarkup`, app/utils/document-markup.server.ts),
 * entry.server.tsx hands it to the render through this context, and the browser's first render
 * finds it already in the page: an element with dangerouslySetInnerHTML is not hydrated, so
 * React leaves the server's markup in place. A later navigation asks for the route's data
 * (`.data`), where the loader returns the markup itself, and React writes it in.
 */
export const ServerMarkupContext = createContext<ReadonlyMap<string, string> | null>(null);

/** A loader's markup: `markup` from its data, or under `name` in the document's render. */
export function ServerMarkup({ name, markup }: { name: string; markup: string | null }) {
  const fromDocument = useContext(ServerMarkupContext);
  return <div dangerouslySetInnerHTML={{ __html: markup ?? fromDocument?.get(name) ?? "" }} />;
}
