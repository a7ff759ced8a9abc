import { expect, test } from "@playwright/test";

test.use({ locale: "kk-KZ" });

test("the header search finds a person by another spelling and opens the record", async ({ page }) => {
  // Once the scripts have loaded, so the form is the app's and not a half-hydrated page's.
  await page.goto("/", { waitUntil: "networkidle" });
  const search = page.getByRole("search");
  await search.getByLabel("Адамдарды, әріптестерді, ұйымдарды, кездесулер мен бастамаларды іздеу").fill("нурпеисов");
  await search.getByRole("button", { name: "Іздеу" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Іздеу" })).toBeVisible();
  const people = page.getByRole("region", { name: "Адамдар" });
  await people.getByRole("link", { name: "Жанат Нұрпейісов" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Жанат Нұрпейісов" })).toBeVisible();
});

test("a search that finds nothing says so", async ({ page }) => {
  await page.goto("/search?q=Samarkand");
  await expect(page.getByText("«Samarkand» бойынша ештеңе табылмады.")).toBeVisible();
});

test("typing in the header shows grouped results, marked, and opening one goes to the record", async ({ page }) => {
  await page.goto("/meetings", { waitUntil: "networkidle" });
  const search = page.getByRole("search");
  await search
    .getByLabel("Адамдарды, әріптестерді, ұйымдарды, кездесулер мен бастамаларды іздеу")
    .pressSequentially("хэйлунц", { delay: 30 });
  const results = page.getByRole("region", { name: "Теру барысындағы нәтижелер" });
  await expect(
    results.getByRole("region", { name: "Әріптестер" }).getByRole("link", { name: "Хэйлунцзян провинциясы" }),
  ).toBeVisible();
  // Two of the three demo initiatives name the province; the LRT one does not.
  await expect(results.getByRole("region", { name: "Бастамалар" }).getByRole("link")).toHaveCount(2);
  await expect(results.locator("mark").first()).toHaveText("Хэйлунц");
  await results
    .getByRole("region", { name: "Әріптестер" })
    .getByRole("link", { name: "Хэйлунцзян провинциясы" })
    .click();
  await expect(page.getByRole("heading", { level: 1, name: "Хэйлунцзян провинциясы" })).toBeVisible();
});
