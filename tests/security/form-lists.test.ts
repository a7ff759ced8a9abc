/**
 * Issue 12.4: a 150-byte post with "participants[500].name" made conform build 500 empty rows,
 * each rendered back with its messages: a 7.5 MB page, 14.6 s of a server that answered nothing
 * else meanwhile, and a 500 when the render outran entry.server's abort. Every list of every
 * form now has a limit in its schema, checked before parsing; gaps between rows are closed up.
 */
import { z } from "zod";
import { describe, expect, test } from "vitest";
import * as s from "~db/schema";
import { seedDemoData } from "~/models/demo-data.server";
import { getDb } from "~/db.server";
import * as accountForms from "~/forms/account";
import * as delegationForms from "~/forms/delegation";
import * as initiativeForms from "~/forms/initiative";
import * as meetingForms from "~/forms/meeting";
import * as organisationForms from "~/forms/organisation";
import * as partnerForms from "~/forms/partner";
import * as personForms from "~/forms/person";
import * as relationForms from "~/forms/relation";
import { MeetingSchema } from "~/forms/meeting";
import { PersonSchema } from "~/forms/person";
import { checkFormShape, FORM_LIMITS, listLimits } from "~/forms/shape";
import { action as adminUserAction } from "~/routes/admin.users.$userId";
import { action as newDelegationAction } from "~/routes/delegations.new";
import { action as languageAction } from "~/routes/language";
import { action as editMeetingAction } from "~/routes/meetings.$meetingId_.edit";
import { action as newMeetingAction } from "~/routes/meetings.new";
import { action as editPersonAction } from "~/routes/people.$personId_.edit";
import { action as newPersonAction } from "~/routes/people.new";
import { action as relationStepAction } from "~/routes/relations.$relationId.step";
import { action as signInAction } from "~/routes/sign-in";
import { accountFor } from "../support/accounts";
import { submit } from "../support/forms";

seedDemoData(getDb());
const partnerId = getDb()
  .select()
  .from(s.partners)
  .all()
  .find((p) => p.nameEn === "Heilongjiang Province")!.id;

const meetingId = String(getDb().select({ id: s.meetings.id }).from(s.meetings).limit(1).get()!.id);
const personId = String(getDb().select({ id: s.people.id }).from(s.people).limit(1).get()!.id);
const relationId = String(getDb().select({ id: s.relations.id }).from(s.relations).limit(1).get()!.id);

const counts = () => ({
  meetings: getDb().$count(s.meetings),
  people: getDb().$count(s.people),
  delegations: getDb().$count(s.delegations),
  steps: getDb().$count(s.relationSteps),
  history: getDb().$count(s.history),
});

/** The post from the issue, 110 bytes of it. */
const ATTACK = {
  "participants[500].name": "x",
  "sources[500].url": "x",
  "initiatives[500].title": "x",
  "topics[500]": "x",
  language: "en",
};

describe("every list of every form has a limit the shape check shares", () => {
  const schemas = [
    accountForms,
    delegationForms,
    initiativeForms,
    meetingForms,
    organisationForms,
    partnerForms,
    personForms,
    relationForms,
  ].flatMap((module) =>
    Object.entries(module).filter((entry): entry is [string, z.ZodTypeAny] => entry[1] instanceof z.ZodType),
  );

  test.each(schemas)("%s: each list says how many rows it takes", (_name, schema) => {
    expect(() => listLimits(schema)).not.toThrow();
  });

  test("the limits: far past a real meeting, few enough to render back at once", () => {
    expect(Object.fromEntries(listLimits(MeetingSchema))).toEqual({
      participants: 200,
      topics: 50,
      sources: 50,
      initiatives: 50,
    });
    expect(Object.fromEntries(listLimits(PersonSchema))).toEqual({ posts: 20 });
    expect(Object.fromEntries(listLimits(delegationForms.DelegationSchema))).toEqual({ members: 100 });
    expect(Object.fromEntries(listLimits(relationForms.RelationStepSchema))).toEqual({ signatories: 20 });
  });

  test("a list without a limit is a mistake the check names", () => {
    expect(() => listLimits(z.object({ notes: z.array(z.string()).optional() }))).toThrow(/"notes" has no \.max\(\)/);
  });

  test("the browser, with the same schema, says so one row past the limit", () => {
    const participants = Array.from({ length: 201 }, () => ({
      name: "A",
      side: "host",
      role: "attended",
    }));
    const result = MeetingSchema.safeParse({ language: "en", partnerId: 1, date: { unknown: true }, participants });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => [i.path.join("."), i.code])).toEqual([["participants", "too_big"]]);
  });

  test("the shape check takes the last row within each limit and refuses the next", () => {
    const form = (name: string) => {
      const data = new FormData();
      data.append(name, "x");
      return data;
    };
    const rows = (list: string, count: number, field = "") => {
      const data = new FormData();
      for (let i = 0; i < count; i++) data.append(`${list}[${i}]${field}`, "x");
      return data;
    };
    for (const [list, limit, field] of [
      ["participants", 200, ".name"],
      ["topics", 50, ""],
      ["sources", 50, ".url"],
      ["initiatives", 50, ".title"],
    ] as const) {
      expect(checkFormShape(rows(list, limit, field), listLimits(MeetingSchema)).ok).toBe(true);
      expect(checkFormShape(rows(list, limit + 1, field), listLimits(MeetingSchema))).toEqual({
        ok: false,
        problem: "a list index is past the list's limit",
      });
    }
    expect(checkFormShape(form("posts[19].titleEn"), listLimits(PersonSchema)).ok).toBe(false); // far past the rows sent
    expect(checkFormShape(rows("posts", 20, ".titleEn"), listLimits(PersonSchema)).ok).toBe(true);
    expect(checkFormShape(form("posts[20].titleEn"), listLimits(PersonSchema)).ok).toBe(false);
    // An index where the form has no list, and "[]" (a row per field, no index to check).
    expect(checkFormShape(form("language[0]"), listLimits(MeetingSchema)).ok).toBe(false);
    expect(checkFormShape(form("topics[]"), listLimits(MeetingSchema)).ok).toBe(false);
    expect(checkFormShape(form("participants[0]"), undefined).ok).toBe(false);
  });
});

