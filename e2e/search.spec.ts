import { expect, test } from "@playwright/test";

test.use({ locale: "kk-KZ" });

test("the header search finds a person by another spelling and opens the record", async ({ page }) => {
  await page.goto("/");
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
