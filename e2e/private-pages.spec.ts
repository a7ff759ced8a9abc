import { expect, test } from "@playwright/test";
import { ADMIN } from "./support";

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