describe("the attack from the issue, and its kin, on every form with lists", () => {
  test("the 110-byte post to log a meeting is refused with 400 before parsing, and nothing is written", async () => {
    const before = counts();
    const { status, reply } = await submit(newMeetingAction, "/meetings/new", ATTACK);
    expect(status).toBe(400);
    expect(reply).toBeUndefined(); // the bare 400 page, not a form with 500 rows
    expect(counts()).toEqual(before);
  });

  test.each([
    ["one list at index 500", { language: "en", "participants[500].name": "x" }],
    ["one past the participants' limit", { language: "en", "participants[200].name": "x" }],
    ["one past the topics' limit", { language: "en", "topics[50]": "x" }],
    ["one past the sources' limit", { language: "en", "sources[50].url": "x" }],
    ["one past the initiatives' limit", { language: "en", "initiatives[50].title": "x" }],
    ["a lone row 150, far past the rows sent", { language: "en", "participants[150].name": "x" }],
    ["an index on a field that is no list", { language: "en", "summary[3]": "x" }],
    ["a negative index", { language: "en", "participants[-1].name": "x" }],
  ])("a new meeting with %s: 400", async (_what, fields) => {
    const before = counts();
    expect((await submit(newMeetingAction, "/meetings/new", fields)).status).toBe(400);
    expect(counts()).toEqual(before);
  });

  test("an edited meeting: the same", async () => {
    const before = counts();
    expect(
      (
        await submit(editMeetingAction, `/meetings/${meetingId}/edit`, ATTACK, {
          params: { meetingId },
        })
      ).status,
    ).toBe(400);
    expect(counts()).toEqual(before);
  });

  test.each([
    ["a new person", newPersonAction, "/people/new", {}],
    ["an edited person", editPersonAction, `/people/${personId}/edit`, { personId }],
  ] as const)("%s with posts[500] (1.8 s and 3.9 MB before) or posts[20]: 400", async (_what, action, path, params) => {
    const before = counts();
    for (const index of [500, 20]) {
      const fields = {
        nameEn: "Someone",
        [`posts[${index}].organisationId`]: "1",
        [`posts[${index}].titleEn`]: "x",
      };
      expect((await submit(action, path, fields, { params })).status).toBe(400);
    }
    expect(counts()).toEqual(before);
  });

  test("a delegation with members[100]: 400", async () => {
    const before = counts();
    const { status } = await submit(newDelegationAction, "/delegations/new", {
      partnerId: "1",
      direction: "incoming",
      "members[100].name": "x",
    });
    expect(status).toBe(400);
    expect(counts()).toEqual(before);
  });

  test("a relation step with signatories[20]: 400", async () => {
    const before = counts();
    const fields = { status: "signed", "signatories[20].name": "x" };
    expect(
      (await submit(relationStepAction, `/relations/${relationId}/step`, fields, { params: { relationId } })).status,
    ).toBe(400);
    expect(counts()).toEqual(before);
  });
});

