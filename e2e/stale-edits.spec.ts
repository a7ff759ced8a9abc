import path from "node:path";
import Database from "better-sqlite3";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { DEMO_APP, stateFile } from "./support";

/** The first administrator's name (app/models/users.server.ts). */
const ADMINISTRATOR = "Administrator";

test.use({ locale: "en-GB" });

/** A partner of this run's own, made through the form; its edit form's address. */
async function aPartnerToEdit(page: Page, name: string) {
  await page.goto("/partners/new");
  await page.getByLabel("Name in English").fill(name);
  await page.getByLabel("Kind").selectOption({ label: "City" });
  await page.getByLabel("Country").selectOption("TR");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  return `${new URL(page.url()).pathname}/edit`;
}

/** The administrator, in a browser of their own, deletes the partner. */
async function administratorDeletes(browser: Browser, editPath: string) {
  const context = await browser.newContext({ storageState: stateFile("admin"), locale: "en-GB" });
  const page = await context.newPage();
  await page.goto(editPath.replace(/\/edit$/, "/delete"));
  await page.getByRole("button", { name: "Delete" }).click();
  await expect(page.getByRole("status")).toHaveText("Deleted.");
  await context.close();
}

/** The administrator, in a browser of their own, renames the partner (the tests run as an editor). */
async function administratorRenames(browser: Browser, editPath: string, name: string) {
  const context = await browser.newContext({ storageState: stateFile("admin"), locale: "en-GB" });
  const page = await context.newPage();
  await page.goto(editPath);
  await page.getByLabel("Name in English").fill(name);
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("status")).toHaveText("Saved.");
  await context.close();
}

test("a save over a change made while the form was open is refused, with who, and everything typed kept", async ({
  page,
  browser,
}) => {
  const suffix = Date.now().toString(36);
  const editPath = await aPartnerToEdit(page, `Konya ${suffix}`);
  await page.goto(editPath);
  await page.getByLabel("Name in Russian").fill(`Конья ${suffix}`);
  await page.getByLabel("Country").selectOption("AZ");

  await administratorRenames(browser, editPath, `Konya City ${suffix}`);

  await page.getByRole("button", { name: "Save" }).click();
  const notice = page.getByRole("alert").filter({ hasText: "Since this page was opened" });
  await expect(notice).toContainText(`${ADMINISTRATOR} has saved a change to this record`);
  await expect(notice).toBeFocused();
  await expect(notice.getByRole("link", { name: "See what changed (opens in a new tab)" })).toHaveAttribute(
    "target",
    "_blank",
  );
  // Nothing saved; what was typed is all there, the administrator's name not put back over it.
  await expect(page.getByLabel("Name in Russian")).toHaveValue(`Конья ${suffix}`);
  await expect(page.getByLabel("Country")).toHaveValue("AZ");
  await expect(page.getByLabel("Name in English")).toHaveValue(`Konya ${suffix}`);

  // Saved again, knowingly: this form's values replace the administrator's.
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("status")).toHaveText("Saved.");
  await expect(page.getByRole("heading", { level: 1, name: `Konya ${suffix}` })).toBeVisible();
  await expect(page.getByText("Azerbaijan").first()).toBeVisible();
});

test("a draft restored into an edit form after the record changed is refused on saving, not saved over it", async ({
  page,
  browser,
}) => {
  const suffix = Date.now().toString(36);
  const editPath = await aPartnerToEdit(page, `Bursa ${suffix}`);
  await page.goto(editPath);
  await page.getByLabel("Name in Russian").fill(`Бурса ${suffix}`);
  // The draft is kept as typed; the tab is closed before it is saved.
  await expect
    .poll(() => page.evaluate(() => Object.keys(localStorage).some((key) => key.includes("partner-"))))
    .toBe(true);
  await page.goto("/");

  await administratorRenames(browser, editPath, `Bursa City ${suffix}`);

  await page.goto(editPath);
  await expect(
    page.getByRole("status").filter({ hasText: "Your unsaved draft of this form was restored." }),
  ).toBeVisible();
  await expect(page.getByLabel("Name in Russian")).toHaveValue(`Бурса ${suffix}`);
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("alert").filter({ hasText: ADMINISTRATOR })).toBeVisible();
  await expect(page.getByLabel("Name in Russian")).toHaveValue(`Бурса ${suffix}`);

  // Reloaded before another keystroke: the draft comes back with the version it was refused
  // for replaced by the newest, so saving it now is the knowing save, not a second refusal.
  await page.reload();
  await expect(
    page.getByRole("status").filter({ hasText: "Your unsaved draft of this form was restored." }),
  ).toBeVisible();
  await expect(page.getByLabel("Name in Russian")).toHaveValue(`Бурса ${suffix}`);
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("status")).toHaveText("Saved.");
  await expect(page.getByRole("heading", { level: 1, name: `Bursa ${suffix}` })).toBeVisible();
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the refusal comes from the server with the newest version; saved again, it is saved", async ({
    page,
    browser,
  }) => {
    const suffix = Date.now().toString(36);
    const editPath = await aPartnerToEdit(page, `Izmir ${suffix}`);
    await page.goto(editPath);
    await page.getByLabel("Name in Kazakh").fill(`Измир ${suffix}`);
    await administratorRenames(browser, editPath, `Izmir City ${suffix}`);
    await page.getByRole("button", { name: "Save" }).click();
    await expect(page.getByRole("alert").filter({ hasText: ADMINISTRATOR })).toBeVisible();
    await expect(page.getByLabel("Name in Kazakh")).toHaveValue(`Измир ${suffix}`);
    await page.getByRole("button", { name: "Save" }).click();
    await expect(page.getByRole("status")).toHaveText("Saved.");
    await expect(page.getByRole("heading", { level: 1, name: `Izmir ${suffix}` })).toBeVisible();
  });
});

