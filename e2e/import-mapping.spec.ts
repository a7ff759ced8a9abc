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

/**
 * The same step for another kind: a people file in an office's Russian headers ("ФИО",
 * "Должности") is mapped to the person's fields, refused without a name column, then previewed
 * and imported; the next file with the same headers goes straight to the preview.
 */
test("a people file with other headers: mapped to the person's fields, previewed, imported, remembered", async ({
  page,
}) => {
  const stamp = Date.now().toString(36);
  const phone = `Телефон ${stamp}`;
  // Names of this run's own, in letters, so a person is new even when the test runs again.
  const surname = `Мэп${stamp.replace(/[^a-z]/g, "").replace(/[a-z]/g, (c) => "абвгдежзиклмнопрстуфхцчшщэюя"[c.charCodeAt(0) - 97] ?? "я")}`;
  const headers = ["ФИО", "Должности", phone].join(",");
  const file = (name: string, rows: string[]) => ({
    name,
    mimeType: "text/csv",
    buffer: Buffer.from([headers, ...rows].join("\r\n")),
  });

  await page.goto("/import");
  await page.getByLabel("What the file holds").selectOption({ label: "People" });
  await page.getByLabel("File (XLSX or CSV)").setInputFiles(file("сотрудники.csv", [`${surname} Айгуль,,+7 700`]));
  await page.getByRole("button", { name: "Preview" }).click();

  await expect(page.getByRole("heading", { name: "Which field each column holds" })).toBeVisible();
  // The person's fields, not a meeting's; a header that is one is preselected.
  await expect(page.getByLabel("Должности")).toHaveValue("posts");
  await expect(page.getByLabel("ФИО")).toHaveValue("ignore");
  await expect(page.getByLabel("ФИО").getByRole("option", { name: "Partner" })).toHaveCount(0);
  await expect(page.getByLabel("What the file holds")).toHaveValue("people");

  await page.getByRole("button", { name: "Continue to the preview" }).click();
  await expect(page.getByRole("alert")).toContainText("Choose the column that holds “Name”");

  await page.getByLabel("ФИО").selectOption({ label: "Name" });
  await page.getByRole("button", { name: "Continue to the preview" }).click();
  await expect(page.getByRole("status")).toHaveText(
    "Rows: 1. Ready to import: 1. With errors: 0. Already on file, unchanged: 0.",
  );
  await expect(page.getByText("The columns were read by the mapping you chose")).toBeVisible();
  await page.getByRole("button", { name: "Import the 1 rows" }).click();
  await expect(page.getByText("Imported 1 rows from сотрудники.csv.")).toBeVisible();

  // The next people file with these headers: straight to the preview.
  await page.getByLabel("What the file holds").selectOption({ label: "People" });
  await page
    .getByLabel("File (XLSX or CSV)")
    .setInputFiles(file("ещё.csv", [`${surname} Ерлан,,`, `${surname} Дана,,`]));
  await page.getByRole("button", { name: "Preview" }).click();
  await expect(page.getByText("The columns were read by the mapping remembered for these headers.")).toBeVisible();
  // The preview's summary (the import's flash may still be showing beside it).
  await expect(page.getByRole("status").filter({ hasText: /^Rows:/ })).toHaveText(
    "Rows: 2. Ready to import: 2. With errors: 0. Already on file, unchanged: 0.",
  );
});
