import { expect, request, test } from "@playwright/test";
import { DEMO_APP } from "./support";

test.use({ locale: "en-GB" });

// Issue 16.4, as a user meets it: a token made on the account page, shown once, used by a
// program (no session) against the API, then revoked.
test("an API token is made, shown once, opens the API, and stops working when revoked", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("link", { name: "API", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "API tokens" })).toBeVisible();
  await page.getByLabel("Name of the token").fill("Maslikhat website");
  await page.getByRole("button", { name: "Make a token" }).click();
  const shown = page.getByRole("textbox", { name: /Your new token/ });
  const token = await shown.inputValue();
  expect(token).toMatch(/^kzd_[A-Za-z0-9_-]{43}$/);
  await expect(page.getByRole("rowheader", { name: "Maslikhat website" })).toBeVisible();

  const program = await request.newContext();
  const answer = await program.get(`${DEMO_APP}/api/v1/partners`, { headers: { Authorization: `Bearer ${token}` } });
  expect(answer.status()).toBe(200);
  const body = (await answer.json()) as { data: Array<{ name: { en: string | null } }>; next: string | null };
  expect(body.data.map((p) => p.name.en)).toContain("Heilongjiang Province");
  // Without the token, even from the signed-in browser: 401.
  expect((await page.request.get("/api/v1/partners")).status()).toBe(401);

  // Shown once: the page opened again lists it by name only.
  await page.reload();
  await expect(page.getByRole("textbox", { name: /Your new token/ })).toHaveCount(0);
  await expect(page.getByText(token)).toHaveCount(0);
  await expect(
    page
      .getByRole("row", { name: /Maslikhat website/ })
      .getByRole("cell")
      .nth(1),
  ).not.toHaveText("not yet used");

  await page.getByRole("button", { name: "Revoke Maslikhat website" }).click();
  await expect(page.getByText("The token is revoked: it no longer works.")).toBeVisible();
  await expect(page.getByRole("rowheader", { name: "Maslikhat website" })).toHaveCount(0);
  const refused = await program.get(`${DEMO_APP}/api/v1/partners`, { headers: { Authorization: `Bearer ${token}` } });
  expect(refused.status()).toBe(401);
  await program.dispose();
});

// The person form's Wikidata id and public flag, as an editor meets them.
test("a person gets a Wikidata id (checked beside the field) and is marked public", async ({ page }) => {
  await page.goto("/people/new");
  await page.getByLabel("Full name in Latin script").fill("Wikidata Testov");
  const publicBox = page.getByRole("checkbox", { name: "Public person: may be named in the open data" });
  await expect(publicBox).not.toBeChecked();
  await expect(publicBox).toHaveAccessibleDescription(/left out of the open-data export entirely/);
  await page.getByLabel("Wikidata id").fill("wikidata 42");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByLabel("Wikidata id")).toHaveAccessibleDescription(
    /A Wikidata id is Q followed by digits, for example Q956\./,
  );
  await expect(page.getByLabel("Full name in Latin script")).toHaveValue("Wikidata Testov");

  await page.getByLabel("Wikidata id").fill("Q42");
  await publicBox.check();
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Wikidata Testov" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Q42" })).toHaveAttribute("href", "https://www.wikidata.org/wiki/Q42");
  await expect(page.getByText("Named in the open data", { exact: true })).toBeVisible();
});
