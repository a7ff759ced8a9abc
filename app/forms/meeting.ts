import { z } from "zod";
import {
  DELEGATION_DIRECTIONS,
  INITIATIVE_KINDS,
  INITIATIVE_STATUSES,
  MEETING_SIDES,
  PARTICIPANT_ROLES,
  RECORD_LANGUAGES,
} from "../../db/enums";
import { comparePartialDates } from "~/utils/partial-date";
import { LIMITS, optionalText, partialDateField, recordId, webUrl } from "./fields";

const issue = (ctx: z.RefinementCtx, path: Array<string | number>, key: string) =>
  ctx.addIssue({ code: z.ZodIssueCode.custom, path, params: { key } });

/**
 * One person at the meeting: someone on file (personId, set by the picker), or a name typed in
 * the interface language, which is matched against the people on file when saved.
 */
export const ParticipantSchema = z
  .object({
    personId: recordId.optional(),
    name: optionalText(LIMITS.name),
    isNew: z.boolean().optional(),
    organisationId: recordId.optional(),
    side: z.enum(MEETING_SIDES),
    role: z.enum(PARTICIPANT_ROLES),
    title: optionalText(LIMITS.title),
  })
  .superRefine((p, ctx) => {
    if (!p.personId && !p.name) issue(ctx, ["name"], "form.errors.required");
  });

export const SourceSchema = z
  .object({
    url: webUrl.optional(),
    outlet: optionalText(LIMITS.name),
    title: optionalText(LIMITS.title),
    text: optionalText(LIMITS.sourceText),
  })
  .superRefine((s, ctx) => {
    if (!s.url && !s.outlet && !s.title && !s.text) issue(ctx, ["outlet"], "form.errors.emptySource");
  });

/** An initiative raised at the meeting: a new one, or a step on one already on file. */
export const RaisedInitiativeSchema = z
  .object({
    initiativeId: recordId.optional(),
    title: optionalText(LIMITS.title),
    kind: z.enum(INITIATIVE_KINDS).default("other"),
    status: z.enum(INITIATIVE_STATUSES).default("proposed"),
    ownerPersonId: recordId.optional(),
    due: partialDateField,
    note: optionalText(LIMITS.short),
  })
  .superRefine((i, ctx) => {
    if (!i.initiativeId && !i.title) issue(ctx, ["title"], "form.errors.required");
  });

const topicList = z
  .array(z.string().trim().max(LIMITS.name).optional())
  .max(50)
  .default([])
  .transform((topics) => [...new Set(topics.filter((t): t is string => Boolean(t)))]);

export const MeetingSchema = z
  .object({
    date: partialDateField,
    startTime: z
      .string()
      .regex(/^([01]\d|2[0-3]):[0-5]\d$/)
      .optional(),
    location: optionalText(LIMITS.title),
    hostOrganisationId: recordId.optional(),
    partnerId: recordId.optional(),
    delegationId: recordId.optional(),
    newDelegation: z.boolean().optional(),
    delegationOrganisationId: recordId.optional(),
    delegationDirection: z.enum(DELEGATION_DIRECTIONS).default("incoming"),
    purpose: optionalText(LIMITS.short),
    summary: optionalText(LIMITS.summary),
    language: z.enum(RECORD_LANGUAGES),
    // Each list's .max() is also checked before parsing (app/utils/form-shape.ts): far more
    // rows than a real meeting has, few enough that a refused form renders back quickly.
    participants: z.array(ParticipantSchema).max(200).default([]),
    topics: topicList,
    sources: z.array(SourceSchema).max(50).default([]),
    initiatives: z.array(RaisedInitiativeSchema).max(50).default([]),
  })
  .superRefine((m, ctx) => {
    m.initiatives.forEach((initiative, index) => {
      if (initiative.due.value && m.date.value && comparePartialDates(initiative.due, m.date) < 0) {
        issue(ctx, ["initiatives", index, "due"], "form.errors.dueBeforeMeeting");
      }
    });
    if (m.newDelegation && m.delegationId) issue(ctx, ["delegationId"], "form.errors.oneDelegation");
    if (m.newDelegation && !m.partnerId) issue(ctx, ["partnerId"], "form.errors.delegationNeedsPartner");
  });

export type MeetingInput = z.infer<typeof MeetingSchema>;
export type ParticipantInput = z.infer<typeof ParticipantSchema>;
