/**
 * A record's page opened after the record was deleted (a link kept in a letter, a bookmark, a tab
 * left open) says what became of it: who deleted it and when, in the reader's language, with its
 * history, where an administrator can bring it back (410). An address no record ever had is
 * still "page not found" (404).
 */
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { describe, expect, test } from "vitest";
import type { Actor } from "~db/history";
import type { AuditedRecordType } from "~db/schema";
import { getDb } from "~/db.server";
import { deleteDelegation } from "~/models/delegations.server";
import { deleteInitiative } from "~/models/initiatives/write.server";
import { deleteMeeting } from "~/models/meetings/write.server";
import { deleteOrganisation } from "~/models/organisations.server";
import { deletePartner } from "~/models/partners/write.server";
import { deletePerson } from "~/models/people/write.server";
import { deleteRelation } from "~/models/relations/write.server";
import * as delegationPage from "~/routes/delegations.$delegationId";
import * as documentsOf from "~/routes/documents.of.$parent.$parentId";
import * as initiativePage from "~/routes/initiatives.$initiativeId";
import * as initiativeStep from "~/routes/initiatives.$initiativeId_.step";
import * as meetingPage from "~/routes/meetings.$meetingId";
import * as organisationPage from "~/routes/organisations.$organisationId";
import * as partnerPage from "~/routes/partners.$partnerId";
import * as partnerBriefing from "~/routes/partners.$partnerId_.briefing";
import * as partnerRelation from "~/routes/partners.$partnerId_.relation";
import * as personPage from "~/routes/people.$personId";
import * as relationStep from "~/routes/relations.$relationId.step";
import { accountFor, cookieFor } from "./support/accounts";
import { submit } from "./support/forms";
import { aDelegation, aMeeting, anInitiative, anOrganisation, aPartner, aPerson, aRelation } from "./support/factories";

type Page = {
  name: string;
  type: AuditedRecordType;
  table: string;
  param: string;
  loader: (args: LoaderFunctionArgs) => Promise<unknown>;
  make: () => number;
  remove: (id: number, actor: Actor) => unknown;
  /** Other parts of the page's address. */
  also?: Record<string, string>;
};

const pages: Page[] = [
  {
    name: "a partner",
    type: "partner",
    table: "partners",
    param: "partnerId",
    loader: partnerPage.loader,
    make: () => aPartner(),
    remove: deletePartner,
  },
  {
    name: "a partner's briefing",
    type: "partner",
    table: "partners",
    param: "partnerId",
    loader: partnerBriefing.loader,
    make: () => aPartner(),
    remove: deletePartner,
  },
  {
    name: "a partner's new relation",
    type: "partner",
    table: "partners",
    param: "partnerId",
    loader: partnerRelation.loader,
    make: () => aPartner(),
    remove: deletePartner,
  },
  {
    name: "a person",
    type: "person",
    table: "people",
    param: "personId",
    loader: personPage.loader,
    make: () => aPerson(),
    remove: deletePerson,
  },
  {
    name: "an organisation",
    type: "organisation",
    table: "organisations",
    param: "organisationId",
    loader: organisationPage.loader,
    make: () => anOrganisation(aPartner()),
    remove: deleteOrganisation,
  },
  {
    name: "a delegation",
    type: "delegation",
    table: "delegations",
    param: "delegationId",
    loader: delegationPage.loader,
    make: () => aDelegation({ partnerId: aPartner(), purpose: "A visit" }),
    remove: deleteDelegation,
  },
  {
    name: "an initiative",
    type: "initiative",
    table: "initiatives",
    param: "initiativeId",
    loader: initiativePage.loader,
    make: () => anInitiative(),
    remove: deleteInitiative,
  },
  {
    name: "an initiative's new step",
    type: "initiative",
    table: "initiatives",
    param: "initiativeId",
    loader: initiativeStep.loader,
    make: () => anInitiative(),
    remove: deleteInitiative,
  },
  {
    name: "a meeting",
    type: "meeting",
    table: "meetings",
    param: "meetingId",
    loader: meetingPage.loader,
    make: () => aMeeting({ partnerId: aPartner(), date: "2017-06-10", purpose: "EXPO-2017" }),
    remove: deleteMeeting,
  },
  {
    name: "a meeting's documents",
    type: "meeting",
    table: "meetings",
    param: "parentId",
    also: { parent: "meeting" },
    loader: documentsOf.loader,
    make: () => aMeeting({ partnerId: aPartner(), date: "2017-06-10", purpose: "EXPO-2017" }),
    remove: deleteMeeting,
  },
  {
    name: "a relation's new step",
    type: "relation",
    table: "relations",
    param: "relationId",
    loader: relationStep.loader,
    make: () => aRelation(aPartner(), { date: "2012" }),
    remove: deleteRelation,
  },
];

