import { useEffect, useRef } from "react";
import { useTranslation } from "~/i18n/react";
import type { StaleNotice } from "./stale.server";

/**
 * A save or a delete refused for a change made after its page was opened (./stale.server.ts):
 * who made it (or deleted the record) and when, what became of what was sent (`then`), and where
 * to see the change.
 * Focused when it appears, so a screen reader says it at once.
 */
export function StaleAlert({ stale, then }: { stale: StaleNotice; then: string }) {
  const { t } = useTranslation();
  const notice = useRef<HTMLDivElement>(null);
  useEffect(() => notice.current?.focus(), [stale]);
  return (
    <div
      ref={notice}
      role="alert"
      tabIndex={-1}
      className="space-y-1 rounded border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950"
    >
      <p>
        {stale.message} {then}
      </p>
      <a href={stale.historyHref} target="_blank" rel="noreferrer" className="text-sky-800 underline">
        {t("form.stale.history")}
      </a>
    </div>
  );
}