describe("a refused form renders the rows that were sent, and no others", () => {
  test("rows 0 and 3 come back as rows 0 and 1, with their messages", async () => {
    const { status, reply } = await submit(newMeetingAction, "/meetings/new", {
      language: "en",
      "date.unknown": "on",
      partnerId: String(partnerId),
      "participants[0].name": "Айгерім",
      "participants[3].name": "Болат",
      "participants[3].side": "guest",
      "participants[3].role": "spoke",
      "topics[7]": "Туризм",
    });
    expect(status).toBe(400);
    const initial = reply?.result.initialValue as {
      participants: unknown[];
      topics: unknown[];
    };
    expect(initial.participants).toEqual([{ name: "Айгерім" }, { name: "Болат", side: "guest", role: "spoke" }]);
    expect(initial.topics).toEqual(["Туризм"]);
    expect(Object.keys(reply?.result.error ?? {}).sort()).toEqual(["participants[0].role", "participants[0].side"]);
  });

  test("a gap just past the allowance is refused rather than closed up", async () => {
    const fields = {
      language: "en",
      "participants[0].name": "A",
      [`participants[${1 + FORM_LIMITS.gap}].name`]: "B",
    };
    expect((await submit(newMeetingAction, "/meetings/new", fields)).status).toBe(400);
  });

  test("a full form at every limit is answered with exactly the rows sent", async () => {
    const fields: Record<string, string> = { language: "en" };
    for (let i = 0; i < 200; i++) fields[`participants[${i}].name`] = `P${i}`; // no side: 200 messages
    for (let i = 0; i < 50; i++) fields[`topics[${i}]`] = `T${i}`;
    for (let i = 0; i < 50; i++) fields[`sources[${i}].outlet`] = `S${i}`;
    for (let i = 0; i < 50; i++) fields[`initiatives[${i}].note`] = `I${i}`; // no title
    const { status, reply } = await submit(newMeetingAction, "/meetings/new", fields);
    expect(status).toBe(400);
    const initial = reply?.result.initialValue as Record<string, unknown[]>;
    expect([
      initial.participants.length,
      initial.topics.length,
      initial.sources.length,
      initial.initiatives.length,
    ]).toEqual([200, 50, 50, 50]);
  });
});

describe("conform's list buttons: only adding, removing or moving a row of a known list", () => {
  const intent = (value: unknown) => ({
    language: "en",
    "participants[0].name": "A",
    "participants[1].name": "B",
    __intent__: JSON.stringify(value),
  });

  test("the real buttons still work without JavaScript", async () => {
    const added = await submit(
      newMeetingAction,
      "/meetings/new",
      intent({
        type: "insert",
        payload: {
          name: "participants",
          defaultValue: { side: "host", role: "attended" },
        },
      }),
    );
    expect(added.status).toBe(200);
    expect((added.reply?.result.initialValue as { participants: unknown[] }).participants).toEqual([
      { name: "A" },
      { name: "B" },
      { side: "host", role: "attended" },
    ]);
    const removed = await submit(
      newMeetingAction,
      "/meetings/new",
      intent({ type: "remove", payload: { name: "participants", index: 0 } }),
    );
    expect(removed.status).toBe(200);
    expect((removed.reply?.result.initialValue as { participants: unknown[] }).participants).toEqual([{ name: "B" }]);
  });

  test.each([
    ["not JSON (a 500 before)", "x"],
    [
      "an update that replaces the whole form",
      JSON.stringify({
        type: "update",
        payload: {
          value: { participants: Array.from({ length: 5000 }, () => ({})) },
        },
      }),
    ],
    [
      "an update of one field far down a list",
      JSON.stringify({
        type: "update",
        payload: { name: "topics[400]", value: "x" },
      }),
    ],
    ["a reset", JSON.stringify({ type: "reset", payload: {} })],
    [
      "an insert into a row past the limit (1.3 MB before)",
      JSON.stringify({
        type: "insert",
        payload: { name: "participants[300].x" },
      }),
    ],
    ["an insert into a field that is no list", JSON.stringify({ type: "insert", payload: { name: "summary" } })],
    [
      "an insert far down the list",
      JSON.stringify({
        type: "insert",
        payload: { name: "participants", index: 100_000 },
      }),
    ],
    [
      "an insert with a deep row",
      JSON.stringify({
        type: "insert",
        payload: {
          name: "topics",
          defaultValue: { a: { b: { c: { d: { e: "x" } } } } },
        },
      }),
    ],
    ["no payload", JSON.stringify({ type: "insert" })],
  ])("%s: 400", async (_what, value) => {
    const { status } = await submit(newMeetingAction, "/meetings/new", {
      language: "en",
      __intent__: value,
    });
    expect(status).toBe(400);
  });

  test("conform's state field, which our forms never send (a 500 before): 400", async () => {
    expect(
      (
        await submit(newMeetingAction, "/meetings/new", {
          language: "en",
          __state__: "x",
        })
      ).status,
    ).toBe(400);
  });

  test("forms read without conform's lists refuse them too (a 500 before)", async () => {
    const { id } = await accountFor("viewer");
    const admin = await submit(
      adminUserAction,
      `/admin/users/${id}`,
      { intent: "disable", __intent__: "x" },
      { params: { userId: String(id) }, as: "admin" },
    );
    expect(admin.status).toBe(400);
    expect(
      (await submit(signInAction, "/sign-in", { email: "a@b.c", password: "x", __intent__: "x" }, { as: null })).status,
    ).toBe(400);
    expect((await submit(languageAction, "/language", { lng: "en", "redirectTo[0]": "/" }, { as: null })).status).toBe(
      400,
    );
  });
});
