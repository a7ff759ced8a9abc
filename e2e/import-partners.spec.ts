import { expect, test } from "@playwright/test";
import ExcelJS from "exceljs";
import { listedImport, stateFile } from "./support";

test.use({ locale: "en-GB" });

/**
 * Issue 15.1, kind "partners": the partners template (XLSX) filled with a new partner whose
 * relation has two steps (one row each, the partner repeated) and a bad row, previewed, imported,
 * the relation found on the partner's page, the import undone.
 */
test("a file of partners: a relation with its steps, previewed, imported, on the partner's page, undone", async ({
  page,
  browser,
}) => {
  const town = `Partnertown ${Date.now().toString(36)}`;
  const signatory = `Signer ${Date.now().toString(36)}`;
  await page.goto("/import");
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "Partners, English: Excel (XLSX)" }).click(),
  ]);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile((await download.path())!);
  const sheet = workbook.worksheets[0];
  const headers = (sheet.getRow(1).values as string[]).slice(1);
  expect(headers).toEqual(
    expect.arrayContaining(["Name", "Kind", "Country", "Kind of relation", "Status", "Date of the step", "Signed by"]),
  );
  const row = (cells: Record<string, string>) => sheet.addRow(headers.map((h) => cells[h] ?? null));
  row({
    "Name in English": town,
    Kind: "City",
    Country: "Kazakhstan",
    "Kind of relation": "Sister city",
    Status: "Signed",
    "Date of the step": "2018-09-14",
    "Signed by": signatory,
    Outlet: "Kazinform",
  });
  row({ Name: town, "Kind of relation": "Sister city", Status: "Active", "Date of the step": "2019" });
  row({ Name: town, "Kind of relation": "Alliance", Status: "Signed", "Date of the step": "2020" });
  const buffer = Buffer.from(await workbook.xlsx.writeBuffer());

  await page.getByLabel("What the file holds").selectOption("partners");
  await page.getByLabel("File (XLSX or CSV)").setInputFiles({
    name: "partners.xlsx",
    mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    buffer,
  });
  await page.getByRole("button", { name: "Preview" }).click();
  await expect(page.getByRole("status")).toHaveText(
    "Rows: 3. Ready to import: 2. With errors: 1. Already on file, unchanged: 0.",
  );
  await expect(page.getByRole("row", { name: /^2 / })).toContainText(
    `new partner: ${town} · new relation: Sister city · new step: Signed, 2018-09-14 · new person: ${signatory}`,
  );
  await expect(page.getByRole("row", { name: /^3 / })).toContainText(`new partner: ${town} · new step: Active, 2019`);
  await expect(page.getByRole("row", { name: /^4 / })).toContainText(
    "Kind of relation: Not a kind of relation: write one of Friendly relations, Memorandum of cooperation, Sister city, Other relation.",
  );
  await page.getByRole("button", { name: "Import the 2 rows without errors" }).click();
  await expect(page.getByText("Imported 2 rows from partners.xlsx.")).toBeVisible();
  await expect(listedImport(page, "partners.xlsx (Partners)", "Rows: 2")).toBeVisible();

  await page.goto(`/search?q=${encodeURIComponent(town)}`);
  await page.getByRole("link", { name: town }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: town })).toBeVisible();
  const relation = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: "Sister city" }) });
  await expect(relation).toBeVisible();
  const steps = relation.getByRole("list", { name: "History of the relation" });
  await expect(steps.getByRole("listitem")).toHaveCount(2);
  await expect(steps).toContainText("Signed");
  await expect(steps).toContainText("Active");
  await expect(steps).toContainText(`signed by ${signatory}`);

  const admin = await browser.newContext({ storageState: stateFile("admin"), locale: "en-GB" });
  const adminPage = await admin.newPage();
  await adminPage.goto("/import");
  await adminPage.getByRole("button", { name: "Undo this import: partners.xlsx" }).first().click();
  await expect(adminPage.getByText("The import of partners.xlsx is undone")).toBeVisible();
  await adminPage.goto(`/search?q=${encodeURIComponent(town)}`);
  await expect(adminPage.getByRole("link", { name: town })).toHaveCount(0);
  await admin.close();
});