test("every edit form is sent with the version of its record, with and without its script", async ({ page }) => {
  const demo = new Database(path.join(process.env.E2E_RUN_DIR!, "demo.db"), { readonly: true });
  const first = (sql: string) => demo.prepare(sql).pluck().get() as number;
  const step = demo.prepare("SELECT id, relation_id AS relationId FROM relation_steps LIMIT 1").get() as {
    id: number;
    relationId: number;
  };
  const forms = [
    `/partners/${first("SELECT id FROM partners WHERE is_home = 0 LIMIT 1")}/edit`,
    `/people/${first("SELECT id FROM people LIMIT 1")}/edit`,
    `/organisations/${first("SELECT id FROM organisations LIMIT 1")}/edit`,
    `/delegations/${first("SELECT id FROM delegations LIMIT 1")}/edit`,
    `/initiatives/${first("SELECT id FROM initiatives LIMIT 1")}/edit`,
    `/meetings/${first("SELECT id FROM meetings LIMIT 1")}/edit`,
    `/relations/${step.relationId}/edit`,
    `/relations/${step.relationId}/steps/${step.id}/edit`,
  ];
  demo.close();
  for (const form of forms) {
    // As the server sends it (what a browser without the script posts)...
    const html = await (await page.request.get(`${DEMO_APP}${form}`)).text();
    expect(html, form).toMatch(/<input type="hidden" name="version" value="[1-9]\d*"\/>/);
    // ...and once the form's code has run.
    await page.goto(`${DEMO_APP}${form}`);
    await expect(page.locator('form[method="post"] input[name="version"]').first(), form).toHaveValue(/^[1-9]\d*$/);
  }
});

for (const javaScriptEnabled of [true, false]) {
  test.describe(javaScriptEnabled ? "with JavaScript" : "without JavaScript", () => {
    test.use({ javaScriptEnabled });

    test("a delete confirmed on a page opened before someone changed the record is refused, with who; confirmed again, it is deleted", async ({
      page,
      browser,
    }) => {
      const suffix = `${Date.now().toString(36)}${javaScriptEnabled ? "j" : "n"}`;
      const editPath = await aPartnerToEdit(page, `Samsun ${suffix}`);
      const deletePath = editPath.replace(/\/edit$/, "/delete");
      await page.goto(deletePath);
      await expect(page.getByRole("heading", { level: 1, name: `Delete Samsun ${suffix} · Türkiye?` })).toBeVisible();

      await administratorRenames(browser, editPath, `Samsun City ${suffix}`);

      await page.getByRole("button", { name: "Delete" }).click();
      const notice = page.getByRole("alert").filter({ hasText: "Since this page was opened" });
      await expect(notice).toContainText(`${ADMINISTRATOR} has saved a change to this record`);
      await expect(notice).toContainText("Nothing was deleted.");
      if (javaScriptEnabled) await expect(notice).toBeFocused();
      await expect(notice.getByRole("link", { name: "See what changed (opens in a new tab)" })).toHaveAttribute(
        "href",
        `/history/partner/${editPath.split("/")[2]}`,
      );
      // The page shows the record as it is now, and its confirmation carries the newest version.
      await expect(
        page.getByRole("heading", { level: 1, name: `Delete Samsun City ${suffix} · Türkiye?` }),
      ).toBeVisible();
      await page.getByRole("button", { name: "Delete" }).click();
      await expect(page.getByRole("status")).toHaveText("Deleted.");
      // Its page now says it was deleted, by whom (this editor), rather than "page not found".
      const gone = await page.goto(editPath.replace(/\/edit$/, ""));
      expect(gone?.status()).toBe(410);
      await expect(page.getByRole("heading", { level: 1, name: "Deleted" })).toBeVisible();
      await expect(page.getByRole("main")).toContainText("You deleted this record (");
    });
  });
}

