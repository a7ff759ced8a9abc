/**
 * Two people editing one record: the second to save is refused, not saved over the first's
 * change unseen (a lost update), with everything typed kept, who changed the record and when,
 * and the record's newest version in the form, so that saving again replaces that change
 * knowingly. The same for a draft restored into an edit form after the record changed: it
 * carries the version it was typed against.
 */
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { describe, expect, test } from "vitest";
import type { AuditedRecordType } from "~db/schema";
import { getDb } from "~/db.server";
import { recordVersion } from "~/models/record-versions.server";
import { restore } from "~/models/history.server";
import { getPartner } from "~/models/partners/read.server";
import { updatePartner } from "~/models/partners/write.server";
import * as history from "~/routes/history.$recordType.$recordId";
import * as delegationEdit from "~/routes/delegations.$delegationId_.edit";
import * as initiativeEdit from "~/routes/initiatives.$initiativeId_.edit";
import * as meetingEdit from "~/routes/meetings.$meetingId_.edit";
import * as organisationEdit from "~/routes/organisations.$organisationId_.edit";
import * as partnerEdit from "~/routes/partners.$partnerId_.edit";
import * as personEdit from "~/routes/people.$personId_.edit";
import * as relationEdit from "~/routes/relations.$relationId.edit";
import * as stepEdit from "~/routes/relations.$relationId.steps.$stepId.edit";
import * as partnerDelete from "~/routes/partners.$partnerId_.delete";
import * as personDelete from "~/routes/people.$personId_.delete";
import * as organisationDelete from "~/routes/organisations.$organisationId_.delete";
import * as delegationDelete from "~/routes/delegations.$delegationId_.delete";
import * as initiativeDelete from "~/routes/initiatives.$initiativeId_.delete";
import * as meetingDelete from "~/routes/meetings.$meetingId_.delete";
import * as relationDelete from "~/routes/relations.$relationId.delete";
import * as stepDelete from "~/routes/relations.$relationId.steps.$stepId.delete";
import { accountFor, cookieFor } from "./support/accounts";
import {
  aDelegation,
  aMeeting,
  anInitiative,
  anOrganisation,
  aPartner,
  aPerson,
  aRelation,
  aRelationStep,
} from "./support/factories";
import { submit } from "./support/forms";

type Fields = Record<string, string | string[]>;

/** A form's initial values as the fields a browser posts (conform's names: `a.b`, `a[0].b`). */
function fieldsOf(value: unknown, name = "", fields: Fields = {}): Fields {
  if (value === null || value === undefined || value === false) return fields;
  if (Array.isArray(value)) value.forEach((item, index) => fieldsOf(item, `${name}[${index}]`, fields));
  else if (typeof value === "object")
    for (const [key, item] of Object.entries(value)) fieldsOf(item, name ? `${name}.${key}` : key, fields);
  else fields[name] = value === true ? "on" : String(value);
  return fields;
}

type Case = {
  type: AuditedRecordType;
  path: string;
  route: {
    loader: (args: LoaderFunctionArgs) => Promise<Record<string, unknown>>;
    action: (args: ActionFunctionArgs) => unknown;
  };
  /** The record made, its id for the history, the route's params and the loader's form values. */
  make: () => { id: number; params: Record<string, string> };
  form: (data: Record<string, unknown>) => unknown;
  /** A field both editors change. */
  field: string;
  /** The record's delete page, confirmed on it. */
  remove: { path: string; route: Case["route"] };
  /** Where the whole record is deleted, when the delete page deletes a part of it (a relation's step). */
  removeRecord?: { path: string; route: Case["route"] };
};

/** Rows of every table that holds records (not the accounts' sessions and logs): a refused save writes none. */
function recordRows() {
  const sqlite = getDb().$client;
  const tables = sqlite
    .prepare(
      `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '%_fts%'
         AND name NOT IN ('sessions', 'users', 'sign_in_failures', 'security_log', 'pending_changes', 'api_tokens', 'calendar_feeds', '__drizzle_migrations')`,
    )
    .pluck()
    .all() as string[];
  return Object.fromEntries(
    tables.map((table) => [table, sqlite.prepare(`SELECT count(*) FROM "${table}"`).pluck().get() as number]),
  );
}

