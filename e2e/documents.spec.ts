import fs from "node:fs";
import { expect, test } from "@playwright/test";
import { stateFile } from "./support";

test.use({ locale: "en-GB" });

// A PDF of its own for this run, so that a byte-for-byte comparison means something.
const pdf = Buffer.from(
  `%PDF-1.4\n1 0 obj <</Type /Catalog /Pages 2 0 R>> endobj\n2 0 obj <</Type /Pages /Kids [] /Count 0>> endobj\n% ${Date.now()}\ntrailer <</Root 1 0 R>>\n%%EOF\n`,
);
const NAME = "Келісім меморандумы.pdf";

// Issue 16.1, as officials meet it: an editor attaches the signed agreement to a meeting and
// downloads it whole, deletes it, and an administrator brings it back from the bin.
test("a PDF attached to a meeting downloads byte-identical, and comes back from the bin", async ({ page, browser }) => {
  await page.goto("/meetings");
  await page.getByRole("link", { name: "Meeting with Heilongjiang Province" }).click();
  await expect(page).toHaveURL(/\/meetings\/\d+$/);
  const meetingUrl = page.url();
  const documents = page.getByRole("region", { name: "Documents" });
  await expect(documents.getByText("No documents attached.")).toBeVisible();

  // Refused by content: a web page named .pdf.
  await documents.getByLabel("File to attach").setInputFiles({
    name: "letter.pdf",
    mimeType: "application/pdf",
    buffer: Buffer.from("<!doctype html><script>alert(1)</script>"),
  });
  await documents.getByRole("button", { name: "Attach", exact: true }).click();
  await expect(documents.getByRole("alert")).toContainText("Only PDF, JPEG, PNG, WebP, DOCX, ODT, XLSX and ODS");

  await documents.getByLabel("File to attach").setInputFiles({ name: NAME, mimeType: "application/pdf", buffer: pdf });
  await documents.getByRole("button", { name: "Attach", exact: true }).click();
  await expect(page.getByText("The document is attached.")).toBeVisible();
  // The refusal before it is gone, and the field is empty for the next file.
  await expect(documents.getByRole("alert")).toHaveCount(0);
  await expect(documents.getByLabel("File to attach")).toHaveValue("");
  const list = documents.getByRole("list", { name: "Attached documents" });
  await expect(list.getByRole("listitem")).toHaveCount(1);
  await expect(list).toContainText(NAME);
  await expect(list).toContainText("PDF");

  const [download] = await Promise.all([
    page.waitForEvent("download"),
    list.getByRole("link", { name: `Download ${NAME}` }).click(),
  ]);
  expect(download.suggestedFilename()).toBe(NAME);
  expect(fs.readFileSync((await download.path())!).equals(pdf)).toBe(true);
  // A download resumed part-way, through the real server and its compression: the rest of the bytes.
  const href = (await list.getByRole("link", { name: `Download ${NAME}` }).getAttribute("href"))!;
  const resumed = await page.request.get(href, { headers: { Range: "bytes=100-", "Accept-Encoding": "gzip, br" } });
  expect(resumed.status()).toBe(206);
  expect(resumed.headers()["content-range"]).toBe(`bytes 100-${pdf.length - 1}/${pdf.length}`);
  expect(resumed.headers()["content-encoding"]).toBeUndefined();
  expect((await resumed.body()).equals(pdf.subarray(100))).toBe(true);

  // At a phone's width the section fits.
  await page.setViewportSize({ width: 390, height: 800 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await page.setViewportSize({ width: 1280, height: 800 });

  // Deleting asks first, naming the document; cancelling keeps it.
  await list.getByRole("link", { name: `Delete ${NAME}` }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Delete ${NAME}?` })).toBeVisible();
  await page.getByRole("link", { name: "Cancel" }).click();
  await expect(list.getByRole("link", { name: `Delete ${NAME}` })).toBeVisible();
  await list.getByRole("link", { name: `Delete ${NAME}` }).click();
  await page.getByRole("button", { name: "Delete" }).click();
  await expect(page.getByText("The document is deleted. An administrator can restore it from the bin.")).toBeVisible();
  await expect(documents.getByText("No documents attached.")).toBeVisible();

  const admin = await browser.newContext({ storageState: stateFile("admin"), locale: "en-GB" });
  const adminPage = await admin.newPage();
  await adminPage.goto("/admin/bin");
  const binned = adminPage
    .getByRole("list", { name: "Bin" })
    .getByRole("listitem")
    .filter({ hasText: `Document: ${NAME}` });
  await binned.getByRole("button", { name: "Restore" }).click();
  await expect(adminPage).toHaveURL(meetingUrl);
  await expect(adminPage.getByText("Restored.")).toBeVisible();
  await admin.close();

  await page.reload();
  await expect(list.getByRole("listitem")).toHaveCount(1);
  const [again] = await Promise.all([
    page.waitForEvent("download"),
    list.getByRole("link", { name: `Download ${NAME}` }).click(),
  ]);
  expect(fs.readFileSync((await again.path())!).equals(pdf)).toBe(true);
});

// A tiny PNG (2 × 1 pixels) of its own for this run.
const png = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAIAAAABCAYAAAD0In+KAAAADklEQVR4nGP4z8DwHwQBEPgD/U6VwW8AAAAASUVORK5CYII=",
  "base64",
);

// Issue 16.1: "images and PDFs may preview", under the documents' sandbox CSP and nosniff. A
// photo shows as itself on the record's page; a PDF opens in the browser's own viewer (Chromium
// renders a top-level PDF under `sandbox`; app/routes/documents.$documentId_.preview.ts).
test(
  "an attached photo shows as an image on the record's page, and a PDF opens in the browser",
  { tag: "@pdf-viewer" },
  async ({ page, context }) => {
    await page.goto("/initiatives");
    await page.getByRole("link", { name: "Heilongjiang Province days in Astana" }).first().click();
    await expect(page).toHaveURL(/\/initiatives\/\d+$/);
    const documents = page.getByRole("region", { name: "Documents" });
    const list = documents.getByRole("list", { name: "Attached documents" });

    await documents
      .getByLabel("File to attach")
      .setInputFiles({ name: "Фото.png", mimeType: "image/png", buffer: png });
    await documents.getByRole("button", { name: "Attach", exact: true }).click();
    await expect(page.getByText("The document is attached.")).toBeVisible();
    const image = list.getByRole("listitem").filter({ hasText: "Фото.png" }).locator("img");
    await expect(image).toBeVisible();
    await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(2);

    await documents
      .getByLabel("File to attach")
      .setInputFiles({ name: "Scan.pdf", mimeType: "application/pdf", buffer: pdf });
    await documents.getByRole("button", { name: "Attach", exact: true }).click();
    await expect(list.getByRole("listitem").filter({ hasText: "Scan.pdf" })).toBeVisible();
    // No image for a PDF: its preview is a page of its own.
    await expect(list.getByRole("listitem").filter({ hasText: "Scan.pdf" }).locator("img")).toHaveCount(0);
    const [viewer] = await Promise.all([
      context.waitForEvent("page"),
      list.getByRole("link", { name: "Open Scan.pdf" }).click(),
    ]);
    await viewer.waitForLoadState();
    expect(viewer.url()).toMatch(/\/documents\/\d+\/preview$/);
    // Chromium's PDF viewer is an extension frame inside the page: it is there, not blocked.
    await expect.poll(() => viewer.frames().some((frame) => frame.url().startsWith("chrome-extension://"))).toBe(true);
    await viewer.close();
  },
);

// Issue 16.1: every list is bounded; a record with many documents shows its newest and leads to all.
test("a record with more documents than its page shows links to all of them", async ({ page }) => {
  await page.goto("/meetings?year=2016");
  await page.getByRole("main").getByRole("link", { name: "Meeting with Heilongjiang Province" }).first().click();
  await page.getByRole("link", { name: "Open the delegation" }).click();
  await expect(page).toHaveURL(/\/delegations\/\d+$/);
  const recordUrl = page.url();
  const documents = page.getByRole("region", { name: "Documents" });
  // The upload form's code arrives after the page (app/forms/deferred.tsx): a file chosen before
  // it was gone when the code replaced the page's form (a full run once sent none).
  await page.waitForLoadState("networkidle");
  for (let i = 1; i <= 11; i++) {
    await documents.getByLabel("File to attach").setInputFiles({
      name: `Letter ${i}.pdf`,
      mimeType: "application/pdf",
      buffer: Buffer.concat([pdf, Buffer.from(`% letter ${i}\n`)]),
    });
    // Each upload waited for on the server's answer, not on a fixed time: eleven in a row, under
    // a full run's load, once took longer than an expectation's 5 s for the first to be listed.
    const stored = page.waitForResponse((response) => response.request().method() === "POST");
    await documents.getByRole("button", { name: "Attach", exact: true }).click();
    expect((await stored).status()).toBeLessThan(400);
    await expect(documents.getByText(`Letter ${i}.pdf`, { exact: true })).toBeVisible();
  }
  const list = documents.getByRole("list", { name: "Attached documents" });
  await expect(list.getByRole("listitem")).toHaveCount(10);
  await expect(list).not.toContainText("Letter 1.pdf");
  await documents.getByRole("link", { name: "All 11 documents" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "All documents of the record" })).toBeVisible();
  const all = page.getByRole("list", { name: "Attached documents" });
  await expect(all.getByRole("listitem")).toHaveCount(11);
  await expect(all.getByText("Letter 1.pdf", { exact: true })).toBeVisible();
  await page.getByRole("link", { name: "Back to the record" }).click();
  await expect(page).toHaveURL(recordUrl);
});

// Issue 17: a relation's step keeps its documents folded, and the fold holds no upload form (a
// relation of many steps carried one for each): the step's documents page has it. The section is
// drawn on the server, its forms plain posts.
test("a relation's step: its documents fold leads to the step's documents page, lists what is attached and removes it", async ({
  page,
}) => {
  await page.goto("/partners");
  await page.getByRole("main").getByRole("link", { name: "Urumqi", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Urumqi" })).toBeVisible();
  const partnerUrl = page.url();
  const step = page.getByRole("list", { name: "History of the relation" }).getByRole("listitem").first();
  const fold = step.getByRole("group");
  await expect(fold).toContainText("Documents: 0");
  await expect(step.getByLabel("File to attach", { exact: true })).toHaveCount(0);
  await fold.getByText("Documents: 0").click();
  await fold.getByRole("link", { name: "Attach a document" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "All documents of the record" })).toBeVisible();
  await page.getByLabel("File to attach", { exact: true }).setInputFiles({
    name: "Step scan.png",
    mimeType: "image/png",
    buffer: png,
  });
  await page.getByRole("button", { name: "Attach", exact: true }).click();
  await expect(page).toHaveURL(partnerUrl);
  await expect(page.getByText("The document is attached.")).toBeVisible();
  await expect(fold).toContainText("Documents: 1");
  await expect(fold.getByRole("list", { name: "Attached documents" })).toContainText("Step scan.png");
  // Reloaded, the fold with a document is drawn open, with its list and the way to attach more.
  await page.reload();
  await expect(fold.getByRole("list", { name: "Attached documents" })).toBeVisible();
  await expect(fold.getByRole("link", { name: "Attach a document" })).toBeVisible();
  await fold.getByRole("link", { name: "Delete Step scan.png" }).click();
  await page.getByRole("button", { name: "Delete" }).click();
  await expect(page).toHaveURL(partnerUrl);
  await expect(page.getByText("The document is deleted.", { exact: false })).toBeVisible();
  await expect(fold).toContainText("Documents: 0");
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("a relation's empty documents fold leads to the step's documents page, where a file is attached", async ({
    page,
  }) => {
    await page.goto("/partners");
    await page.getByRole("main").getByRole("link", { name: "Beijing", exact: true }).click();
    const partnerUrl = page.url();
    const step = page.getByRole("list", { name: "History of the relation" }).getByRole("listitem").first();
    await step.getByText("Documents: 0").click();
    await step.getByRole("link", { name: "Attach a document" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "All documents of the record" })).toBeVisible();
    await page.getByLabel("File to attach", { exact: true }).setInputFiles({
      name: "Agreement.pdf",
      mimeType: "application/pdf",
      buffer: pdf,
    });
    await page.getByRole("button", { name: "Attach", exact: true }).click();
    await expect(page).toHaveURL(partnerUrl);
    await expect(page.getByText("The document is attached.")).toBeVisible();
    await expect(step.getByRole("list", { name: "Attached documents" })).toContainText("Agreement.pdf");
  });

  test("a refused file says why on a page of its own; that address asked for says where files are attached", async ({
    page,
  }) => {
    await page.goto("/meetings");
    await page.getByRole("link", { name: "Meeting with Heilongjiang Province" }).click();
    const documents = page.getByRole("region", { name: "Documents" });
    await documents.getByLabel("File to attach").setInputFiles({
      name: "letter.pdf",
      mimeType: "application/pdf",
      buffer: Buffer.from("<!doctype html><p>not a PDF</p>"),
    });
    await documents.getByRole("button", { name: "Attach", exact: true }).click();
    await expect(page.getByRole("heading", { level: 1, name: "The file was not attached." })).toBeVisible();
    await expect(page.getByRole("alert")).toContainText("Only PDF, JPEG, PNG, WebP, DOCX, ODT, XLSX and ODS");

    await page.goto("/documents");
    await expect(page.getByRole("heading", { level: 1, name: "Documents" })).toBeVisible();
    await expect(page.getByRole("main")).toContainText("Documents are attached on the page of their meeting");
    await expect(page.getByText("The file was not attached.")).toHaveCount(0);
  });

  // A file over the upload limit (25 MB here) is refused by the server before it is read: the
  // browser still shows that answer (it lingers for the rest of the file), and the way back.
  test("a file over the upload limit gets a page that says so, and the way back to the form", async ({
    page,
  }, testInfo) => {
    // From disk, not a buffer: a buffer goes through the protocol to the browser, which takes
    // seconds for 27 MB, while a path is the file as a person picks it.
    const scan = testInfo.outputPath("Scan.pdf");
    fs.writeFileSync(scan, Buffer.alloc(27 * 1024 * 1024, "%"));
    await page.goto("/meetings");
    // Other tests log more meetings with this partner: any of them will do.
    await page.getByRole("link", { name: "Meeting with Heilongjiang Province" }).first().click();
    const meetingUrl = page.url();
    const documents = page.getByRole("region", { name: "Documents" });
    await documents.getByLabel("File to attach").setInputFiles(scan);
    await documents.getByRole("button", { name: "Attach", exact: true }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Too much to send" })).toBeVisible();
    await expect(page.getByRole("main")).toContainText("none of it was saved");
    await page.getByRole("link", { name: "Back to the form" }).click();
    await expect(page).toHaveURL(meetingUrl);
    await expect(page.getByRole("region", { name: "Documents" }).getByText("Scan.pdf")).toHaveCount(0);
  });
});
