import { Link } from "@remix-run/react";
import { createContext, useContext, type ReactNode } from "react";

/**
 * True while a part of a page is drawn as markup on the server, once with its reads
 * (./DrawnMarkup.server.tsx): no router is there, and its links are plain anchors.
 */
export const InDrawnMarkup = createContext(false);

/** A link to a page of the app: Remix's <Link>, or in drawn markup an anchor that <DrawnMarkup> follows. */
export function PageLink({
  to,
  className,
  rel,
  children,
}: {
  to: string;
  className?: string;
  rel?: string;
  children: ReactNode;
}) {
  if (useContext(InDrawnMarkup)) {
    return (
      <a href={to} className={className} rel={rel}>
        {children}
      </a>
    );
  }
  return (
    <Link to={to} className={className} rel={rel}>
      {children}
    </Link>
  );
}

export function PageHeading({
  children,
  eyebrow,
  actions,
}: {
  children: ReactNode;
  eyebrow?: ReactNode;
  actions?: ReactNode;
}) {
  return (
    <div className="mb-6 flex flex-wrap items-end justify-between gap-3 border-b border-stone-200 pb-4">
      {/* A name with no place to break (a pasted web address) wraps rather than widen the page. */}
      <div className="min-w-0">
        {eyebrow ? <p className="text-sm text-stone-500">{eyebrow}</p> : null}
        <h1 className="text-2xl font-semibold wrap-break-word text-stone-900">{children}</h1>
      </div>
      {actions}
    </div>
  );
}

export function Section({ title, children, id }: { title: string; children: ReactNode; id?: string }) {
  const headingId = id ?? `section-${title.replace(/\s+/g, "-").toLowerCase()}`;
  return (
    <section aria-labelledby={headingId} className="mb-8 break-inside-avoid-page">
      <h2 id={headingId} className="mb-3 text-lg font-semibold text-stone-800">
        {title}
      </h2>
      {children}
    </section>
  );
}

export function Empty({ children }: { children: ReactNode }) {
  return <p className="text-stone-500 italic">{children}</p>;
}

export function Facts({ children }: { children: ReactNode }) {
  return <dl className="grid grid-cols-1 gap-x-6 gap-y-2 sm:grid-cols-[max-content_1fr]">{children}</dl>;
}

export function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <>
      <dt className="font-medium text-stone-600">{label}</dt>
      <dd className="text-stone-900">{children}</dd>
    </>
  );
}

export function Badge({
  children,
  tone = "stone",
}: {
  children: ReactNode;
  tone?: "stone" | "green" | "amber" | "sky" | "red";
}) {
  const tones = {
    stone: "bg-stone-100 text-stone-700 ring-stone-300",
    green: "bg-emerald-50 text-emerald-800 ring-emerald-300",
    amber: "bg-amber-50 text-amber-800 ring-amber-300",
    sky: "bg-sky-50 text-sky-800 ring-sky-300",
    red: "bg-red-50 text-red-800 ring-red-300",
  };
  return (
    <span className={`inline-block rounded px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${tones[tone]}`}>
      {children}
    </span>
  );
}
