import { useBeforeUnload, useBlocker, useNavigation, type BlockerFunction } from "@remix-run/react";
import { useCallback, useEffect } from "react";
import { useTranslation } from "~/i18n/react";
import { edited } from "./edited";

/**
 * Asks before leaving a form with unsaved changes: on a link inside the app (a dialog of our
 * own, in the reader's language) and on closing or reloading the tab (the browser's own).
 */
export function UnsavedChangesGuard({ formId, dirty }: { formId: string; dirty: boolean }) {
  const { t } = useTranslation();
  const navigation = useNavigation();
  const saving = navigation.state !== "idle" && navigation.formMethod != null && navigation.formMethod !== "GET";
  const shouldBlock = useCallback<BlockerFunction>(
    ({ currentLocation, nextLocation }) =>
      (dirty || edited(formId)) && !saving && currentLocation.pathname !== nextLocation.pathname,
    [dirty, saving, formId],
  );
  const blocker = useBlocker(shouldBlock);
  useEffect(() => {
    if (blocker.state !== "blocked") return;
    if (window.confirm(t("form.unsaved"))) blocker.proceed();
    else blocker.reset();
  }, [blocker, t]);
  useBeforeUnload(
    useCallback(
      (event: BeforeUnloadEvent) => {
        if (!dirty && !edited(formId)) return;
        event.preventDefault();
        event.returnValue = "";
      },
      [dirty, formId],
    ),
  );
  return null;
}