test.describe("a record deleted while its form was open", () => {
  test("its save is refused, saying who deleted it and when, with everything typed kept; opened again, the page says so", async ({
    page,
    browser,
  }) => {
    const suffix = Date.now().toString(36);
    const editPath = await aPartnerToEdit(page, `Trabzon ${suffix}`);
    await page.goto(editPath);
    await page.getByLabel("Name in Kazakh").fill(`Трабзон ${suffix}`);

    await administratorDeletes(browser, editPath);

    await page.getByRole("button", { name: "Save" }).click();
    const notice = page.getByRole("alert").filter({ hasText: "Since this page was opened" });
    await expect(notice).toContainText(`${ADMINISTRATOR} has deleted this record`);
    await expect(notice).toContainText("An administrator can restore the record from the bin; then save again.");
    await expect(notice).toBeFocused();
    await expect(page.getByLabel("Name in Kazakh")).toHaveValue(`Трабзон ${suffix}`);

    // Opened again (a reload, a link kept): the page says what became of the record.
    const reloaded = await page.reload();
    expect(reloaded?.status()).toBe(410);
    await expect(page.getByRole("heading", { level: 1, name: "Deleted" })).toBeVisible();
    await expect(page.getByRole("main")).toContainText(`${ADMINISTRATOR} deleted this record (`);
    await expect(page.getByRole("main")).toContainText("An administrator can restore it from the bin.");
    await page.getByRole("link", { name: "Its history" }).click();
    await expect(
      page.getByText("This record has been deleted. An administrator can restore it from the bin."),
    ).toBeVisible();
  });

  test.describe("without JavaScript", () => {
    test.use({ javaScriptEnabled: false });

    test("its save answers with the page saying who deleted it, not 'page not found'", async ({ page, browser }) => {
      const suffix = Date.now().toString(36);
      const editPath = await aPartnerToEdit(page, `Rize ${suffix}`);
      await page.goto(editPath);
      await page.getByLabel("Name in Kazakh").fill(`Ризе ${suffix}`);
      await administratorDeletes(browser, editPath);
      const [answer] = await Promise.all([
        page.waitForResponse((response) => response.request().method() === "POST"),
        page.getByRole("button", { name: "Save" }).click(),
      ]);
      // The save's own answer, refused (409), shown as the page for the record deleted.
      expect(answer.status()).toBe(409);
      await expect(page.getByRole("heading", { level: 1, name: "Deleted" })).toBeVisible();
      await expect(page.getByRole("main")).toContainText(`${ADMINISTRATOR} deleted this record (`);
    });
  });
});

for (const javaScriptEnabled of [true, false]) {
  test.describe(`a relation's step deleted while its form was open, ${javaScriptEnabled ? "with" : "without"} JavaScript`, () => {
    test.use({ javaScriptEnabled });

    test("its save says who deleted the step and when, not 'page not found'", async ({ page, browser }) => {
      const suffix = `${Date.now().toString(36)}${javaScriptEnabled ? "j" : "n"}`;
      const partnerPath = (await aPartnerToEdit(page, `Ordu ${suffix}`)).replace(/\/edit$/, "");
      await page.goto(partnerPath);
      await page.getByRole("link", { name: "Add a relation" }).click();
      await page.getByLabel("Kind of relation").selectOption({ label: "Memorandum of cooperation" });
      await page.getByLabel("Where it stands").selectOption({ label: "Proposed" });
      await page.getByLabel("Year").fill("2017");
      await page.getByRole("button", { name: "Save" }).click();
      await expect(page.getByRole("status")).toHaveText("Saved.");
      await page.getByRole("link", { name: "Record a step" }).click();
      await page.getByLabel("Status").selectOption({ label: "Signed" });
      await page.getByLabel("Year").fill("2019");
      await page.getByRole("button", { name: "Save" }).click();
      await expect(page.getByRole("status")).toHaveText("Saved.");

      await page.getByRole("link", { name: "Correct the step of 2019" }).click();
      await expect(page).toHaveURL(/\/relations\/\d+\/steps\/\d+\/edit$/);
      const editPath = new URL(page.url()).pathname;
      await page.getByLabel("Note on this step").fill("Signed at the maslikhat's session");
      await administratorDeletes(browser, editPath);

      const [answer] = await Promise.all([
        page.waitForResponse((response) => response.request().method() === "POST"),
        page.getByRole("button", { name: "Save" }).click(),
      ]);
      expect(answer.status()).toBe(409);
      if (javaScriptEnabled) {
        const notice = page.getByRole("alert").filter({ hasText: "Since this page was opened" });
        await expect(notice).toContainText(`${ADMINISTRATOR} has deleted this step (`);
        await expect(notice).toContainText("if the step is still wanted, record it again.");
        await expect(notice).toBeFocused();
        await expect(page.getByLabel("Note on this step")).toHaveValue("Signed at the maslikhat's session");
      } else {
        await expect(page.getByRole("heading", { level: 1, name: "Deleted" })).toBeVisible();
        await expect(page.getByRole("main")).toContainText(`${ADMINISTRATOR} deleted this step of the relation (`);
        await page.getByRole("link", { name: "The relation's history shows it as it was." }).click();
        await expect(page).toHaveURL(/\/history\/relation\/\d+$/);
      }
    });
  });
}
