import fs from "node:fs";
import { expect, test } from "@playwright/test";
import ExcelJS from "exceljs";
import { listedImport, stateFile } from "./support";

test.use({ locale: "en-GB" });

/**
 * Issue 15.1, done when: the template downloaded, a file of 20 meetings with some errors
 * previewed (the errors by row and column), fixed and imported, then the import undone.
 */
test("a file of 20 meetings: errors by row, fixed, imported, undone", async ({ page, browser }) => {
  const town = `Testtown ${Date.now().toString(36)}`;
  await page.goto("/");
  await page.getByRole("link", { name: "Import" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Import" })).toBeVisible();

  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "Meetings, English: CSV" }).click(),
  ]);
  const template = fs.readFileSync((await download.path())!, "utf8").replace(/^\uFEFF/, "");
  const headers = template.trim().split(",");
  expect(headers).toEqual([
    "ID",
    "Date",
    "Time",
    "Partner",
    "Host",
    "Place",
    "Purpose",
    "Country",
    "Our participants",
    "Guests",
    "Summary",
    "Topics raised",
    "Initiatives",
    "Source link",
    "Outlet",
  ]);

  const meeting = (i: number, broken: boolean) => {
    const cells: Record<string, string> = {
      Date: broken && i === 4 ? "the fortieth of May" : `2019-03-${String(i).padStart(2, "0")}`,
      Time: i === 1 ? "10:30" : "",
      Partner: i % 2 ? "Heilongjiang Province" : town,
      // The first row naming the new town says its country; later rows find the town on file.
      Country: broken && i === 2 ? "Atlantis" : "Kazakhstan",
      Purpose: broken && i === 15 ? "" : `Talks number ${i}`,
      Guests: i === 15 ? "" : `Guest ${i} ${town} (Deputy mayor)`,
      "Topics raised": "Trade; Tourism",
    };
    return headers.map((h) => cells[h] ?? "").join(",");
  };
  const file = (broken: boolean) => ({
    name: broken ? "meetings.csv" : "meetings-fixed.csv",
    mimeType: "text/csv",
    buffer: Buffer.from(
      [headers.join(","), ...Array.from({ length: 20 }, (_, i) => meeting(i + 1, broken))].join("\r\n"),
    ),
  });

  await page.getByLabel("File (XLSX or CSV)").setInputFiles(file(true));
  await page.getByRole("button", { name: "Preview" }).click();
  await expect(page.getByRole("status")).toHaveText(
    "Rows: 20. Ready to import: 17. With errors: 3. Already on file, unchanged: 0.",
  );
  // Spreadsheet rows: the headers are row 1, meeting i is row i + 1.
  await expect(page.getByRole("row", { name: /^5 / })).toContainText(
    "Date: Not a date: write 2016, 2016-05, 2016-05-12 or 12 May 2016.",
  );
  await expect(page.getByRole("row", { name: /^3 / })).toContainText(
    "Country: No country by this name: write it as in the partner form’s list (China)",
  );
  await expect(page.getByRole("row", { name: /^16 / })).toContainText("Purpose: Add a participant");
  await expect(page.getByRole("row", { name: /^2 / })).toContainText("partner Heilongjiang Province on file");
  // Each new meeting's date as the import read it, for the person to check.
  await expect(page.getByRole("row", { name: /^2 / })).toContainText("new meeting: 1 March 2019");
  await expect(page.getByRole("row", { name: /^7 / })).toContainText(`new partner: ${town}`);
  await expect(page.getByRole("button", { name: "Import the 17 rows without errors" })).toBeVisible();
  // The preview, at a phone's width, does not scroll sideways (issue 13.16).
  await page.setViewportSize({ width: 390, height: 844 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await page.setViewportSize({ width: 1280, height: 720 });

  await page.getByLabel("File (XLSX or CSV)").setInputFiles(file(false));
  await page.getByRole("button", { name: "Preview" }).click();
  await expect(page.getByRole("status")).toHaveText(
    "Rows: 20. Ready to import: 20. With errors: 0. Already on file, unchanged: 0.",
  );
  await page.getByRole("button", { name: "Import the 20 rows" }).click();
  await expect(page.getByText("Imported 20 rows from meetings-fixed.csv.")).toBeVisible();
  await expect(listedImport(page, "meetings-fixed.csv", "Rows: 20")).toBeVisible();
  // An editor imports; only an administrator undoes.
  await expect(page.getByRole("button", { name: /^Undo this import/ })).toHaveCount(0);

  await page.goto(`/search?q=${encodeURIComponent(town)}`);
  await expect(page.getByRole("link", { name: town }).first()).toBeVisible();

  const admin = await browser.newContext({ storageState: stateFile("admin"), locale: "en-GB" });
  const adminPage = await admin.newPage();
  await adminPage.goto("/import");
  await adminPage.getByRole("button", { name: "Undo this import: meetings-fixed.csv" }).first().click();
  await expect(adminPage.getByText("The import of meetings-fixed.csv is undone")).toBeVisible();
  await adminPage.goto(`/search?q=${encodeURIComponent(town)}`);
  await expect(adminPage.getByRole("link", { name: town })).toHaveCount(0);
  await admin.close();
});

