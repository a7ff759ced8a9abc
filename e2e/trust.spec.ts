import { expect, test, type Page } from "@playwright/test";
import { DEMO_APP, EMPTY_APP, NAMES, stateFile } from "./support";

test.use({ locale: "en-GB" });

test.describe("signed out", () => {
  test.use({ storageState: { cookies: [], origins: [] } });

  test("nothing is shown without an account: every page leads to the sign-in page", async ({ page }) => {
    for (const path of ["/", "/meetings", "/partners/1", "/search?q=Heilongjiang", "/admin/bin"]) {
      await page.goto(path);
      await expect(page.getByRole("heading", { level: 1, name: "Sign in" })).toBeVisible();
      await expect(page.getByRole("navigation", { name: "Main" })).toHaveCount(0);
      await expect(page.getByText("Heilongjiang")).toHaveCount(0);
    }
  });

  test("a wrong password gets one calm message, and the email typed is kept", async ({ page }) => {
    await page.goto("/");
    await page.getByLabel("Email").fill("editor@e2e.kezdesu");
    await page.getByLabel("Password").fill("not my password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("alert")).toHaveText("The email or the password is wrong.");
    await expect(page.getByLabel("Email")).toHaveValue("editor@e2e.kezdesu");
    await expect(page.getByLabel("Password")).toHaveValue("");
  });
});

test.describe("a viewer", () => {
  test.use({ storageState: stateFile("viewer") });

  test("reads everything but sees no control to change it, and a direct POST is refused", async ({ page }) => {
    await page.goto("/meetings");
    await page
      .getByRole("main")
      .getByRole("link", { name: /Meeting with/ })
      .first()
      .click();
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Meeting with");
    await expect(page.getByRole("link", { name: "History" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Edit", exact: true })).toHaveCount(0);
    await expect(page.getByRole("link", { name: "Delete", exact: true })).toHaveCount(0);
    const meetingUrl = page.url();

    await page.goto("/meetings");
    await expect(page.getByRole("link", { name: "Log a meeting" })).toHaveCount(0);

    await page.goto("/meetings/new");
    await expect(page.getByRole("heading", { level: 1, name: "Not allowed" })).toBeVisible();

    // Posting straight to the delete action, as a crafted form would, changes nothing.
    const response = await page.request.post(`${meetingUrl}/delete`, { form: {}, maxRedirects: 0 });
    expect(response.status()).toBe(403);
    await page.goto(meetingUrl);
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Meeting with");
  });
});

test("a post from another site is refused and changes nothing", async ({ page }) => {
  await page.goto("/meetings");
  const link = page
    .getByRole("main")
    .getByRole("link", { name: /Meeting with/ })
    .first();
  const meetingUrl = new URL((await link.getAttribute("href"))!, DEMO_APP).toString();
  const response = await page.request.post(`${meetingUrl}/delete`, {
    form: {},
    headers: { Origin: "https://evil.example", "Sec-Fetch-Site": "cross-site" },
    maxRedirects: 0,
  });
  expect(response.status()).toBe(403);
  await page.goto(meetingUrl);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Meeting with");
});

test("the session cookie is HttpOnly, Secure, SameSite=Lax and host-only, and pages carry the security headers", async ({
  page,
}) => {
  const response = await page.goto("/");
  const cookie = (await page.context().cookies(DEMO_APP)).find((c) => c.name === "__Host-kezdesu_session");
  expect(cookie).toMatchObject({ httpOnly: true, secure: true, sameSite: "Lax", path: "/" });
  const headers = response!.headers();
  expect(headers["content-security-policy"]).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+'/);
  expect(headers["content-security-policy"]).toContain("object-src 'none'");
  expect(headers["content-security-policy"]).toContain("base-uri 'none'");
  expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBe("same-origin");
  expect(headers["strict-transport-security"]).toMatch(/max-age=\d+/);
});

async function logMeeting(page: Page, purpose: string) {
  // A meeting is with a partner (issue 13.1): each test meets one of its own, a new one on a
  // retry (the first attempt's is on file, and its name would be refused as a duplicate).
  const retry = test.info().retry;
  const partner = `Trustabad ${purpose.split(":")[0]}${retry ? ` ${retry}` : ""}`;
  await page.goto(`${EMPTY_APP}/partners/new`);
  await page.getByLabel("Name in English").fill(partner);
  await page.getByLabel("Kind").selectOption({ label: "City" });
  await page.getByLabel("Country").selectOption({ label: "Türkiye" });
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("heading", { level: 1, name: partner })).toBeVisible();
  await page.goto(`${EMPTY_APP}/meetings/new`);
  await page.getByLabel("Year").fill("2026");
  await page.getByLabel("Partner", { exact: true }).selectOption({ label: partner });
  await page.getByRole("button", { name: "Add a guest" }).click();
  const guest = page.getByRole("group", { name: "Participant 1" });
  await guest.getByLabel("Name", { exact: true }).fill("Chen Historia");
  await guest.getByLabel("Role").selectOption({ label: "Led the delegation" });
  await page.getByLabel("Purpose").fill(purpose);
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("status")).toHaveText("Saved.");
  return page.url();
}

test("an editor logs a meeting and finds it in its History under their name", async ({ page }) => {
  const consoleErrors: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") consoleErrors.push(message.text());
  });
  await logMeeting(page, "History check: first words");
  await page.getByRole("link", { name: "Edit", exact: true }).click();
  await page.getByLabel("Purpose").fill("History check: second words");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("status")).toHaveText("Saved.");

  await page.getByRole("link", { name: "History", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "History" })).toBeVisible();
  const versions = page.getByRole("list", { name: "Versions" }).locator(":scope > li");
  await expect(versions).toHaveCount(2);
  await expect(versions.first()).toContainText("Edited");
  await expect(versions.first()).toContainText(NAMES.editor);
  await expect(versions.first()).toContainText("Purpose: History check: first words → History check: second words");
  await expect(versions.last()).toContainText("Created");

  // Back to the first words, in one click.
  await versions.last().getByRole("button", { name: "Return to this version" }).click();
  await expect(page.getByRole("status")).toHaveText("The record is back to the chosen version.");
  await expect(versions).toHaveCount(3);
  await expect(versions.first()).toContainText("Returned to an earlier version");
  // The Content-Security-Policy let every script the app needs run.
  expect(consoleErrors.filter((text) => /Content Security Policy/i.test(text))).toEqual([]);
});

