import type { ActionFunctionArgs } from "@remix-run/node";
import type { UserRole } from "~db/schema";
import { cookieFor } from "./accounts";

type Fields = Record<string, string | string[]>;

export function formRequest(path: string, fields: Fields, language = "en", cookie?: string) {
  const body = new URLSearchParams();
  for (const [name, value] of Object.entries(fields)) {
    for (const v of Array.isArray(value) ? value : [value]) body.append(name, v);
  }
  return new Request(`http://localhost${path}`, {
    method: "POST",
    body,
    headers: {
      "Content-Type": "application/x-www-form-urlencoded",
      "Accept-Language": language,
      ...(cookie ? { Cookie: cookie } : {}),
    },
  });
}

type Reply = {
  result: { status?: string; error?: Record<string, string[] | null>; initialValue?: unknown };
  duplicates?: unknown[];
  stale?: { version: number; message: string; historyHref: string; deleted: boolean };
};

/**
 * Calls a route action as Remix would, signed in as an editor unless `as` says otherwise (null:
 * signed out), and says what came back: a redirect, or a form reply.
 */
export async function submit(
  action: (args: ActionFunctionArgs) => unknown,
  path: string,
  fields: Fields,
  options: { params?: Record<string, string>; language?: string; as?: UserRole | null; address?: string } = {},
) {
  const role = options.as === undefined ? "editor" : options.as;
  const cookie = role ? await cookieFor(role) : undefined;
  let outcome: unknown;
  try {
    outcome = await action({
      request: formRequest(path, fields, options.language, cookie),
      params: options.params ?? {},
      context: options.address ? { clientAddress: options.address } : {},
    });
  } catch (thrown) {
    outcome = thrown;
  }
  if (outcome instanceof Response) {
    return { status: outcome.status, location: outcome.headers.get("Location"), reply: undefined as Reply | undefined };
  }
  // `data(value, init)` from the action, or a plain object (status 200).
  if (outcome && typeof outcome === "object" && "data" in outcome && "init" in outcome) {
    const { data, init } = outcome as { data: Reply; init?: { status?: number } };
    return { status: init?.status ?? 200, location: null, reply: data };
  }
  return { status: 200, location: null, reply: outcome as Reply };
}
