import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { refuseCrossSite } from "~/auth.server";
import { readForm } from "~/forms/parse.server";
import { isLanguage } from "~/i18n/config";
import { languageCookie } from "~/i18n/i18n.server";
import { safeRedirect } from "~/utils/safe-redirect";

/** Remembers the chosen interface language and goes back to the page it was chosen on. */
export async function action({ request }: ActionFunctionArgs) {
  await refuseCrossSite(request);
  const form = await readForm(request);
  const lng = form.get("lng");
  const to = safeRedirect(form.get("redirectTo"));
  if (!isLanguage(lng)) return redirect(to);
  return redirect(to, { headers: { "Set-Cookie": await languageCookie.serialize(lng) } });
}

export function loader() {
  return redirect("/");
}
