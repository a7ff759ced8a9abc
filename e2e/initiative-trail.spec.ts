import { expect, test } from "@playwright/test";
import { EMPTY_APP } from "./support";

test.use({ locale: "en-GB", baseURL: EMPTY_APP });

test("an initiative's status changed at a new meeting shows on its trail and on the partner's timeline", async ({
  page,
}) => {
  // A partner and an initiative of its own, so this test shares nothing with the others.
  await page.goto("/partners/new");
  await page.getByLabel("Name in English").fill("Trailtown");
  await page.getByLabel("Kind").selectOption({ label: "City" });
  await page.getByLabel("Country").selectOption({ label: "Türkiye" });
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Trailtown" })).toBeVisible();

  await page.goto("/initiatives/new");
  await page.getByLabel("Title in English").fill("Trailtown trade fair");
  await page.getByLabel("Kind").selectOption({ label: "Trade" });
  await page.getByLabel("Partner", { exact: true }).selectOption({ label: "Trailtown" });
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Trailtown trade fair" })).toBeVisible();

  await page.goto("/meetings/new");
  await page.getByLabel("Year").fill("2018");
  await page.getByLabel("Month").selectOption({ label: "May" });
  await page.getByLabel("Day").fill("14");
  await page.getByLabel("Partner", { exact: true }).selectOption({ label: "Trailtown" });
  // A meeting needs a participant, a purpose or a summary (issue 13.1).
  await page.getByLabel("Purpose").fill("The trade fair's dates");
  await page.getByRole("button", { name: "Add an initiative" }).click();
  const row = page.getByRole("group", { name: "Initiative 1" });
  // The one on file is found by typing part of its title and picking it (issue 12.4: no select of them all).
  await row.getByLabel(/^Title/).pressSequentially("Trailtown tr");
  await row.getByRole("option", { name: /Trailtown trade fair/ }).click();
  await expect(row.getByText("On file", { exact: true })).toBeVisible();
  await row.getByLabel("Status").selectOption({ label: "Agreed" });
  await row.getByLabel("Note on this step").fill("Dates agreed for the fair");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("status")).toHaveText("Saved.");

  await page
    .getByRole("region", { name: "Initiatives raised or moved on" })
    .getByRole("link", { name: "Trailtown trade fair" })
    .click();
  const trail = page.getByRole("region", { name: "Steps" });
  await expect(trail.getByRole("listitem").last()).toContainText("Status: Agreed");
  await expect(trail.getByRole("listitem").last()).toContainText("14 May 2018");
  await expect(trail.getByRole("listitem").last()).toContainText("Dates agreed for the fair");

  await page.getByRole("link", { name: "Trailtown", exact: true }).click();
  const timeline = page.getByRole("region", { name: "Timeline" });
  await expect(timeline.getByRole("heading", { name: "2018" })).toBeVisible();
  await expect(timeline.getByRole("listitem").filter({ hasText: "Dates agreed for the fair" }).last()).toContainText(
    "Trailtown trade fair · Agreed",
  );
});

test("a mistaken step of an initiative is corrected, then deleted, and the status follows", async ({ page }) => {
  const status = page
    .getByRole("term")
    .filter({ hasText: /^Status$/ })
    .locator("xpath=following-sibling::dd[1]");
  await page.goto("/initiatives/new");
  await page.getByLabel("Title in English").fill("Steptown book exchange");
  await page.getByLabel("Kind").selectOption({ label: "Culture" });
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Steptown book exchange" })).toBeVisible();
  await expect(status).toHaveText("Proposed");
  const initiativeUrl = page.url();

  // Recorded as done by mistake.
  await page.getByRole("link", { name: "Record a step" }).click();
  await page.getByLabel("Year").fill("2019");
  await page.getByLabel("Month").selectOption({ label: "March" });
  await page.getByLabel("New status").selectOption({ label: "Done" });
  await page.getByLabel("What happened").fill("Books handed over");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page).toHaveURL(initiativeUrl);
  await expect(status).toHaveText("Done");

  // Corrected: it was only agreed then.
  await page.getByRole("link", { name: "Correct the step of March 2019" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Correct a step");
  await expect(page.getByLabel("What happened")).toHaveValue("Books handed over");
  await page.getByLabel("New status").selectOption({ label: "Agreed" });
  await page.getByLabel("What happened").fill("Exchange agreed");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page).toHaveURL(initiativeUrl);
  await expect(status).toHaveText("Agreed");
  const trail = page.getByRole("region", { name: "Steps" });
  await expect(trail).toContainText("Exchange agreed");
  await expect(trail).not.toContainText("Books handed over");

  // Deleted: the initiative is as it was made.
  await page.getByRole("link", { name: "Delete the step of March 2019" }).click();
  await page.getByRole("button", { name: "Delete" }).click();
  await expect(page).toHaveURL(initiativeUrl);
  await expect(status).toHaveText("Proposed");
  await expect(trail).not.toContainText("Exchange agreed");
});