test.describe("an administrator", () => {
  test.use({ storageState: stateFile("admin") });

  test("restores a deleted meeting from the bin, with its participants", async ({ page }) => {
    const meetingUrl = await logMeeting(page, "Bin check: a meeting deleted by mistake");
    await page.getByRole("link", { name: "Delete", exact: true }).click();
    await page.getByRole("button", { name: "Delete" }).click();
    await expect(page.getByRole("status")).toHaveText("Deleted.");
    await page.goto(meetingUrl);
    await expect(page.getByRole("heading", { level: 1, name: "Deleted" })).toBeVisible();
    await expect(page.getByRole("main")).toContainText("You deleted this record (");
    // An administrator is pointed to the bin itself.
    await expect(page.getByRole("main")).toContainText("You can restore it from the bin.");
    await page.getByRole("main").getByRole("link", { name: "Bin" }).click();
    await expect(page).toHaveURL(`${EMPTY_APP}/admin/bin`);
    const item = page
      .getByRole("list", { name: "Bin" })
      .getByRole("listitem")
      .filter({ hasText: "Bin check: a meeting deleted by mistake" });
    await expect(item).toContainText("Deleted");
    await item.getByRole("button", { name: "Restore" }).click();
    await expect(page.getByRole("status")).toHaveText("Restored.");
    expect(page.url()).toBe(meetingUrl);
    await expect(page.getByRole("region", { name: "Guest side" })).toContainText("Chen Historia");

    // Other tests write meetings meanwhile: this meeting's newest entry is the restore.
    await page.goto(`${EMPTY_APP}/admin/activity?type=meeting`);
    await expect(
      page
        .getByRole("list", { name: "Activity" })
        .getByRole("listitem")
        .filter({ hasText: "Bin check: a meeting deleted by mistake" })
        .first(),
    ).toContainText("Restored");
  });
});
