import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { currentUser, refuseCrossSite, signOut } from "~/auth.server";
import { logSecurityEvent } from "~/models/security-log.server";
import { readForm } from "~/forms/parse.server";

/** Ends this browser's session (a POST: a link could sign people out from another site). */
export async function action({ request }: ActionFunctionArgs) {
  await refuseCrossSite(request);
  // Read, though nothing in it is used: an unread body would reset the connection.
  await readForm(request);
  const user = await currentUser(request);
  if (user) logSecurityEvent({ event: "sign_out", userId: user.id });
  return signOut(request);
}

export function loader() {
  return redirect("/");
}
