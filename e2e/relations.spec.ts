import { expect, test } from "@playwright/test";
import { EMPTY_APP } from "./support";

test.use({ locale: "en-GB", baseURL: EMPTY_APP });

test("a relation is logged with signatories new to the database, and a step's date is corrected", async ({ page }) => {
  // A partner of its own, so this test shares nothing with the others.
  await page.goto("/partners/new");
  await page.getByLabel("Name in English").fill("Relationville");
  await page.getByLabel("Kind").selectOption({ label: "City" });
  await page.getByLabel("Country").selectOption({ label: "Türkiye" });
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Relationville" })).toBeVisible();

  await page.getByRole("link", { name: "Add a relation" }).click();
  await page.getByLabel("Kind of relation").selectOption({ label: "Sister city" });
  const firstStep = page.getByRole("group", { name: "First step" });
  await firstStep.getByLabel("Where it stands").selectOption({ label: "Signed" });
  await firstStep.getByLabel("Day").fill("3");
  await firstStep.getByLabel("Month").selectOption({ label: "June" });
  await firstStep.getByLabel("Year").fill("2015");
  await page.getByRole("button", { name: "Add a signatory" }).click();
  await page.getByRole("combobox", { name: "Signatory 1" }).fill("Erlan Newsigner");
  await page.getByRole("button", { name: "Add a signatory" }).click();
  await page.getByRole("combobox", { name: "Signatory 2" }).fill("Mehmet Firsttime");
  await page.getByLabel("Outlet").fill("Kazinform");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("status")).toHaveText("Saved.");

  const steps = page
    .getByRole("region", { name: "Relations" })
    .getByRole("list", { name: "History of the relation" })
    .getByRole("listitem");
  const step = steps.filter({ hasText: "Signed" });
  await expect(step).toContainText("3 June 2015");
  await expect(step).toContainText("signed by Erlan Newsigner, Mehmet Firsttime");
  await expect(step).toContainText("Kazinform");
  // Recorded once: the relation has the one step it was made with.
  await expect(steps).toHaveCount(1);

  // The two names were not on file: they are people now.
  await page.goto("/people");
  await expect(page.getByRole("link", { name: "Erlan Newsigner" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Mehmet Firsttime" })).toBeVisible();

  await page.goBack();
  await page.getByRole("link", { name: "Correct the step of 3 June 2015" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Correct a step" })).toBeVisible();
  await expect(page.getByRole("combobox", { name: "Signatory 1" })).toHaveValue("Erlan Newsigner");
  await page.getByLabel("Day").fill("13");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("status")).toHaveText("Saved.");
  const corrected = steps.filter({ hasText: "Signed" });
  await expect(corrected).toContainText("13 June 2015");
  await expect(corrected).toContainText("signed by Erlan Newsigner, Mehmet Firsttime");

  // The correction is a version in the relation's history.
  await page.getByRole("region", { name: "Relations" }).getByRole("link", { name: "History" }).click();
  await expect(page.getByRole("list", { name: "Versions" }).locator(":scope > li")).toHaveCount(2);

  // Log a meeting from the partner's page: the partner is filled in.
  await page.goBack();
  await page.getByRole("link", { name: "Log a meeting" }).click();
  await expect(page.getByLabel("Partner", { exact: true })).toHaveValue(/\d+/);
  await expect(page.getByLabel("Partner", { exact: true }).locator("option:checked")).toHaveText("Relationville");
});

test("a delegation has a page of its own, a meeting logged from it is filled in, and a delete page tells two relations apart", async ({
  page,
}) => {
  await page.goto("/partners/new");
  await page.getByLabel("Name in English").fill("Visitburg");
  await page.getByLabel("Kind").selectOption({ label: "City" });
  await page.getByLabel("Country").selectOption({ label: "Germany" });
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Visitburg" })).toBeVisible();
  const partnerUrl = page.url();

  // Two memoranda of one partner, years apart.
  for (const year of ["2011", "2022"]) {
    await page.goto(`${partnerUrl}/relation`);
    await page.getByLabel("Kind of relation").selectOption({ label: "Memorandum of cooperation" });
    await page.getByLabel("Where it stands").selectOption({ label: "Signed" });
    await page.getByLabel("Year").fill(year);
    await page.getByRole("button", { name: "Save" }).click();
    await expect(page.getByRole("status")).toHaveText("Saved.");
  }
  await page.getByRole("region", { name: "Relations" }).getByRole("link", { name: "Delete" }).last().click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(
    "Delete Visitburg · Memorandum of cooperation · 2022?",
  );
  await expect(page.getByRole("definition").filter({ hasText: "2022 — Signed" })).toBeVisible();

  await page.goto(partnerUrl);
  await page.getByRole("link", { name: "Add a delegation" }).click();
  await page.getByLabel("Year").first().fill("2023");
  await page.getByRole("combobox", { name: "Led by" }).fill("Klaus Visitor");
  await page.getByRole("button", { name: "Save" }).click();
  // No one by that name is on file: a leader, unlike a signatory, must be.
  await expect(page.getByText("No one on file")).toBeVisible();
  await page.getByRole("combobox", { name: "Led by" }).fill("");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Delegation of Visitburg" })).toBeVisible();
  await expect(page.getByText("No meetings recorded during this visit.")).toBeVisible();

  await page.getByRole("link", { name: "Log a meeting" }).click();
  await expect(page.getByLabel("Year").first()).toHaveValue("2023");
  await expect(page.getByLabel("Partner", { exact: true }).locator("option:checked")).toHaveText("Visitburg");
  await page.getByLabel("Purpose").fill("Talks during the visit");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("status")).toHaveText("Saved.");
  await page.getByRole("link", { name: "Open the delegation" }).click();
  await expect(
    page
      .getByRole("region", { name: "Meetings during the visit" })
      .getByRole("link", { name: "Meeting with Visitburg" }),
  ).toBeVisible();
});
