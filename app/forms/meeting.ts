import { z } from "zod";
import {
  DELEGATION_DIRECTIONS,
  INITIATIVE_KINDS,
  INITIATIVE_STATUSES,
  MEETING_SIDES,
  PARTICIPANT_ROLES,
  RECORD_LANGUAGES,
} from "~db/enums";
import { comparePartialDates } from "~db/shared/partial-date";
import {
  hasLetter,
  issue,
  knownOrUnknownDateField,
  LIMITS,
  optionalLine,
  optionalText,
  partialDateField,
  recordId,
  webUrl,
} from "./fields";
import { formObject, parsed } from "./form-object";
import { happensInFuture } from "./initiative";

/**
 * One person at the meeting: someone on file (personId, set by the picker), or a typed name,
 * matched against the people on file when saved; a new person's name is kept in the column of
 * its script (nameSlotOf). A title with a body records a post held as of the meeting's date;
 * the body is picked (organisationId) or typed (organisationName) and matched by name on save.
 */
export const ParticipantSchema = formObject(
  {
    personId: recordId.optional(),
    name: optionalLine(LIMITS.name),
    isNew: z.boolean().optional(),
    organisationId: recordId.optional(),
    /** The body typed without picking it (or without JavaScript): matched by name when saved. */
    organisationName: optionalLine(LIMITS.name),
    side: z.enum(MEETING_SIDES),
    role: z.enum(PARTICIPANT_ROLES),
    title: optionalLine(LIMITS.title),
  },
  (p, ctx) => {
    if (!p.personId && !p.name) issue(ctx, ["name"], "form.errors.required");
    // A typed newcomer's name, checked as the person form checks it; one picked is on file already.
    else if (!p.personId && typeof p.name === "string" && !hasLetter(p.name))
      issue(ctx, ["name"], "form.errors.nameLetter");
  },
);

export const SourceSchema = formObject(
  {
    url: webUrl.optional(),
    outlet: optionalLine(LIMITS.name),
    title: optionalLine(LIMITS.title),
    text: optionalText(LIMITS.sourceText),
  },
  (s, ctx) => {
    if (!s.url && !s.outlet && !s.title && !s.text) issue(ctx, ["outlet"], "form.errors.emptySource");
  },
);

/** An initiative raised at the meeting: a new one, or a step on one already on file. */
export const RaisedInitiativeSchema = formObject(
  {
    initiativeId: recordId.optional(),
    title: optionalLine(LIMITS.title),
    kind: z.enum(INITIATIVE_KINDS).default("other"),
    status: z.enum(INITIATIVE_STATUSES).default("proposed"),
    ownerPersonId: recordId.optional(),
    /** The owner typed without picking them: matched by name when saved. */
    ownerName: optionalLine(LIMITS.name),
    due: partialDateField,
    note: optionalText(LIMITS.short),
  },
  (i, ctx) => {
    if (!i.initiativeId && !i.title) issue(ctx, ["title"], "form.errors.required");
  },
);

const topicList = z
  .array(optionalLine(LIMITS.name))
  .max(50)
  .default([])
  .transform((topics) => [...new Set(topics.filter((t): t is string => Boolean(t)))]);

export const MeetingSchema = formObject(
  {
    date: knownOrUnknownDateField,
    startTime: z
      .string()
      .regex(/^([01]\d|2[0-3]):[0-5]\d$/)
      .optional(),
    location: optionalLine(LIMITS.title),
    hostOrganisationId: recordId.optional(),
    /** The bodies are picked (the id) or typed (the name, matched on save): see NamePicker. */
    hostOrganisationName: optionalLine(LIMITS.name),
    /** Chosen in a select, or picked or typed once partners are many (RecordChoice). */
    partnerId: recordId.optional(),
    partnerName: optionalLine(LIMITS.name),
    delegationId: recordId.optional(),
    newDelegation: z.boolean().optional(),
    delegationOrganisationId: recordId.optional(),
    delegationOrganisationName: optionalLine(LIMITS.name),
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
  },
  (m, ctx) => {
    const date = m.date;
    if (parsed(date) && parsed(m.initiatives)) {
      m.initiatives.forEach((initiative, index) => {
        if (parsed(initiative) && initiative.due.value && date.value && comparePartialDates(initiative.due, date) < 0) {
          issue(ctx, ["initiatives", index, "due"], "form.errors.dueBeforeMeeting");
        }
        // Its status is a step dated the meeting's day: a meeting still ahead cannot have settled it.
        if (parsed(initiative) && happensInFuture(initiative.status, date))
          issue(ctx, ["initiatives", index, "status"], "initiative.errors.notYetAtMeeting");
      });
    }
    if (m.newDelegation && m.delegationId) issue(ctx, ["delegationId"], "form.errors.oneDelegation");
    // The partner's message goes beside the select or the picker, whichever the form has.
    const partnerIssue = (key: string) => ["partnerId", "partnerName"].forEach((f) => issue(ctx, [f], key));
    const partner = m.partnerId || m.partnerName;
    if (m.newDelegation && !partner) partnerIssue("form.errors.delegationNeedsPartner");
    // A meeting is with someone about something (issue 13.1): a partner, or a delegation, which
    // names one; and a participant, a purpose or a summary.
    else if (!partner && !m.delegationId) partnerIssue("form.errors.meetingNeedsPartner");
    // A delegation recorded with the meeting takes its leader from the rows of its side: one row.
    if (m.newDelegation && parsed(m.participants) && parsed(m.delegationDirection)) {
      const side = delegationSide(m.delegationDirection);
      let leader = -1;
      m.participants.forEach((p, index) => {
        if (!parsed(p) || p.side !== side || p.role !== "led_delegation") return;
        if (leader < 0) leader = index;
        else issue(ctx, ["participants", index, "role"], "form.errors.oneLeader", { number: String(leader + 1) });
      });
    }
    const participants = parsed(m.participants) ? m.participants.length : 1;
    if (!participants && !m.purpose && !m.summary) issue(ctx, ["purpose"], "form.errors.meetingNeedsContent");
  },
);

/** The side of the meeting a delegation's members sit on: the guests of a visit to us, our own going out. */
export const delegationSide = (direction: (typeof DELEGATION_DIRECTIONS)[number]) =>
  direction === "incoming" ? "guest" : "host";

export type MeetingInput = z.infer<typeof MeetingSchema>;
export type ParticipantInput = z.infer<typeof ParticipantSchema>;
