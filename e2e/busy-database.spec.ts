/**
 * Another program holding the database's write lock for longer than a save waits (the sqlite3
 * shell in a transaction, a tool writing to the file): the save is refused, and the person sees
 * their form again with everything they typed and a message that nothing was saved, not an
 * error page. Sent again once the lock is free, it is saved. The server's side is in
 * tests/lock-held-elsewhere.test.ts; this is the browser's, with and without JavaScript.
 */
import Database from "better-sqlite3";
import { expect, test, type Page } from "@playwright/test";
import { LOCKED_APP, LOCKED_DATABASE, signInAsAdmin } from "./support";

// The two tests take turns with the lock of the one database no other test uses.
test.describe.configure({ mode: "serial" });
test.use({ locale: "en-GB", storageState: { cookies: [], origins: [] } });

const BUSY =
  "Another program is writing to the database, and your change could not wait for it: nothing was saved. What you typed is still here: send the form again in a moment.";

/** Holds the write lock as another program would, until the returned function is called. */
function holdTheLock() {
  const other = new Database(LOCKED_DATABASE());
  other.exec("BEGIN IMMEDIATE");
  return () => {
    other.exec("COMMIT");
    other.close();
  };
}

async function typePartner(page: Page, name: string) {
  await page.getByLabel("Name in English").fill(name);
  await page.getByLabel("Kind").selectOption({ label: "City" });
  await page.getByLabel("Country").selectOption({ label: "Türkiye" });
  await page.getByLabel("Name in Russian").fill(`${name} (рус.)`);
  await page.getByLabel("Wikidata id").fill("Q40160");
}

async function expectKept(page: Page, name: string) {
  await expect(page.getByRole("alert")).toHaveText(BUSY);
  await expect(page.getByLabel("Name in English")).toHaveValue(name);
  await expect(page.getByLabel("Kind")).toHaveValue("city");
  await expect(page.getByLabel("Country")).toHaveValue("TR");
  await expect(page.getByLabel("Name in Russian")).toHaveValue(`${name} (рус.)`);
  await expect(page.getByLabel("Wikidata id")).toHaveValue("Q40160");
}

for (const javaScript of [true, false]) {
  test(`a save the database is too busy for keeps the form as typed (${javaScript ? "with" : "without"} JavaScript)`, async ({
    browser,
  }) => {
    const context = await browser.newContext({ javaScriptEnabled: javaScript });
    const page = await context.newPage();
    await signInAsAdmin(page, LOCKED_APP);
    await page.goto(`${LOCKED_APP}/partners/new`, { waitUntil: "networkidle" });
    const name = `Busy ${javaScript ? "Izmir" : "Bursa"}`;
    await typePartner(page, name);
    const release = holdTheLock();
    try {
      await page.getByRole("button", { name: "Save" }).click();
      await expectKept(page, name);
      await expect(page).toHaveURL(`${LOCKED_APP}/partners/new`);
    } finally {
      release();
    }
    await page.getByRole("button", { name: "Save" }).click();
    await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
    await expect(page.getByRole("status")).toHaveText("Saved.");
    await context.close();
  });
}