/** Issue 15.1, kind "people": the people template, a preview by row, the import, its undo. */
test("a file of people: the kind chosen, errors by row, imported, undone", async ({ page, browser }) => {
  const name = `Testperson ${Date.now().toString(36)}`;
  await page.goto("/import");
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "People, English: CSV" }).click(),
  ]);
  const headers = fs
    .readFileSync((await download.path())!, "utf8")
    .replace(/^\uFEFF/, "")
    .trim()
    .split(",");
  expect(headers).toContain("Posts");
  const row = (cells: Record<string, string>) => headers.map((h) => cells[h] ?? "").join(",");
  await page.getByLabel("What the file holds").selectOption("people");
  await page.getByLabel("File (XLSX or CSV)").setInputFiles({
    name: "people.csv",
    mimeType: "text/csv",
    buffer: Buffer.from(
      [
        headers.join(","),
        row({ Name: name }),
        row({ Name: `${name} B`, Posts: "Chief (Nowhere Ltd)" }),
        row({ Name: name.toUpperCase() }),
      ].join("\r\n"),
    ),
  });
  await page.getByRole("button", { name: "Preview" }).click();
  await expect(page.getByRole("status")).toHaveText(
    "Rows: 3. Ready to import: 2. With errors: 1. Already on file, unchanged: 0.",
  );
  await expect(page.getByRole("row", { name: /^2 / })).toContainText(`new person: ${name}`);
  // Named again below: the person row 2 makes, not one "on file" and not a second new one.
  await expect(page.getByRole("row", { name: /^4 / })).toContainText(`the same person as row 2: ${name}`);
  await expect(page.getByRole("row", { name: /^3 / })).toContainText(
    "Posts: No organisation on file by the name “Nowhere Ltd”",
  );
  await page.getByRole("button", { name: "Import the 2 rows without errors" }).click();
  await expect(page.getByText("Imported 2 rows from people.csv.")).toBeVisible();
  await expect(listedImport(page, "people.csv (People)", "Rows: 2")).toBeVisible();

  const admin = await browser.newContext({ storageState: stateFile("admin"), locale: "en-GB" });
  const adminPage = await admin.newPage();
  await adminPage.goto("/import");
  await adminPage.getByRole("button", { name: "Undo this import: people.csv" }).first().click();
  await expect(adminPage.getByText("The import of people.csv is undone")).toBeVisible();
  await admin.close();
});

test("a refused file's reason is read where the file is chosen again; Excel's Unicode text is read", async ({
  page,
}) => {
  await page.goto("/import");
  await page.getByLabel("What the file holds").selectOption("people");
  const fileField = page.getByLabel("File (XLSX or CSV)");
  await fileField.setInputFiles({
    name: "minutes.csv",
    mimeType: "text/csv",
    buffer: Buffer.from("%PDF-1.4\n1 0 obj\n"),
  });
  await page.getByRole("button", { name: "Preview" }).click();
  await expect(fileField).toBeFocused();
  await expect(fileField).toHaveAccessibleDescription(/This is not an XLSX or CSV file\./);

  // Excel's "Unicode text": UTF-16 with its byte order mark, tab-separated, saved as .txt.
  const name = `Тестов ${Date.now().toString(36)}`;
  const text = `Name\tPosts\r\n${name}\t\r\n`;
  await fileField.setInputFiles({
    name: "people.txt",
    mimeType: "text/plain",
    buffer: Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]),
  });
  await page.getByRole("button", { name: "Preview" }).click();
  await expect(page.getByRole("status")).toHaveText(
    "Rows: 1. Ready to import: 1. With errors: 0. Already on file, unchanged: 0.",
  );
  await expect(page.getByRole("row", { name: /^2 / })).toContainText(`new person: ${name}`);
});

