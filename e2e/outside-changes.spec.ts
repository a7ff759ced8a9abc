/**
 * Issue 12.6, as a reader sees it: a change written straight into the live database file (here
 * by this test, with a connection that has nothing of the app's, as the sqlite3 shell would)
 * appears in the record's History as made outside the app, apart from the next person's save.
 */
import path from "node:path";
import Database from "better-sqlite3";
import { expect, test } from "@playwright/test";
import { DEMO_APP, NAMES } from "./support";

test.use({ locale: "en-GB" });

test("a change made outside the app is its own version, and the next save is only the editor's", async ({ page }) => {
  await page.goto(`${DEMO_APP}/meetings/new`);
  await page.getByLabel("Partner", { exact: true }).selectOption({ label: "Heilongjiang Province" });
  await page.getByLabel("Year").fill("2026");
  await page.getByRole("button", { name: "Add a guest" }).click();
  const guest = page.getByRole("group", { name: "Participant 1" });
  await guest.getByLabel("Name", { exact: true }).fill("Chen Outside");
  await guest.getByLabel("Role").selectOption({ label: "Led the delegation" });
  await page.getByLabel("Purpose").fill("Outside check: typed in the app");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("status")).toHaveText("Saved.");
  const meetingId = Number(new URL(page.url()).pathname.split("/").pop());

  const outside = new Database(path.join(process.env.E2E_RUN_DIR!, "demo.db"));
  outside
    .prepare("UPDATE meetings SET purpose = ? WHERE id = ?")
    .run("Outside check: written into the file", meetingId);
  outside.close();

  await page.goto(`${DEMO_APP}/meetings/${meetingId}/edit`);
  await expect(page.getByLabel("Purpose")).toHaveValue("Outside check: written into the file");
  await page.getByLabel("Summary").fill("Outside check: the editor's summary");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("status")).toHaveText("Saved.");

  await page.getByRole("link", { name: "History", exact: true }).click();
  const versions = page.getByRole("list", { name: "Versions" }).locator(":scope > li");
  await expect(versions).toHaveCount(3);
  await expect(versions.nth(0)).toContainText(NAMES.editor);
  await expect(versions.nth(0)).toContainText("Summary");
  await expect(versions.nth(0)).not.toContainText("Purpose");
  await expect(versions.nth(1)).toContainText("Outside the app");
  await expect(versions.nth(1)).not.toContainText(NAMES.editor);
  await expect(versions.nth(1)).toContainText(
    "Purpose: Outside check: typed in the app → Outside check: written into the file",
  );
  await expect(versions.nth(2)).toContainText("Created");
  await expect(versions.nth(2)).toContainText(NAMES.editor);
});
