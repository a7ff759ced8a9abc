/**
 * An initiative's step corrected or deleted, as a relation's can be: a mistaken "Done" is not
 * stuck. The same rules as recording one, the version check against changes made meanwhile, a
 * step deleted meanwhile said as deleted (by whom, when), a step of another initiative not found,
 * and the initiative's status following whatever steps are left.
 */
import { eq } from "drizzle-orm";
import { createElement, type ComponentProps, type ReactNode } from "react";
import { renderToString } from "react-dom/server";
import { Outlet } from "react-router-dom";
import { createStaticHandler, createStaticRouter, StaticRouterProvider } from "react-router-dom/server";
import { describe, expect, test } from "vitest";
import * as s from "~db/schema";
import { getDb } from "~/db.server";
import { recordVersion } from "~/models/record-versions.server";
import { todayInAstana } from "~/utils/today";
import { translations } from "~/i18n/i18n.server";
import { TranslationProvider } from "~/i18n/react";
import * as stepEdit from "~/routes/initiatives.$initiativeId_.steps.$stepId.edit";
import * as stepDelete from "~/routes/initiatives.$initiativeId_.steps.$stepId.delete";
import * as stepNew from "~/routes/initiatives.$initiativeId_.step";
import * as initiativePage from "~/routes/initiatives.$initiativeId";
import * as meetingPage from "~/routes/meetings.$meetingId";
import { cookieFor } from "./support/accounts";
import { aMeeting, anInitiative, aPartner } from "./support/factories";
import { submit } from "./support/forms";

type Fields = Record<string, string>;
type Route = { loader: (args: never) => Promise<unknown> };

const db = () => getDb();
const stepsOf = (initiativeId: number) =>
  db().select().from(s.initiativeSteps).where(eq(s.initiativeSteps.initiativeId, initiativeId)).all();
const statusOf = (initiativeId: number) =>
  db().select().from(s.initiatives).where(eq(s.initiatives.id, initiativeId)).get()!.status;
const historyCount = (initiativeId: number) =>
  db()
    .select()
    .from(s.history)
    .all()
    .filter((h) => h.recordType === "initiative" && h.recordId === initiativeId).length;

const [thisYear, thisMonth, thisDay] = todayInAstana().split("-").map(Number);
const tomorrow = new Date(Date.UTC(thisYear, thisMonth - 1, thisDay + 1));

/** "2024-05-10" as the date fields of a form. */
const on = (day: string): Fields => {
  const [year, month, date] = day.split("-").map(Number);
  return { "date.year": String(year), "date.month": String(month), "date.day": String(date) };
};

/** Records a step through the step form, as an editor does; its id. */
async function aStep(initiativeId: number, fields: Fields) {
  const before = new Set(stepsOf(initiativeId).map((step) => step.id));
  const { status } = await submit(stepNew.action, `/initiatives/${initiativeId}/step`, fields, {
    params: { initiativeId: String(initiativeId) },
  });
  expect(status).toBe(302);
  return stepsOf(initiativeId).find((step) => !before.has(step.id))!.id;
}

const paramsOf = (initiativeId: number, stepId: number) => ({
  initiativeId: String(initiativeId),
  stepId: String(stepId),
});
const editPath = (initiativeId: number, stepId: number) => `/initiatives/${initiativeId}/steps/${stepId}/edit`;
const deletePath = (initiativeId: number, stepId: number) => `/initiatives/${initiativeId}/steps/${stepId}/delete`;

/** A page's loader, as `role` in `language`: its data, or what it threw. */
async function load<R extends Route>(
  route: R,
  path: string,
  params: Record<string, string>,
  { role = "editor", language = "en" }: { role?: "viewer" | "editor" | "admin"; language?: string } = {},
) {
  const request = new Request(`http://localhost${path}`, {
    headers: { Cookie: await cookieFor(role), "Accept-Language": language },
  });
  return (route.loader as (args: unknown) => ReturnType<R["loader"]>)({ request, params, context: {} });
}

/** A form's initial values as the fields a browser posts (conform's names: `a.b`). */
function fieldsOf(value: unknown, name = "", fields: Fields = {}): Fields {
  if (value === null || value === undefined || value === false) return fields;
  if (typeof value === "object")
    for (const [key, item] of Object.entries(value)) fieldsOf(item, name ? `${name}.${key}` : key, fields);
  else fields[name] = value === true ? "on" : String(value);
  return fields;
}

