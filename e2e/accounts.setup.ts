import { expect, test as setup, type Page } from "@playwright/test";
import { ADMIN, DEMO_APP, EMPTY_APP, NAMES, PASSWORDS, stateFile } from "./support";

setup.use({ locale: "en-GB" });

async function signIn(page: Page, app: string, email: string, password: string) {
  await page.goto(`${app}/`);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
}

/**
 * Accounts for every role on both servers, made the way an administrator makes them: an
 * invitation from the Accounts page, accepted through its link.
 */
setup("an administrator invites an editor and a viewer, who accept", async ({ browser }) => {
  // Four accounts on two servers, each in a browser with nothing cached yet: some forty seconds.
  setup.setTimeout(120_000);
  const admin = await browser.newContext();
  const adminPage = await admin.newPage();
  const invitees = {
    editor: await browser.newContext(),
    viewer: await browser.newContext(),
  };
  for (const app of [DEMO_APP, EMPTY_APP]) {
    await signIn(adminPage, app, ADMIN.email, ADMIN.password);
    for (const role of ["editor", "viewer"] as const) {
      await adminPage.goto(`${app}/admin/users`, { waitUntil: "networkidle" });
      await adminPage.getByLabel("Email").fill(`${role}@e2e.kezdesu`);
      await adminPage.getByLabel("Name").fill(NAMES[role]);
      await adminPage.getByLabel("Role").selectOption({ label: role === "editor" ? "Editor" : "Viewer" });
      await adminPage.getByRole("button", { name: "Make the invitation" }).click();
      const link = (await adminPage.getByLabel("Invitation link").textContent())!.trim();
      expect(link).toMatch(/\/invite\/[\w-]{20,}$/);

      const page = await invitees[role].newPage();
      await page.goto(link);
      await expect(page.getByText(`You were invited as ${role}@e2e.kezdesu`)).toBeVisible();
      await page.getByLabel("New password", { exact: true }).fill(PASSWORDS[role]);
      await page.getByLabel("New password again").fill(PASSWORDS[role]);
      await page.getByRole("button", { name: "Start using Kezdesu" }).click();
      await expect(page.getByRole("link", { name: NAMES[role] })).toBeVisible();
      await page.close();
    }
  }
  await admin.storageState({ path: stateFile("admin") });
  await invitees.editor.storageState({ path: stateFile("editor") });
  await invitees.viewer.storageState({ path: stateFile("viewer") });
  await Promise.all([admin.close(), invitees.editor.close(), invitees.viewer.close()]);
});
