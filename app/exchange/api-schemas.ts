/**
 * What the read-only API (issue 16.4) answers, as zod schemas: each endpoint parses its answer
 * with its schema before sending it, and the OpenAPI description (./openapi.server.ts) is
 * generated from the same schemas, so the two cannot drift apart.
 */
import { extendZodWithOpenApi } from "@asteasolutions/zod-to-openapi";
import { z } from "zod";
import {
  DATE_PRECISIONS,
  DELEGATION_DIRECTIONS,
  INITIATIVE_KINDS,
  INITIATIVE_STATUSES,
  MEETING_SIDES,
  PARTICIPANT_ROLES,
  PARTNER_KINDS,
  RECORD_LANGUAGES,
  RELATION_STATUSES,
  RELATION_TYPES,
} from "~db/enums";

extendZodWithOpenApi(z);

/** Pages: `limit` rows (default 50, at most 200) after the `cursor` the previous page named. */
export const PAGE = { defaultLimit: 50, maxLimit: 200 } as const;

const id = z.number().int().positive();
const text = z.string().nullable();

export const Name = z
  .object({ kk: text, ru: text, en: text, original: text })
  .openapi("Name", { description: "A name as recorded in each language, and in its original script." });

export const Title = z
  .object({ kk: text, ru: text, en: text })
  .openapi("Title", { description: "A title as recorded in each language." });

export const PartialDate = z
  .object({
    value: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/)
      .nullable()
      .openapi({ description: "The first day of the known period; null when the date is unknown." }),
    precision: z.enum(DATE_PRECISIONS),
    approximate: z.boolean(),
  })
  .openapi("PartialDate", {
    description: "A date known to the day, the month or the year, or not at all (precision `unknown`).",
  });

export const Partner = z
  .object({
    id,
    kind: z.enum(PARTNER_KINDS),
    countryCode: z.string().openapi({ description: "ISO 3166-1 alpha-2" }),
    name: Name,
    wikidataId: z
      .string()
      .regex(/^Q\d+$/)
      .nullable(),
    isHome: z.boolean().openapi({ description: "The home city (Astana)." }),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi("Partner");

export const Organisation = z
  .object({
    id,
    partnerId: id.openapi({ description: "The partner (or the home city) the body belongs to." }),
    parentId: id.nullable(),
    name: Name,
  })
  .openapi("Organisation");

export const RelationStep = z
  .object({
    id,
    status: z.enum(RELATION_STATUSES),
    date: PartialDate,
    note: text,
    meetingId: id.nullable(),
    sourceId: id.nullable(),
    signatoryIds: z.array(id).openapi({ description: "People who signed, in order." }),
  })
  .openapi("RelationStep");

export const Relation = z
  .object({ id, partnerId: id, type: z.enum(RELATION_TYPES), note: text, steps: z.array(RelationStep) })
  .openapi("Relation");

export const Participant = z
  .object({ personId: id, side: z.enum(MEETING_SIDES), role: z.enum(PARTICIPANT_ROLES), titleAtMeeting: text })
  .openapi("Participant");

export const Topic = z.object({ id, name: Title }).openapi("Topic");

export const Source = z
  .object({
    id,
    url: text,
    outlet: text,
    title: text,
    published: PartialDate,
    language: z.enum(RECORD_LANGUAGES).nullable(),
  })
  .openapi("Source");

export const Meeting = z
  .object({
    id,
    date: PartialDate,
    startTime: text,
    location: text,
    hostOrganisationId: id.nullable(),
    partnerId: id.nullable(),
    delegationId: id.nullable(),
    purpose: text,
    summary: text,
    language: z.enum(RECORD_LANGUAGES),
    participants: z.array(Participant),
    topics: z.array(Topic),
    sources: z.array(Source),
  })
  .openapi("Meeting");

export const Delegation = z
  .object({
    id,
    partnerId: id,
    organisationId: id.nullable(),
    leaderId: id.nullable(),
    direction: z.enum(DELEGATION_DIRECTIONS),
    arrival: PartialDate,
    departure: PartialDate,
    purpose: text,
    memberIds: z.array(id),
  })
  .openapi("Delegation");

export const Post = z
  .object({ id, organisationId: id, title: Title, start: PartialDate, end: PartialDate, asOf: PartialDate })
  .openapi("Post");

export const Person = z
  .object({
    id,
    name: Name,
    wikidataId: z
      .string()
      .regex(/^Q\d+$/)
      .nullable(),
    isPublic: z.boolean().openapi({ description: "May be named in the open-data export." }),
    posts: z.array(Post),
  })
  .openapi("Person");

export const InitiativeStep = z
  .object({
    id,
    date: PartialDate,
    status: z.enum(INITIATIVE_STATUSES).nullable(),
    note: text,
    meetingId: id.nullable(),
  })
  .openapi("InitiativeStep");

export const Initiative = z
  .object({
    id,
    title: Title,
    description: text,
    kind: z.enum(INITIATIVE_KINDS),
    status: z.enum(INITIATIVE_STATUSES),
    ownerPersonId: id.nullable(),
    ownerOrganisationId: id.nullable(),
    due: PartialDate,
    partnerId: id.nullable(),
    meetingId: id.nullable(),
    steps: z.array(InitiativeStep),
  })
  .openapi("Initiative");

export const ApiError = z
  .object({ error: z.object({ status: z.number().int(), message: z.string() }) })
  .openapi("Error");

/** A record asked for by id after it was deleted: when (an administrator can restore it). */
export const ApiGone = z
  .object({
    error: z.object({
      status: z.literal(410),
      message: z.string(),
      deletedAt: z.string().datetime().openapi({ description: "When the record was deleted (UTC)." }),
    }),
  })
  .openapi("Gone");

/** A page of a list: its rows, and the address of the next page (null on the last). */
export const pageOf = <T extends z.ZodTypeAny>(item: T) =>
  z.object({ data: z.array(item), next: z.string().nullable() });

export const oneOf = <T extends z.ZodTypeAny>(item: T) => z.object({ data: item });

export type ApiPartner = z.infer<typeof Partner>;
export type ApiOrganisation = z.infer<typeof Organisation>;
export type ApiRelation = z.infer<typeof Relation>;
export type ApiMeeting = z.infer<typeof Meeting>;
export type ApiDelegation = z.infer<typeof Delegation>;
export type ApiPerson = z.infer<typeof Person>;
export type ApiInitiative = z.infer<typeof Initiative>;