const cases: Case[] = [
  {
    type: "partner",
    path: "/partners/1/edit",
    route: partnerEdit,
    make: () => {
      const id = aPartner();
      return { id, params: { partnerId: String(id) } };
    },
    form: (data) => data.partner,
    field: "nameEn",
    remove: { path: "/partners/1/delete", route: partnerDelete },
  },
  {
    type: "person",
    path: "/people/1/edit",
    route: personEdit,
    make: () => {
      const id = aPerson();
      return { id, params: { personId: String(id) } };
    },
    form: (data) => data.person,
    field: "nameEn",
    remove: { path: "/people/1/delete", route: personDelete },
  },
  {
    type: "organisation",
    path: "/organisations/1/edit",
    route: organisationEdit,
    make: () => {
      const id = anOrganisation(aPartner());
      return { id, params: { organisationId: String(id) } };
    },
    form: (data) => data.organisation,
    field: "nameEn",
    remove: { path: "/organisations/1/delete", route: organisationDelete },
  },
  {
    type: "delegation",
    path: "/delegations/1/edit",
    route: delegationEdit,
    make: () => {
      const id = aDelegation({ partnerId: aPartner(), purpose: "A visit" });
      return { id, params: { delegationId: String(id) } };
    },
    form: (data) => data.delegation,
    field: "purpose",
    remove: { path: "/delegations/1/delete", route: delegationDelete },
  },
  {
    type: "initiative",
    path: "/initiatives/1/edit",
    route: initiativeEdit,
    make: () => {
      const id = anInitiative();
      return { id, params: { initiativeId: String(id) } };
    },
    form: (data) => data.initiative,
    field: "titleEn",
    remove: { path: "/initiatives/1/delete", route: initiativeDelete },
  },
  {
    type: "meeting",
    path: "/meetings/1/edit",
    route: meetingEdit,
    make: () => {
      const id = aMeeting({ partnerId: aPartner(), date: "2017-06-10", purpose: "EXPO-2017" });
      return { id, params: { meetingId: String(id) } };
    },
    form: (data) => data.meeting,
    field: "purpose",
    remove: { path: "/meetings/1/delete", route: meetingDelete },
  },
  {
    type: "relation",
    path: "/relations/1/edit",
    route: relationEdit,
    make: () => {
      const id = aRelation(aPartner(), { date: "2012" });
      return { id, params: { relationId: String(id) } };
    },
    form: (data) => data.defaultValue,
    field: "note",
    remove: { path: "/relations/1/delete", route: relationDelete },
  },
  {
    type: "relation",
    path: "/relations/1/steps/1/edit",
    route: stepEdit,
    make: () => {
      const id = aRelation(aPartner(), { date: "2012" });
      const step = aRelationStep(id, { date: "2015", status: "active" });
      return { id, params: { relationId: String(id), stepId: String(step.id) } };
    },
    form: (data) => data.step,
    field: "note",
    remove: { path: "/relations/1/steps/1/delete", route: stepDelete },
    removeRecord: { path: "/relations/1/delete", route: relationDelete },
  },
];

