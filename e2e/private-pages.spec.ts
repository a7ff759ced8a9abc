import { expect, test, type Page } from "@playwright/test";
import { ADMIN, PASSWORDS } from "./support";

test.use({ locale: "en-GB", storageState: { cookies: [], origins: [] } });

/**
 * Issue 12.3: a private page must not come back from the browser's cache once its reader has
 * signed out. Without JavaScript every step is a whole document, as the disk cache keeps them
 * (with it, Back runs the page's loader again, which hid the hole).
 */
test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("after signing out, Back does not show the accounts page again", async ({ page }) => {
    await page.goto("/sign-in");
    await page.getByLabel("Email").fill(ADMIN.email);
    await page.getByLabel("Password").fill(ADMIN.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();

    await page.goto("/admin/users");
    await expect(page.getByText("editor@e2e.kezdesu")).toBeVisible();
    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Sign in" })).toBeVisible();

    await page.goBack();
    await expect(page.getByRole("heading", { level: 1, name: "Sign in" })).toBeVisible();
    await expect(page.getByText("editor@e2e.kezdesu")).toHaveCount(0);
  });
});

test.describe("with JavaScript", () => {
  test("signing out leaves nothing of the account in the tab, and Back shows the sign-in page", async ({ page }) => {
    await page.goto("/sign-in");
    await page.getByLabel("Email").fill(ADMIN.email);
    await page.getByLabel("Password").fill(ADMIN.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();

    // A whole document read while signed in: its data (the account, the accounts listed) is in it.
    await page.goto("/admin/users");
    await expect(page.getByText("editor@e2e.kezdesu")).toBeVisible();
    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Sign in" })).toBeVisible();
    expect(await page.content()).not.toContain(ADMIN.email);

    await page.goBack();
    await expect(page.getByRole("heading", { level: 1, name: "Sign in" })).toBeVisible();
    const html = await page.content();
    expect(html).not.toContain(ADMIN.email);
    expect(html).not.toContain("editor@e2e.kezdesu");
  });
});

/**
 * A draft of a form (the meeting form keeps one in this browser as it is typed) belongs to the
 * account that typed it: on a shared office computer the next account must not have it restored.
 */
test.describe("drafts kept in the browser", () => {
  async function signIn(page: Page, email: string, password: string) {
    await page.goto("/sign-in");
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill(password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
  }
  const drafts = (page: Page) =>
    page.evaluate(() => Object.keys(localStorage).filter((key) => key.startsWith("kezdesu:draft:")));

  test("one account's draft is not restored for the next, and signing out forgets every draft", async ({ page }) => {
    await signIn(page, "editor@e2e.kezdesu", PASSWORDS.editor);
    await page.goto("/meetings/new");
    const secret = `Talking points not for other eyes ${Date.now().toString(36)}`;
    await page.getByLabel("Purpose").fill(secret);
    await expect.poll(() => page.evaluate(() => JSON.stringify(localStorage))).toContain(secret);

    // The editor's session runs out, unsigned-out; an administrator signs in on the same browser.
    await page.context().clearCookies();
    await signIn(page, ADMIN.email, ADMIN.password);
    await page.goto("/meetings/new");
    await expect(page.getByRole("heading", { level: 1, name: "Log a meeting" })).toBeVisible();
    await expect(page.getByText("Your unsaved draft of this form was restored.")).toHaveCount(0);
    await expect(page.getByLabel("Purpose")).toHaveValue("");

    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Sign in" })).toBeVisible();
    expect(await drafts(page)).toEqual([]);
  });

  test("the sign-out's answer itself clears what the browser kept, as a sign-out sent before the page's script ran", async ({
    page,
  }) => {
    await signIn(page, ADMIN.email, ADMIN.password);
    await page.evaluate(() => localStorage.setItem("kezdesu:draft:1:meeting-new", "[]"));
    // Posted as the form is, the page's script not involved.
    const status = await page.evaluate(
      async () => (await fetch("/sign-out", { method: "POST", body: new URLSearchParams() })).status,
    );
    expect(status).toBe(200);
    await expect.poll(() => drafts(page)).toEqual([]);
  });
});
