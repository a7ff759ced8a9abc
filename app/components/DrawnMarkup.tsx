import { useNavigate } from "@remix-run/react";
import { useEffect, useRef } from "react";

/**
 * Markup drawn on the server, shown as it came. The document carries it once, and the browser's
 * first render has null for it, which leaves the server's markup in place (an element with
 * dangerouslySetInnerHTML is not hydrated: app/utils/document-markup.server.ts); a navigation in
 * the browser brings the next markup with the route's data.
 *
 * Its links are followed as a <Link> is, in the page without loading the document again: a plain
 * click on an anchor of this site. A click with a modifier key, or on a link to another site or
 * a download, is left to the browser.
 */
export function DrawnMarkup({ html, className }: { html: string | null; className?: string }) {
  const element = useRef<HTMLDivElement>(null);
  const navigate = useNavigate();
  useEffect(() => {
    const area = element.current;
    if (!area) return;
    const follow = (event: MouseEvent) => {
      if (event.defaultPrevented || event.button !== 0) return;
      if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
      // Any anchor, HTML or SVG (the charts' lanes are links).
      const link = event.target instanceof Element ? event.target.closest("a") : null;
      const href = link?.getAttribute("href");
      if (!link || !href || !area.contains(link) || link.hasAttribute("download")) return;
      if ((link.getAttribute("target") ?? "_self") !== "_self") return;
      const url = new URL(href, window.location.href);
      if (url.origin !== window.location.origin) return;
      event.preventDefault();
      navigate(url.pathname + url.search + url.hash);
    };
    area.addEventListener("click", follow);
    return () => area.removeEventListener("click", follow);
  }, [navigate]);
  return <div ref={element} className={className} dangerouslySetInnerHTML={{ __html: html ?? "" }} />;
}