describe.each(cases)(
  "editing a $type at $path while someone else saves it",
  ({ type, path, route, make, form, field, remove, removeRecord = remove }) => {
    /** Opens one of the record's pages (its form, its delete page) as `role`, in `language`. */
    const loading =
      (params: Record<string, string>) =>
      async (page: { path: string; route: Case["route"] }, role: "editor" | "admin", language = "en") =>
        page.route.loader({
          request: new Request(`http://localhost${page.path}`, {
            headers: { Cookie: await cookieFor(role), "Accept-Language": language },
          }),
          params,
          context: {},
        });
    test("the second save is refused with who and when, nothing written, all typed kept; saved again, it is saved", async () => {
      const { id, params } = make();
      const opened = async (language: string, role: "editor" | "admin") =>
        fieldsOf(
          form(
            await route.loader({
              request: new Request(`http://localhost${path}`, {
                headers: { Cookie: await cookieFor(role), "Accept-Language": language },
              }),
              params,
              context: {},
            }),
          ),
        );
      // Both open the form; the administrator saves first.
      const editors = await opened("kk", "editor");
      const admins = await opened("en", "admin");
      expect(editors.version).toBe(String(recordVersion(type, id)));
      const first = await submit(
        route.action,
        path,
        { ...admins, [field]: "Changed by the administrator" },
        { params, as: "admin" },
      );
      expect(first.status).toBe(302);
      const afterFirst = recordVersion(type, id);
      expect(afterFirst).toBeGreaterThan(Number(editors.version));

      const typed = { ...editors, [field]: "Typed by the editor" };
      const refused = await submit(route.action, path, typed, { params, language: "kk" });
      expect(refused.status).toBe(409);
      const stale = refused.reply!.stale!;
      expect(stale.message).toMatch(
        /^Бұл бет ашылғаннан кейін Test admin осы жазбаға өзгеріс сақтады \(20\d\d жылғы \d+ [а-яәіңғүұқөһ]+, \d\d:\d\d\)\.$/,
      );
      expect(stale.version).toBe(afterFirst);
      expect(stale.historyHref).toBe(`/history/${type}/${id}`);
      expect(refused.reply!.result.initialValue).toMatchObject({ [field]: "Typed by the editor" });
      expect(recordVersion(type, id)).toBe(afterFirst);

      // Sent again with the version the notice gave: the editor's value replaces the administrator's.
      const again = await submit(route.action, path, { ...typed, version: String(stale.version) }, { params });
      expect(again.status).toBe(302);
      expect(recordVersion(type, id)).toBeGreaterThan(afterFirst);
      expect((await opened("en", "editor"))[field]).toBe("Typed by the editor");
    });

    test("a delete confirmed on a page opened before someone saved the record is refused with who and when; confirmed again, it is deleted", async () => {
      const { id, params } = make();
      const load = loading(params);
      const edit = { path, route };
      const confirmation = await load(remove, "editor", "kk");
      expect(confirmation.version).toBe(recordVersion(type, id));
      const admins = fieldsOf(form(await load(edit, "admin")));
      const changedBy = await submit(
        route.action,
        path,
        { ...admins, [field]: "Changed before the delete" },
        {
          params,
          as: "admin",
        },
      );
      expect(changedBy.status).toBe(302);
      const changed = recordVersion(type, id);

      const refused = await submit(
        remove.route.action,
        remove.path,
        { version: String(confirmation.version) },
        {
          params,
          language: "kk",
        },
      );
      expect(refused.status).toBe(409);
      expect(refused.reply!.stale!.message).toMatch(
        /^Бұл бет ашылғаннан кейін Test admin осы жазбаға өзгеріс сақтады \(/,
      );
      expect(refused.reply!.stale!.version).toBe(changed);
      expect(recordVersion(type, id)).toBe(changed);
      expect(fieldsOf(form(await load(edit, "editor")))[field]).toBe("Changed before the delete");

      const deleted = await submit(remove.route.action, remove.path, { version: String(changed) }, { params });
      expect(deleted.status).toBe(302);
      // Deleted, the record or the relation's step: its form says so (410), who deleted it and when.
      await expect(load(edit, "editor")).rejects.toMatchObject({
        init: { status: 410 },
        data: { gone: { message: expect.stringMatching(/^You deleted this (record|step of the relation) \(/) } },
      });
    });

    test("a save or a delete after someone else deleted the record: refused, saying who deleted it and when, all typed kept, nothing written; restored, it saves", async () => {
      const { id, params } = make();
      const load = loading(params);
      // The editor opens the form and the delete page; the administrator deletes the record.
      const editors = fieldsOf(form(await load({ path, route }, "editor", "ru")));
      const confirmation = await load(remove, "editor");
      const byAdmin = await submit(removeRecord.route.action, removeRecord.path, {}, { params, as: "admin" });
      expect(byAdmin.status).toBe(302);
      const deletion = recordVersion(type, id);
      const rows = recordRows();
      // Opened now, its form and its delete page say who deleted it and when (410), not "page not found".
      for (const page of [{ path, route }, remove]) {
        await expect(load(page, "editor")).rejects.toMatchObject({
          init: { status: 410 },
          data: {
            gone: {
              message: expect.stringMatching(
                /^Test admin deleted this record \(\d+ [A-Z][a-z]+ 20\d\d, \d\d:\d\d\)\.$/,
              ),
              historyHref: `/history/${type}/${id}`,
            },
          },
        });
      }

      const typed = { ...editors, [field]: "Typed after the delete" };
      const refused = await submit(route.action, path, typed, { params, language: "ru" });
      expect(refused.status).toBe(409);
      expect(refused.reply!.stale).toMatchObject({
        deleted: true,
        version: deletion,
        historyHref: `/history/${type}/${id}`,
      });
      expect(refused.reply!.stale!.message).toMatch(
        /^С тех пор как эта страница была открыта, Test admin удалил\(а\) эту запись \(\d+ [а-я]+ 20\d\d, \d\d:\d\d\)\.$/,
      );
      expect(refused.reply!.result.initialValue).toMatchObject({ [field]: "Typed after the delete" });
      // Sent with no version, as a script would, or with the deletion's own: refused the same.
      const unversioned = Object.fromEntries(Object.entries(typed).filter(([name]) => name !== "version"));
      for (const fields of [unversioned, { ...typed, version: String(deletion) }]) {
        const again = await submit(route.action, path, fields, { params });
        expect(again.status).toBe(409);
        expect(again.reply!.stale!.deleted).toBe(true);
      }
      // The delete confirmed on the page opened before: nothing left to delete, said in Kazakh.
      const confirmed = await submit(
        remove.route.action,
        remove.path,
        { version: String(confirmation.version) },
        { params, language: "kk" },
      );
      expect(confirmed.status).toBe(409);
      expect(confirmed.reply!.stale!.message).toMatch(/^Бұл бет ашылғаннан кейін Test admin осы жазбаны жойды \(/);
      expect(recordRows()).toEqual(rows);
      expect(recordVersion(type, id)).toBe(deletion);

      // Restored from the bin: the save is refused once more, for the restore, then saved.
      expect(restore(type, id, { userId: (await accountFor("admin")).id }).ok).toBe(true);
      const afterRestore = await submit(route.action, path, { ...typed, version: String(deletion) }, { params });
      expect(afterRestore.status).toBe(409);
      expect(afterRestore.reply!.stale!.deleted).toBe(false);
      const saved = await submit(
        route.action,
        path,
        { ...typed, version: String(afterRestore.reply!.stale!.version) },
        { params },
      );
      expect(saved.status).toBe(302);
      expect(fieldsOf(form(await load({ path, route }, "editor")))[field]).toBe("Typed after the delete");
    });
  },
);

describe("a relation's step deleted while its edit form was open", () => {
  test("its save is refused with who deleted the step and when, all typed kept, nothing written; a step never there is a 404", async () => {
    const relationId = aRelation(aPartner(), { date: "2012" });
    const step = aRelationStep(relationId, { date: "2015", status: "active" });
    const params = { relationId: String(relationId), stepId: String(step.id) };
    const path = `/relations/${relationId}/steps/${step.id}/edit`;
    const opened = fieldsOf(
      (
        await stepEdit.loader({
          request: new Request(`http://localhost${path}`, { headers: { Cookie: await cookieFor("editor") } }),
          params,
          context: {},
        })
      ).step,
    );
    const deleted = await submit(
      stepDelete.action,
      `/relations/${relationId}/steps/${step.id}/delete`,
      { version: opened.version },
      { params, as: "admin" },
    );
    expect(deleted.status).toBe(302);
    // A later change to the relation (another step, recorded by a program) does not become the deletion.
    aRelationStep(relationId, { date: "2020", status: "signed" });
    const rows = recordRows();

    const typed = { ...opened, note: "Typed after the step was deleted" };
    for (const [language, said] of [
      [
        "ru",
        /^С тех пор как эта страница была открыта, Test admin удалил\(а\) этот шаг \(\d+ [а-я]+ 20\d\d, \d\d:\d\d\)\.$/,
      ],
      ["kk", /^Бұл бет ашылғаннан кейін Test admin осы қадамды жойды \(/],
      ["en", /^Since this page was opened, Test admin has deleted this step \(/],
    ] as const) {
      const refused = await submit(stepEdit.action, path, typed, { params, language });
      expect(refused.status).toBe(409);
      expect(refused.reply!.stale).toMatchObject({
        deleted: true,
        step: true,
        version: recordVersion("relation", relationId),
        historyHref: `/history/relation/${relationId}`,
      });
      expect(refused.reply!.stale!.message).toMatch(said);
      expect(refused.reply!.result.initialValue).toMatchObject({ note: "Typed after the step was deleted" });
    }
    expect(recordRows()).toEqual(rows);

    // Opened again, its form and its delete page say who deleted the step (410), and where the
    // relation's history shows it; its delete, confirmed on the page opened before, says the same.
    for (const page of [
      { route: stepEdit, path },
      { route: stepDelete, path: `/relations/${relationId}/steps/${step.id}/delete` },
    ]) {
      const request = new Request(`http://localhost${page.path}`, {
        headers: { Cookie: await cookieFor("admin"), "Accept-Language": "kk" },
      });
      await expect(page.route.loader({ request, params, context: {} })).rejects.toMatchObject({
        init: { status: 410 },
        data: {
          gone: {
            message: expect.stringMatching(/^Сіз қарым-қатынастың бұл қадамын жойдыңыз \(\d+/),
            historyHref: `/history/relation/${relationId}`,
            step: true,
          },
        },
      });
    }
    const confirmedAgain = await submit(
      stepDelete.action,
      `/relations/${relationId}/steps/${step.id}/delete`,
      { version: opened.version },
      { params },
    );
    expect(confirmedAgain.status).toBe(410);
    expect(recordRows()).toEqual(rows);

    // Sent with no version, as a script would: refused the same. To a step the relation never had: not found.
    const unversioned = Object.fromEntries(Object.entries(typed).filter(([name]) => name !== "version"));
    const scripted = await submit(stepEdit.action, path, unversioned, { params });
    expect(scripted.status).toBe(409);
    expect(scripted.reply!.stale!.message).toMatch(/^Since this page was opened, Test admin has deleted this step/);
    const never = { ...params, stepId: String(step.id + 1000) };
    expect((await submit(stepEdit.action, path, typed, { params: never })).status).toBe(404);
    expect(recordRows()).toEqual(rows);
  });
});

describe("a delete confirmed after a record came to refer to it", () => {
  test("is refused with what refers to it now, nothing deleted; with no version sent, it is not checked; with one no page sends, it is refused", async () => {
    const id = aPartner({ nameEn: "Referred Later City" });
    const params = { partnerId: String(id) };
    const confirmation = await partnerDelete.loader({
      request: new Request("http://localhost/partners/1/delete", { headers: { Cookie: await cookieFor("editor") } }),
      params,
      context: {},
    });
    expect(confirmation.references).toMatchObject({ organisations: 0 });
    anOrganisation(id);
    const refused = await submit(
      partnerDelete.action,
      "/partners/1/delete",
      {
        version: String(confirmation.version),
      },
      { params },
    );
    expect(refused.status).toBe(409);
    expect(refused.reply).toMatchObject({ references: { organisations: 1 } });
    expect(refused.reply!.stale).toBeUndefined();
    expect(getPartner(id, "en")!.name).toBe("Referred Later City");

    const unreferenced = aPartner({ nameEn: "Scripted Delete City" });
    const version = recordVersion("partner", unreferenced);
    updatePartner(
      unreferenced,
      { kind: "city", countryCode: "CN", nameEn: "Scripted Delete City, renamed" },
      {
        userId: (await accountFor("admin")).id,
      },
    );
    expect(recordVersion("partner", unreferenced)).toBeGreaterThan(version);
    // A version no page sends counts as none seen: refused with the newest, nothing deleted.
    for (const version of ["<script>1</script>", ["1", "2"], "-1"]) {
      const partnerId = aPartner();
      const malformed = await submit(
        partnerDelete.action,
        "/partners/1/delete",
        { version },
        {
          params: { partnerId: String(partnerId) },
        },
      );
      expect(malformed.status).toBe(409);
      expect(malformed.reply!.stale!.version).toBe(recordVersion("partner", partnerId));
      expect(getPartner(partnerId, "en")).not.toBeNull();
    }
    const scripted = await submit(
      partnerDelete.action,
      "/partners/1/delete",
      {},
      {
        params: { partnerId: String(unreferenced) },
      },
    );
    expect(scripted.status).toBe(302);
    expect(getPartner(unreferenced, "en")).toBeNull();
  });
});

describe("who is said to have changed it", () => {
  test("the same account, from another tab: 'you'; a form sent with no version is not checked, one with a version no page sends is refused", async () => {
    const id = aPartner({ nameEn: "Two Tabs City" });
    const params = { partnerId: String(id) };
    const version = String(recordVersion("partner", id));
    const base = { kind: "city", countryCode: "CN", version };
    expect(
      (await submit(partnerEdit.action, "/partners/1/edit", { ...base, nameEn: "Tab one" }, { params })).status,
    ).toBe(302);
    const second = await submit(
      partnerEdit.action,
      "/partners/1/edit",
      { ...base, nameEn: "Tab two" },
      { params, language: "ru" },
    );
    expect(second.status).toBe(409);
    expect(second.reply!.stale!.message).toMatch(
      /^С тех пор как эта страница была открыта, вы сохранили изменение этой записи в другой вкладке, окне или на другом устройстве \(\d+ [а-я]+ 20\d\d, \d\d:\d\d\)\.$/,
    );
    const unversioned = await submit(
      partnerEdit.action,
      "/partners/1/edit",
      { kind: "city", countryCode: "CN", nameEn: "No version" },
      { params },
    );
    expect(unversioned.status).toBe(302);
    for (const malformed of ["1e3", "<b>1</b>", [version, version]]) {
      const refused = await submit(
        partnerEdit.action,
        "/partners/1/edit",
        { kind: "city", countryCode: "CN", nameEn: "Malformed version", version: malformed },
        { params },
      );
      expect(refused.status).toBe(409);
      expect(refused.reply!.stale!.version).toBe(recordVersion("partner", id));
    }
    expect(getPartner(id, "en")!.name).toBe("No version");
  });
});

describe("a change another program wrote into the file", () => {
  const outside = (id: number, name: string) =>
    getDb().$client.prepare("UPDATE partners SET name_en = ? WHERE id = ?").run(name, id);
  const fields = (version: number, nameEn: string) => ({
    kind: "city",
    countryCode: "CN",
    nameEn,
    version: String(version),
  });

  test("made before the form was opened: the form shows it, and its save is not refused", async () => {
    const id = aPartner({ nameEn: "Outside Before" });
    outside(id, "Outside Before, changed in the file");
    const params = { partnerId: String(id) };
    const opened = await partnerEdit.loader({
      request: new Request("http://localhost/partners/1/edit", { headers: { Cookie: await cookieFor("editor") } }),
      params,
      context: {},
    });
    expect(opened.partner.nameEn).toBe("Outside Before, changed in the file");
    const saved = await submit(
      partnerEdit.action,
      "/partners/1/edit",
      fields(opened.partner.version, "Outside Before, edited"),
      {
        params,
      },
    );
    expect(saved.status).toBe(302);
  });

  test("made after: refused, said as a change made outside the app", async () => {
    const id = aPartner({ nameEn: "Outside After" });
    const version = recordVersion("partner", id);
    outside(id, "Outside After, changed in the file");
    const params = { partnerId: String(id) };
    const refused = await submit(partnerEdit.action, "/partners/1/edit", fields(version, "Outside After, edited"), {
      params,
    });
    expect(refused.status).toBe(409);
    expect(refused.reply!.stale!.message).toMatch(
      /^Since this page was opened, this record has been changed outside the app \(\d+ [A-Z][a-z]+ 20\d\d, \d\d:\d\d\)\.$/,
    );
  });
});

describe("returning a record to an earlier version from its history", () => {
  test("a change made since the history was opened refuses it, said with who; sent again, it is done", async () => {
    const id = aPartner({ nameEn: "Revert City" });
    const created = recordVersion("partner", id);
    const admin = { userId: (await accountFor("admin")).id };
    const input = { kind: "city" as const, countryCode: "CN" };
    updatePartner(id, { ...input, nameEn: "Revert City, renamed" }, admin);
    const shown = recordVersion("partner", id);
    // The history is open at `shown`; the administrator renames it again.
    updatePartner(id, { ...input, nameEn: "Revert City, renamed again" }, admin);
    const params = { recordType: "partner", recordId: String(id) };
    const fields = (version: number) => ({ entryId: String(created), version: String(version) });

    const refused = await submit(history.action, `/history/partner/${id}`, fields(shown), { params });
    expect((refused.reply as unknown as { error: string }).error).toMatch(
      /^Since this page was opened, Test admin has saved a change to this record \(.+\)\. Nothing was reverted: that change is now the newest version below\.$/,
    );
    expect(getPartner(id, "en")!.name).toBe("Revert City, renamed again");
    // Two versions, as no page sends: refused as having seen none, whichever comes last.
    const twice = await submit(
      history.action,
      `/history/partner/${id}`,
      { entryId: String(created), version: [String(shown), String(recordVersion("partner", id))] },
      { params },
    );
    expect((twice.reply as unknown as { error: string }).error).toMatch(/^Since this page was opened, /);
    expect(getPartner(id, "en")!.name).toBe("Revert City, renamed again");

    const done = await submit(history.action, `/history/partner/${id}`, fields(recordVersion("partner", id)), {
      params,
    });
    expect(done.status).toBe(302);
    expect(getPartner(id, "en")!.name).toBe("Revert City");
  });
});
