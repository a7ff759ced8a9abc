/**
 * The read-only JSON API (issue 16.4): which collections it serves, who may ask (a token in
 * `Authorization: Bearer …`, never a cookie: a page open in a browser cannot be made to read it
 * for another site), and how it answers (JSON, never cached, errors as JSON with their status).
 */
import type { z } from "zod";
import type { AuditedRecordType } from "~db/enums";
import {
  apiDelegation,
  apiDelegations,
  apiInitiative,
  apiInitiatives,
  apiMeeting,
  apiMeetings,
  apiOrganisation,
  apiOrganisations,
  apiPartner,
  apiPartners,
  apiPeople,
  apiPerson,
  apiRelation,
  apiRelations,
  type Slice,
} from "~/models/open-data.server";
import { userForApiToken } from "~/models/api-tokens.server";
import { deletionOf } from "~/models/record-versions.server";
import {
  ApiGone,
  Delegation,
  Initiative,
  Meeting,
  Organisation,
  PAGE,
  Partner,
  Person,
  Relation,
  oneOf,
  pageOf,
} from "./api-schemas";

export type Collection = {
  /** One record, as the by-id endpoint and each row of the list give it. */
  schema: z.ZodTypeAny;
  /** Its records' kind in the history, which says when one was deleted. */
  type: AuditedRecordType;
  title: string;
  list: (slice: Slice) => Array<{ id: number }>;
  one: (id: number) => { id: number } | null;
};

export const COLLECTIONS = {
  partners: {
    schema: Partner,
    type: "partner",
    title: "Partner cities, provinces and countries",
    list: apiPartners,
    one: apiPartner,
  },
  relations: {
    schema: Relation,
    type: "relation",
    title: "Relations with a partner, with their steps",
    list: apiRelations,
    one: apiRelation,
  },
  meetings: {
    schema: Meeting,
    type: "meeting",
    title: "Meetings, with participants, topics and sources",
    list: apiMeetings,
    one: apiMeeting,
  },
  organisations: {
    schema: Organisation,
    type: "organisation",
    title: "Organisations (bodies) of partners and of the home city",
    list: apiOrganisations,
    one: apiOrganisation,
  },
  delegations: {
    schema: Delegation,
    type: "delegation",
    title: "Delegation visits",
    list: apiDelegations,
    one: apiDelegation,
  },
  people: { schema: Person, type: "person", title: "People, with their posts", list: apiPeople, one: apiPerson },
  initiatives: {
    schema: Initiative,
    type: "initiative",
    title: "Initiatives, with their steps",
    list: apiInitiatives,
    one: apiInitiative,
  },
} satisfies Record<string, Collection>;

export type CollectionName = keyof typeof COLLECTIONS;

const HEADERS = { "Content-Type": "application/json; charset=utf-8", "Cache-Control": "private, no-store" };

export function apiJson(body: unknown, status = 200, headers: Record<string, string> = {}) {
  return new Response(JSON.stringify(body), { status, headers: { ...HEADERS, ...headers } });
}

export function apiError(status: number, message: string, headers: Record<string, string> = {}) {
  return apiJson({ error: { status, message } }, status, headers);
}

/** The account a request's bearer token opens; otherwise the 401 to answer with. */
export function authorise(request: Request): Response | null {
  const header = request.headers.get("Authorization") ?? "";
  const match = /^Bearer ([^\s]+)$/i.exec(header.trim());
  const user = match ? userForApiToken(match[1]) : null;
  if (user) return null;
  return apiError(
    401,
    match ? "The token is not valid, or was revoked." : "A token is required: Authorization: Bearer <token>.",
    {
      "WWW-Authenticate": `Bearer realm="kezdesu"${match ? ', error="invalid_token"' : ""}`,
    },
  );
}

function collectionOf(name: string | undefined): Collection | null {
  return name && Object.hasOwn(COLLECTIONS, name) ? COLLECTIONS[name as CollectionName] : null;
}

const positiveInteger = (text: string) => (/^[1-9]\d{0,15}$/.test(text) ? Number(text) : null);

/** `limit` (1 to 200, default 50) and `cursor` (the last id of the previous page), or why not. */
export function sliceOf(url: URL): Slice | string {
  const limitText = url.searchParams.get("limit");
  const cursorText = url.searchParams.get("cursor");
  const limit = limitText === null ? PAGE.defaultLimit : positiveInteger(limitText);
  if (limit === null || limit > PAGE.maxLimit) return `limit must be a whole number from 1 to ${PAGE.maxLimit}.`;
  const after = cursorText === null ? 0 : positiveInteger(cursorText);
  if (after === null || !Number.isSafeInteger(after)) return "cursor must be the cursor a previous page gave.";
  return { after, limit };
}

/** GET /api/v1/<collection>: a page of it, with the address of the next. */
export function listAnswer(request: Request, name: string | undefined) {
  const refused = authorise(request);
  if (refused) return refused;
  const collection = collectionOf(name);
  if (!collection) return apiError(404, "No such collection.");
  const url = new URL(request.url);
  const slice = sliceOf(url);
  if (typeof slice === "string") return apiError(400, slice);
  const rows = collection.list(slice);
  const more = rows.length > slice.limit;
  const data = rows.slice(0, slice.limit);
  const next = more
    ? `${url.pathname}?${new URLSearchParams({ limit: String(slice.limit), cursor: String(data.at(-1)!.id) })}`
    : null;
  return apiJson(pageOf(collection.schema).parse({ data, next }));
}

/**
 * GET /api/v1/<collection>/<id>: the record; 410 with when it was deleted, as its page says it
 * (an address kept by another program is told the record is gone, not that it never was); 404.
 */
export function oneAnswer(request: Request, name: string | undefined, idText: string | undefined) {
  const refused = authorise(request);
  if (refused) return refused;
  const collection = collectionOf(name);
  const id = positiveInteger(idText ?? "");
  if (!collection || id === null || !Number.isSafeInteger(id)) return apiError(404, "No such record.");
  const record = collection.one(id);
  if (record) return apiJson(oneOf(collection.schema).parse({ data: record }));
  const deletion = deletionOf(collection.type, id);
  if (!deletion) return apiError(404, "No such record.");
  const message = "The record was deleted. An administrator can restore it from the bin.";
  return apiJson(ApiGone.parse({ error: { status: 410, message, deletedAt: deletion.at } }), 410);
}

/**
 * Anything but GET and HEAD: the API only reads. The body is read first and thrown away (server.ts
 * bounds it): answered while the client still sends, the connection would break under it.
 */
export async function methodNotAllowed(request: Request) {
  const reader = request.body?.getReader();
  try {
    while (reader && !(await reader.read()).done);
  } catch {
    // Refused as too large: server.ts has answered 413 already.
  }
  return apiError(405, "The API only reads: use GET or HEAD.", { Allow: "GET, HEAD" });
}
