import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { refuseCrossSite } from "~/auth.server";
import { readForm } from "~/forms/parse.server";
import { LANGUAGES } from "~/i18n/config";
import { languageCookie } from "~/i18n/i18n.server";
import { safeRedirect } from "~/utils/safe-redirect";

/**
 * The language switcher's form; exported for scripts/fuzz, which posts its fields here. Each field
 * is read on its own: a language not ours still goes back to the page it was chosen on.
 */
export const schema = z.object({ lng: z.enum(LANGUAGES), redirectTo: z.string().optional() });

/** Remembers the chosen interface language and goes back to the page it was chosen on. */
export async function action({ request }: ActionFunctionArgs) {
  await refuseCrossSite(request);
  const form = await readForm(request);
  const to = safeRedirect(form.get("redirectTo"));
  const lng = schema.shape.lng.safeParse(form.get("lng"));
  if (!lng.success) return redirect(to);
  return redirect(to, { headers: { "Set-Cookie": await languageCookie.serialize(lng.data) } });
}

export function loader() {
  return redirect("/");
}
