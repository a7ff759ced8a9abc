import { expect, test } from "@playwright/test";

test.use({ locale: "en-GB" });

/**
 * Issue 15.1, the mapping step: a CSV with Russian headers of its own wording is not refused;
 * the page asks which field each column holds (two of them chosen by hand here), then previews
 * and imports through that mapping.
 */
test("a file with other headers: columns mapped by hand, previewed, imported", async ({ page }) => {
  const stamp = Date.now().toString(36);
  const town = `Мэптаун ${stamp}`;
  // A header of this run's own, so the mapping is not one remembered from an earlier run.
  const note = `Комментарий ${stamp}`;
  const text = [
    ["Когда", "Контрагент", "Цель визита", "Страна", note].join(","),
    ["2019-04-02", town, "Переговоры о туризме", "Казахстан", "звонили"].join(","),
    ["2019-05", town, "Второй визит", "", ""].join(","),
  ].join("\r\n");

  await page.goto("/import");
  await page.getByLabel("File (XLSX or CSV)").setInputFiles({
    name: "встречи.csv",
    mimeType: "text/csv",
    buffer: Buffer.from(text),
  });
  await page.getByRole("button", { name: "Preview" }).click();

  await expect(page.getByRole("heading", { name: "Which field each column holds" })).toBeVisible();
  // Preselected where a header folds to a field; the others are left out until chosen.
  await expect(page.getByLabel("Цель визита")).toHaveValue("purpose");
  await expect(page.getByLabel("Страна")).toHaveValue("country");
  await expect(page.getByLabel("Когда")).toHaveValue("ignore");
  await expect(page.getByLabel(note)).toHaveValue("ignore");
  // The mapping step, at a phone's width, does not scroll sideways (issue 13.16).
  await page.setViewportSize({ width: 390, height: 844 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await page.setViewportSize({ width: 1280, height: 720 });

  // Continuing without a partner is refused, and the choices are kept.
  await page.getByLabel("Когда").selectOption({ label: "Date" });
  await page.getByRole("button", { name: "Continue to the preview" }).click();
  await expect(page.getByRole("alert")).toContainText("Choose the column that holds “Partner”");
  await expect(page.getByLabel("Когда")).toHaveValue("date");

  await page.getByLabel("Контрагент").selectOption({ label: "Partner" });
  await page.getByRole("button", { name: "Continue to the preview" }).click();
  await expect(page.getByRole("status")).toHaveText(
    "Rows: 2. Ready to import: 2. With errors: 0. Already on file, unchanged: 0.",
  );
  await expect(page.getByText("The columns were read by the mapping you chose")).toBeVisible();
  await expect(page.getByRole("row", { name: /^2 / })).toContainText(`new partner: ${town}`);

  await page.getByRole("button", { name: "Import the 2 rows" }).click();
  await expect(page.getByText("Imported 2 rows from встречи.csv.")).toBeVisible();
  await page.goto(`/search?q=${encodeURIComponent(town)}`);
  await expect(page.getByRole("link", { name: town }).first()).toBeVisible();
});