/** A spreadsheet's source cell shows a title and links to the article: the link is the source's address. */
test("an XLSX whose source cell links to the article: the meeting's source opens the article", async ({
  page,
  browser,
}) => {
  const purpose = `Linked source ${Date.now().toString(36)}`;
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("Meetings");
  sheet.addRow(["Date", "Partner", "Purpose", "Guests", "Source link", "Outlet"]);
  sheet.addRow([
    "2019-04-02",
    "Heilongjiang Province",
    purpose,
    "Wang Wei (Deputy mayor)",
    { text: "The report", hyperlink: "https://kazinform.kz/news/linked-source" },
    "Kazinform",
  ]);
  await page.goto("/import");
  await page.getByLabel("File (XLSX or CSV)").setInputFiles({
    name: "linked.xlsx",
    mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    buffer: Buffer.from(await workbook.xlsx.writeBuffer()),
  });
  await page.getByRole("button", { name: "Preview" }).click();
  await expect(page.getByRole("status")).toHaveText(
    "Rows: 1. Ready to import: 1. With errors: 0. Already on file, unchanged: 0.",
  );
  await page.getByRole("button", { name: "Import the 1 rows" }).click();
  await expect(page.getByText("Imported 1 rows from linked.xlsx.")).toBeVisible();

  await page.goto(`/search?q=${encodeURIComponent(purpose)}`);
  await page.getByRole("link", { name: "Meeting with Heilongjiang Province" }).first().click();
  await expect(page.getByText(purpose)).toBeVisible();
  await expect(page.getByText("Kazinform")).toBeVisible();
  await expect(page.getByRole("link", { name: "Open the source" })).toHaveAttribute(
    "href",
    "https://kazinform.kz/news/linked-source",
  );

  const admin = await browser.newContext({ storageState: stateFile("admin"), locale: "en-GB" });
  const adminPage = await admin.newPage();
  await adminPage.goto("/import");
  await adminPage.getByRole("button", { name: "Undo this import: linked.xlsx" }).first().click();
  await expect(adminPage.getByText("The import of linked.xlsx is undone")).toBeVisible();
  await admin.close();
});

test.describe("without JavaScript (or before the page's script has run)", () => {
  test.use({ javaScriptEnabled: false, locale: "en-GB" });

  test("a refused file comes back with the kind and encoding chosen, and the next file previews as them", async ({
    page,
  }) => {
    await page.goto("/import");
    await page.getByLabel("What the file holds").selectOption("people");
    await page.getByLabel("Text encoding of a CSV file").selectOption("utf-8");
    await page.getByLabel("File (XLSX or CSV)").setInputFiles({
      name: "minutes.csv",
      mimeType: "text/csv",
      buffer: Buffer.from("%PDF-1.4\n1 0 obj\n"),
    });
    await page.getByRole("button", { name: "Preview" }).click();
    await expect(page.getByText("This is not an XLSX or CSV file.")).toBeVisible();
    await expect(page.getByLabel("What the file holds")).toHaveValue("people");
    await expect(page.getByLabel("Text encoding of a CSV file")).toHaveValue("utf-8");

    const name = `Тестов ${Date.now().toString(36)}`;
    await page.getByLabel("File (XLSX or CSV)").setInputFiles({
      name: "people.csv",
      mimeType: "text/csv",
      buffer: Buffer.from(`Name,Posts\r\n${name},\r\n`),
    });
    await page.getByRole("button", { name: "Preview" }).click();
    await expect(page.getByRole("status")).toHaveText(
      "Rows: 1. Ready to import: 1. With errors: 0. Already on file, unchanged: 0.",
    );
  });
});
