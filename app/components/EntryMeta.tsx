import { useTranslation } from "~/i18n/react";
import { keyFrom } from "~/i18n/translate";
import { TimeText, type SaidTime } from "./DateText";

/**
 * When and by whom, in the reader's language; UTC is stored, the reader sees Astana time. A
 * change written by another program to the file has no author: it says so.
 */
export function EntryMeta({
  at,
  userName,
  outside,
  action,
}: {
  at: SaidTime;
  userName: string | null;
  outside: boolean;
  action: string;
}) {
  const { t } = useTranslation();
  return (
    <p className="text-sm text-stone-600">
      <span className="font-medium text-stone-900">{t(keyFrom(`history.actions.${action}`))}</span> ·{" "}
      <TimeText time={at} /> · {userName ?? (outside ? t("history.outside") : t("history.system"))}
    </p>
  );
}
