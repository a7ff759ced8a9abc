import type { ActionFunctionArgs } from "@remix-run/node";

type Fields = Record<string, string | string[]>;

export function formRequest(path: string, fields: Fields, language = "en") {
  const body = new URLSearchParams();
  for (const [name, value] of Object.entries(fields)) {
    for (const v of Array.isArray(value) ? value : [value]) body.append(name, v);
  }
  return new Request(`http://localhost${path}`, {
    method: "POST",
    body,
    headers: { "Content-Type": "application/x-www-form-urlencoded", "Accept-Language": language },
  });
}

type Reply = { result: { status?: string; error?: Record<string, string[] | null>; initialValue?: unknown }; duplicates?: unknown[] };

/** Calls a route action as Remix would and says what came back: a redirect, or a form reply. */
export async function submit(
  action: (args: ActionFunctionArgs) => unknown,
  path: string,
  fields: Fields,
  options: { params?: Record<string, string>; language?: string } = {},
) {
  let outcome: unknown;
  try {
    outcome = await action({ request: formRequest(path, fields, options.language), params: options.params ?? {}, context: {} });
  } catch (thrown) {
    outcome = thrown;
  }
  if (outcome instanceof Response) {
    return { status: outcome.status, location: outcome.headers.get("Location"), reply: undefined as Reply | undefined };
  }
  const { data, init } = outcome as { data: Reply; init?: { status?: number } };
  return { status: init?.status ?? 200, location: null, reply: data };
}