/** The edit form as it opens: its fields as a browser would post them. */
async function openedForm(initiativeId: number, stepId: number, role: "editor" | "admin" = "editor") {
  const { step } = await load(stepEdit, editPath(initiativeId, stepId), paramsOf(initiativeId, stepId), { role });
  return fieldsOf(step);
}

describe("a step corrected", () => {
  test("a mistaken Done corrected to In progress: saved, the initiative's status follows, its history says so", async () => {
    const partner = aPartner({ nameEn: "Gyeonggi Province" });
    const meeting = aMeeting({ date: "2024-05-10", partnerId: partner, purpose: "Smart city talks" });
    const id = anInitiative({ partnerId: partner });
    const stepId = await aStep(id, { ...on("2024-05-10"), status: "done", note: "Signed", meetingId: String(meeting) });
    expect(statusOf(id)).toBe("done");

    const form = await openedForm(id, stepId);
    expect(form).toMatchObject({
      "date.year": "2024",
      "date.month": "5",
      "date.day": "10",
      status: "done",
      note: "Signed",
      meetingId: String(meeting),
    });
    const entries = historyCount(id);
    const saved = await submit(
      stepEdit.action,
      editPath(id, stepId),
      { ...form, status: "in_progress", note: "Under way" },
      { params: paramsOf(id, stepId) },
    );
    expect(saved).toMatchObject({ status: 302, location: `/initiatives/${id}` });
    expect(stepsOf(id)).toMatchObject([{ id: stepId, status: "in_progress", note: "Under way", meetingId: meeting }]);
    expect(statusOf(id)).toBe("in_progress");
    expect(historyCount(id)).toBe(entries + 1);
  });

  test("the only Done corrected to a note: the initiative is back to the status it was made with", async () => {
    const id = anInitiative({ status: "agreed" });
    const stepId = await aStep(id, { ...on("2024-05-10"), status: "done" });
    expect(statusOf(id)).toBe("done");
    const form = await openedForm(id, stepId);
    const { status, ...noStatus } = form;
    expect(status).toBe("done");
    const saved = await submit(
      stepEdit.action,
      editPath(id, stepId),
      { ...noStatus, note: "Only talked about" },
      { params: paramsOf(id, stepId) },
    );
    expect(saved.status).toBe(302);
    expect(statusOf(id)).toBe("agreed");
  });

  test("the rules of a new step: a happened status dated ahead is refused beside the date, in each language, all typed kept, nothing written", async () => {
    const id = anInitiative();
    const stepId = await aStep(id, { ...on("2024-05-10"), status: "agreed" });
    const form = await openedForm(id, stepId);
    const typed = {
      ...form,
      "date.year": String(tomorrow.getUTCFullYear()),
      "date.month": String(tomorrow.getUTCMonth() + 1),
      "date.day": String(tomorrow.getUTCDate()),
      status: "done",
      note: "Typed ahead",
    };
    const rows = stepsOf(id);
    for (const [language, said] of [
      ["en", "This status means it has happened: the date cannot be in the future."],
      ["kk", "Бұл мәртебе оқиғаның болып өткенін білдіреді: күні болашақта бола алмайды."],
      ["ru", "Этот статус означает, что событие уже произошло: дата не может быть в будущем."],
    ] as const) {
      const refused = await submit(stepEdit.action, editPath(id, stepId), typed, {
        params: paramsOf(id, stepId),
        language,
      });
      expect(refused.status).toBe(400);
      expect(refused.reply!.result.error).toEqual({ date: [said] });
      expect(refused.reply!.result.initialValue).toMatchObject({ status: "done", note: "Typed ahead" });
    }
    // Neither a status nor a note: refused beside the note.
    const { status: _status, ...empty } = form;
    const blank = await submit(stepEdit.action, editPath(id, stepId), empty, { params: paramsOf(id, stepId) });
    expect(blank.status).toBe(400);
    expect(Object.keys(blank.reply!.result.error!)).toEqual(["note"]);
    // A meeting not on file: refused beside the meeting.
    const noMeeting = await submit(
      stepEdit.action,
      editPath(id, stepId),
      { ...form, meetingId: "999999" },
      { params: paramsOf(id, stepId) },
    );
    expect(noMeeting.status).toBe(400);
    expect(noMeeting.reply!.result.error).toEqual({ meetingId: [expect.any(String)] });
    expect(stepsOf(id)).toEqual(rows);
    expect(statusOf(id)).toBe("agreed");
  });

  test("saved over a change made since the form was opened: refused with who and when, all typed kept; sent again, saved", async () => {
    const id = anInitiative();
    const stepId = await aStep(id, { ...on("2024-05-10"), status: "agreed" });
    const editors = await openedForm(id, stepId);
    const admins = await openedForm(id, stepId, "admin");
    const first = await submit(
      stepEdit.action,
      editPath(id, stepId),
      { ...admins, note: "By the administrator" },
      { params: paramsOf(id, stepId), as: "admin" },
    );
    expect(first.status).toBe(302);
    const changed = recordVersion("initiative", id);

    const typed = { ...editors, note: "By the editor" };
    const refused = await submit(stepEdit.action, editPath(id, stepId), typed, {
      params: paramsOf(id, stepId),
      language: "kk",
    });
    expect(refused.status).toBe(409);
    expect(refused.reply!.stale).toMatchObject({ version: changed, historyHref: `/history/initiative/${id}` });
    expect(refused.reply!.stale!.message).toMatch(
      /^Бұл бет ашылғаннан кейін Test admin осы жазбаға өзгеріс сақтады \(/,
    );
    expect(refused.reply!.result.initialValue).toMatchObject({ note: "By the editor" });
    expect(stepsOf(id)[0].note).toBe("By the administrator");

    const again = await submit(
      stepEdit.action,
      editPath(id, stepId),
      { ...typed, version: String(changed) },
      { params: paramsOf(id, stepId) },
    );
    expect(again.status).toBe(302);
    expect(stepsOf(id)[0].note).toBe("By the editor");
  });

  test("the meetings to choose from say whose each was, short, and its number only where two read the same", async () => {
    const partner = aPartner({ nameEn: "Gyeonggi Province" });
    const long = aPartner({ nameEn: "Xinjiang Uyghur Autonomous Region People's Congress Standing Committee" });
    const december = aMeeting({ date: "2026-12-02", partnerId: partner, purpose: "Talks" });
    const twins = [
      aMeeting({ date: "2025-03-04", partnerId: long }),
      aMeeting({ date: "2025-03-04", partnerId: long }),
    ];
    const id = anInitiative();
    const stepId = await aStep(id, { ...on("2024-05-10"), note: "Planned" });
    const { meetings } = await load(stepEdit, editPath(id, stepId), paramsOf(id, stepId));
    expect(meetings).toContainEqual({ value: december, label: "2 December 2026 — Gyeonggi Province" });
    for (const twin of twins)
      expect(meetings).toContainEqual({
        value: twin,
        label: `4 March 2025 — Xinjiang Uyghur Autonomous Region Peopl… (#${twin})`,
      });
    // The form that records a step offers the same.
    const fresh = await load(stepNew, `/initiatives/${id}/step`, { initiativeId: String(id) }, { language: "en" });
    expect(fresh.meetings).toContainEqual({ value: december, label: "2 December 2026 — Gyeonggi Province" });
  });
});

describe("a step deleted", () => {
  test("a mistaken Done, confirmed: gone, the initiative back to its status before it, in its history", async () => {
    const id = anInitiative();
    await aStep(id, { ...on("2024-03-01"), note: "Talks began" });
    const done = await aStep(id, { ...on("2024-05-10"), status: "done", note: "Wrongly recorded" });
    expect(statusOf(id)).toBe("done");

    const page = await load(stepDelete, deletePath(id, done), paramsOf(id, done));
    expect(page.name).toBe("Done · 10 May 2024");
    expect(page.details).toContainEqual({ label: "What happened", value: "Wrongly recorded" });
    expect(page.version).toBe(recordVersion("initiative", id));
    const entries = historyCount(id);
    const deleted = await submit(
      stepDelete.action,
      deletePath(id, done),
      { version: String(page.version) },
      { params: paramsOf(id, done) },
    );
    expect(deleted).toMatchObject({ status: 302, location: `/initiatives/${id}` });
    expect(stepsOf(id).map((step) => step.note)).toEqual(["Talks began"]);
    expect(statusOf(id)).toBe("proposed");
    expect(historyCount(id)).toBe(entries + 1);
  });

  test("an earlier step with a status stays what the initiative's status is", async () => {
    const id = anInitiative();
    await aStep(id, { ...on("2024-03-01"), status: "in_progress" });
    const done = await aStep(id, { ...on("2024-05-10"), status: "done" });
    const { version } = await load(stepDelete, deletePath(id, done), paramsOf(id, done));
    await submit(stepDelete.action, deletePath(id, done), { version: String(version) }, { params: paramsOf(id, done) });
    expect(statusOf(id)).toBe("in_progress");
  });

  test("confirmed on a page opened before the initiative changed: refused with who and when, nothing deleted", async () => {
    const id = anInitiative();
    const stepId = await aStep(id, { ...on("2024-05-10"), status: "agreed" });
    const page = await load(stepDelete, deletePath(id, stepId), paramsOf(id, stepId));
    const admins = await openedForm(id, stepId, "admin");
    await submit(
      stepEdit.action,
      editPath(id, stepId),
      { ...admins, note: "Noted" },
      {
        params: paramsOf(id, stepId),
        as: "admin",
      },
    );
    const refused = await submit(
      stepDelete.action,
      deletePath(id, stepId),
      { version: String(page.version) },
      { params: paramsOf(id, stepId), language: "ru" },
    );
    expect(refused.status).toBe(409);
    expect(refused.reply!.stale!.message).toMatch(/^С тех пор как эта страница была открыта, Test admin /);
    expect(stepsOf(id)).toMatchObject([{ id: stepId, note: "Noted" }]);
  });

  test("the only step tying a meeting to the initiative: the meeting's page still opens, no longer listing it", async () => {
    const partner = aPartner({ nameEn: "Busan" });
    const meeting = aMeeting({ date: "2024-05-10", partnerId: partner, purpose: "Port cooperation" });
    const id = anInitiative({ titleEn: "Busan port days", partnerId: partner });
    const stepId = await aStep(id, { ...on("2024-05-10"), status: "agreed", meetingId: String(meeting) });
    const opened = async () =>
      (await load(meetingPage as Route, `/meetings/${meeting}`, { meetingId: String(meeting) })) as { body: string };
    expect((await opened()).body).toContain("Busan port days");
    const { version } = await load(stepDelete, deletePath(id, stepId), paramsOf(id, stepId));
    const deleted = await submit(
      stepDelete.action,
      deletePath(id, stepId),
      { version: String(version) },
      { params: paramsOf(id, stepId) },
    );
    expect(deleted.status).toBe(302);
    const after = await opened();
    expect(after.body).toContain("Port cooperation");
    expect(after.body).not.toContain("Busan port days");
  });
});

describe("a step not there", () => {
  test("a step of another initiative in the address: not found, on every page and post, nothing written", async () => {
    const mine = anInitiative();
    const other = anInitiative();
    const theirs = await aStep(other, { ...on("2024-05-10"), status: "done" });
    const params = paramsOf(mine, theirs);
    for (const route of [stepEdit, stepDelete])
      await expect(load(route, editPath(mine, theirs), params)).rejects.toMatchObject({ status: 404 });
    const version = String(recordVersion("initiative", mine));
    const fields = { ...on("2024-05-10"), status: "agreed", version };
    expect((await submit(stepEdit.action, editPath(mine, theirs), fields, { params })).status).toBe(404);
    expect((await submit(stepDelete.action, deletePath(mine, theirs), { version }, { params })).status).toBe(404);
    expect(stepsOf(other)).toMatchObject([{ id: theirs, status: "done" }]);
  });

  test("deleted while its form was open: the save is refused with who deleted it and when, all typed kept; its pages say so (410)", async () => {
    const id = anInitiative();
    const stepId = await aStep(id, { ...on("2024-05-10"), status: "done" });
    const params = paramsOf(id, stepId);
    const form = await openedForm(id, stepId);
    const byAdmin = await submit(stepDelete.action, deletePath(id, stepId), form, { params, as: "admin" });
    expect(byAdmin.status).toBe(302);
    const rows = stepsOf(id);

    const typed = { ...form, note: "Typed after the delete" };
    for (const [language, said] of [
      ["en", /^Since this page was opened, Test admin has deleted this step \(/],
      ["kk", /^Бұл бет ашылғаннан кейін Test admin осы қадамды жойды \(/],
    ] as const) {
      const refused = await submit(stepEdit.action, editPath(id, stepId), typed, { params, language });
      expect(refused.status).toBe(409);
      expect(refused.reply!.stale).toMatchObject({ deleted: true, historyHref: `/history/initiative/${id}` });
      expect(refused.reply!.stale!.message).toMatch(said);
      expect(refused.reply!.result.initialValue).toMatchObject({ note: "Typed after the delete" });
    }
    expect(stepsOf(id)).toEqual(rows);

    for (const [route, path] of [
      [stepEdit, editPath(id, stepId)],
      [stepDelete, deletePath(id, stepId)],
    ] as const) {
      for (const [language, said] of [
        ["en", /^Test admin deleted this step of the initiative \(\d+ [A-Z][a-z]+ 20\d\d, \d\d:\d\d\)\.$/],
        ["ru", /^Test admin удалил\(а\) этот шаг инициативы \(/],
      ] as const)
        await expect(load(route, path, params, { language })).rejects.toMatchObject({
          init: { status: 410 },
          data: {
            gone: {
              message: expect.stringMatching(said),
              historyHref: `/history/initiative/${id}`,
              step: true,
              stepOf: "initiative",
            },
          },
        });
    }
    // Its delete confirmed again on the page opened before: the same 410, nothing written.
    const again = await submit(stepDelete.action, deletePath(id, stepId), form, { params });
    expect(again.status).toBe(410);
    expect(stepsOf(id)).toEqual(rows);
  });
});

describe("the initiative's page", () => {
  // Its children as createElement's third argument (this file is not JSX).
  const Translated = TranslationProvider as (
    props: Omit<ComponentProps<typeof TranslationProvider>, "children">,
  ) => ReactNode;
  /** The page as the server renders it for `role`, with the data its loader gives. */
  async function rendered(id: number, role: "viewer" | "editor") {
    const data = await load(initiativePage as Route, `/initiatives/${id}`, { initiativeId: String(id) }, { role });
    const user = { id: 1, name: `Test ${role}`, email: `${role}@test.kezdesu`, role };
    const handler = createStaticHandler([
      {
        id: "root",
        loader: () => ({ user }),
        element: createElement(Translated, { lng: "en", strings: translations.en }, createElement(Outlet)),
        children: [
          {
            id: "routes/initiatives.$initiativeId",
            path: "/initiatives/:initiativeId",
            loader: () => data,
            element: createElement(initiativePage.default),
          },
        ],
      },
    ]);
    const context = await handler.query(new Request(`http://localhost/initiatives/${id}`));
    if (context instanceof Response) throw new Error("unexpected redirect");
    return renderToString(
      createElement(StaticRouterProvider, { router: createStaticRouter(handler.dataRoutes, context), context }),
    );
  }

  test("each step has links to correct and delete it for editors, named by its date; none for viewers", async () => {
    const id = anInitiative();
    const stepId = await aStep(id, { ...on("2024-05-10"), status: "agreed" });
    // Each link as a screen reader names it, where it goes, and what it shows.
    const links = (html: string) =>
      [...html.matchAll(/<a aria-label="([^"]*)"[^>]*href="([^"]*)"[^>]*>([^<]*)<\/a>/g)].map(
        ([, name, href, text]) => ({
          name,
          href,
          text,
        }),
      );
    expect(links(await rendered(id, "editor"))).toEqual([
      { name: "Correct the step of 10 May 2024", href: `/initiatives/${id}/steps/${stepId}/edit`, text: "Correct" },
      { name: "Delete the step of 10 May 2024", href: `/initiatives/${id}/steps/${stepId}/delete`, text: "Delete" },
    ]);
    const viewers = await rendered(id, "viewer");
    expect(viewers).toContain("Agreed");
    expect(viewers).not.toContain(`/steps/${stepId}/`);
  });
});
