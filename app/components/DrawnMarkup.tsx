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
 * a download, is left to the browser. Its forms that ask (method="get") are followed so too, as
 * Remix's <Form> is, keeping the scroll where the form says `data-keep-scroll`; a form that posts
 * (removing a relation step's document) is left to the browser, which the action answers with a
 * redirect back.
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
    const ask = (event: SubmitEvent) => {
      const form = event.target instanceof HTMLFormElement ? event.target : null;
      if (event.defaultPrevented || !form || !area.contains(form) || form.method !== "get") return;
      const url = new URL(form.action, window.location.href);
      if (url.origin !== window.location.origin || (form.target || "_self") !== "_self") return;
      event.preventDefault();
      // What the browser would put in the address: every field's value, and the button pressed.
      const fields = new FormData(form, event.submitter);
      const query = new URLSearchParams();
      for (const [name, value] of fields) if (typeof value === "string") query.append(name, value);
      const search = query.toString();
      navigate(url.pathname + (search ? `?${search}` : ""), {
        preventScrollReset: form.hasAttribute("data-keep-scroll"),
      });
    };
    area.addEventListener("click", follow);
    area.addEventListener("submit", ask);
    return () => {
      area.removeEventListener("click", follow);
      area.removeEventListener("submit", ask);
    };
  }, [navigate]);
  return <div ref={element} className={className} dangerouslySetInnerHTML={{ __html: html ?? "" }} />;
}
