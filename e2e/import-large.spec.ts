import { expect, test, type Browser } from "@playwright/test";
import { MANY_APP, signInAsAdmin } from "./support";

// On the server of its own database (many partners, no demo history): thousands of meetings
// there change no other test's pages.
test.use({ locale: "en-GB", storageState: { cookies: [], origins: [] } });

const ROWS = 4_000;
// As the page writes the count in English.
const ROWS_SHOWN = "4,000";
const HEADERS = ["ID", "Date", "Partner", "Host", "Place", "Purpose", "Country", "Our participants", "Guests"];

async function signedIn(browser: Browser) {
  const page = await (await browser.newContext({ locale: "en-GB" })).newPage();
  await signInAsAdmin(page, MANY_APP);
  return page;
}

/**
 * docs/decisions/0010-long-writes.md: while a file of thousands of meetings is imported, another
 * person's pages are answered, and show its rows as they are written; the import is one import.
 */
test("a large import: someone else's pages are answered while it is written", async ({ browser }) => {
  test.setTimeout(120_000);
  const importer = await signedIn(browser);
  const reader = await signedIn(browser);
  const town = `Largetown ${Date.now().toString(36)}`;
  const rows = Array.from({ length: ROWS }, (_, i) =>
    [
      "",
      `2001-02-${String((i % 28) + 1).padStart(2, "0")}`,
      town,
      "",
      "",
      `Large import ${i}`,
      "Kazakhstan",
      "",
      `Guest ${i % 50}`,
    ].join(","),
  );
  const file = {
    name: "large.csv",
    mimeType: "text/csv",
    buffer: Buffer.from([HEADERS.join(","), ...rows].join("\r\n")),
  };

  /** The meetings on file, as the meetings list counts them for the reader. */
  const meetingsListed = async () => {
    await reader.goto(`${MANY_APP}/meetings`);
    await expect(reader.getByRole("heading", { level: 1, name: "Meetings" })).toBeVisible();
    const shown = await reader
      .getByText(/^[\d,]+–[\d,]+ of [\d,]+$/)
      .textContent({ timeout: 1_000 })
      .catch(() => null);
    return shown ? Number(shown.replace(/^.* of /, "").replace(/,/g, "")) : 0;
  };
  const before = await meetingsListed();

  await importer.goto(`${MANY_APP}/import`);
  await importer.getByLabel("File (XLSX or CSV)").setInputFiles(file);
  await importer.getByRole("button", { name: "Preview" }).click();
  await expect(importer.getByRole("status")).toHaveText(
    `Rows: ${ROWS_SHOWN}. Ready to import: ${ROWS_SHOWN}. With errors: 0. Already on file, unchanged: 0.`,
    { timeout: 30_000 },
  );
  await importer.getByRole("button", { name: `Import the ${ROWS_SHOWN} rows` }).click();
  const done = importer.getByText(`Imported ${ROWS_SHOWN} rows from large.csv.`);
  const seen: number[] = [];
  while (!(await done.isVisible()) && seen.length < 500) seen.push(await meetingsListed());

  await expect(done).toBeVisible({ timeout: 60_000 });
  const listed = importer
    .getByRole("list", { name: "Imports" })
    .getByRole("listitem")
    .filter({ hasText: "large.csv" })
    .first();
  await expect(listed).toContainText(`Rows: ${ROWS_SHOWN} ·`);
  // The reader's list was answered while the rows were being written, part of them on it.
  expect(seen.filter((n) => n > before && n < before + ROWS)).not.toEqual([]);
  expect(await meetingsListed()).toBe(before + ROWS);
});