async function open(page: Page, id: number, role: "editor" | "admin", language: string) {
  try {
    return await page.loader({
      request: new Request(`http://localhost/${page.param}/${id}`, {
        headers: { Cookie: await cookieFor(role), "Accept-Language": language },
      }),
      params: { ...page.also, [page.param]: String(id) },
      context: {},
    });
  } catch (thrown) {
    return thrown;
  }
}

describe.each(pages)("$name, deleted", (page) => {
  test("says who deleted it and when, in the reader's language, with its history (410)", async () => {
    const id = page.make();
    expect(await open(page, id, "editor", "en")).not.toBeInstanceOf(Response);
    page.remove(id, { userId: (await accountFor("admin")).id });

    const history = `/history/${page.type}/${id}`;
    expect(await open(page, id, "editor", "kk")).toMatchObject({
      init: { status: 410 },
      data: {
        gone: {
          message: expect.stringMatching(
            /^Test admin бұл жазбаны жойды \(20\d\d жылғы \d+ [а-яәіңғүұқөһ]+, \d\d:\d\d\)\.$/,
          ),
          historyHref: history,
        },
      },
    });
    expect(await open(page, id, "admin", "ru")).toMatchObject({
      init: { status: 410 },
      data: { gone: { message: expect.stringMatching(/^Вы удалили эту запись \(\d+ [а-я]+ 20\d\d, \d\d:\d\d\)\.$/) } },
    });
  });

  test("deleted by another program: said so; an address no record had is a 404", async () => {
    const id = page.make();
    getDb().$client.prepare(`DELETE FROM ${page.table} WHERE id = ?`).run(id);
    expect(await open(page, id, "editor", "en")).toMatchObject({
      init: { status: 410 },
      data: { gone: { message: expect.stringMatching(/^This record was deleted outside the app \(/) } },
    });
    expect(await open(page, 999_999, "editor", "en")).toMatchObject({ status: 404 });
  });
});

type AddingForm = {
  name: string;
  type: AuditedRecordType;
  action: (args: ActionFunctionArgs) => unknown;
  make: () => number;
  remove: (id: number, actor: Actor) => unknown;
  params: (id: number) => Record<string, string>;
  fields: Record<string, string>;
};

describe("something added to a record deleted while its form was open", () => {
  const forms: AddingForm[] = [
    {
      name: "a partner's new relation",
      type: "partner",
      action: partnerRelation.action,
      make: () => aPartner(),
      remove: deletePartner,
      params: (id: number) => ({ partnerId: String(id) }),
      fields: { type: "friendly", status: "active", "date.year": "2019", note: "Typed after the delete" },
    },
    {
      name: "an initiative's new step",
      type: "initiative",
      action: initiativeStep.action,
      make: () => anInitiative(),
      remove: deleteInitiative,
      params: (id: number) => ({ initiativeId: String(id) }),
      fields: { note: "Typed after the delete" },
    },
    {
      name: "a relation's new step",
      type: "relation",
      action: relationStep.action,
      make: () => aRelation(aPartner(), { date: "2012" }),
      remove: deleteRelation,
      params: (id: number) => ({ relationId: String(id) }),
      fields: { status: "active", "date.year": "2019", note: "Typed after the delete" },
    },
  ];

  test.each(forms)("$name: the form again, saying who deleted it, all typed kept, nothing written", async (form) => {
    const id = form.make();
    form.remove(id, { userId: (await accountFor("admin")).id });
    const rows = () => getDb().$client.prepare("SELECT count(*) FROM history").pluck().get();
    const before = rows();
    const refused = await submit(form.action, "/", form.fields, { params: form.params(id), language: "en" });
    expect(refused.status).toBe(409);
    expect(refused.reply!.stale).toMatchObject({ deleted: true, historyHref: `/history/${form.type}/${id}` });
    expect(refused.reply!.stale!.message).toMatch(/^Since this page was opened, Test admin has deleted this record \(/);
    expect(refused.reply!.result.initialValue).toMatchObject({ note: "Typed after the delete" });
    expect(rows()).toBe(before);
  });
});
