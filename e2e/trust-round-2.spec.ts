import { expect, test } from "@playwright/test";
import { DEMO_APP, stateFile } from "./support";

test.use({ locale: "en-GB", storageState: stateFile("admin") });

test("choosing a password: the strength shows as it is typed, loaded only then, and a common one is refused", async ({
  page,
  browser,
}) => {
  await page.goto("/admin/users", { waitUntil: "networkidle" });
  await page.getByLabel("Email").fill("hint@e2e.kezdesu");
  await page.getByLabel("Name").fill("Dana Hint");
  await page.getByRole("button", { name: "Make the invitation" }).click();
  const link = (await page.getByLabel("Invitation link").textContent())!.trim();

  const invited = await browser.newContext({ storageState: { cookies: [], origins: [] }, locale: "en-GB" });
  const invitee = await invited.newPage();
  const scripts: string[] = [];
  invitee.on("request", (request) => void scripts.push(request.url()));
  await invitee.goto(link, { waitUntil: "networkidle" });
  const estimator = () => scripts.filter((url) => url.includes("/password-strength-"));
  expect(estimator()).toHaveLength(0);

  const password = invitee.getByLabel("New password", { exact: true });
  await password.fill("password1234");
  await expect(
    invitee.getByText("Strength: too weak. It is on the list of common and leaked passwords, or close to one."),
  ).toBeVisible();
  expect(estimator()).toHaveLength(1);
  await invitee.getByLabel("New password again").fill("password1234");
  await invitee.getByRole("button", { name: "Start using Kezdesu" }).click();
  await expect(invitee.getByText(/^This password is too easy to guess/)).toBeVisible();

  await password.fill("тау бұлағы мөлдір су");
  await expect(invitee.getByText("Strength: very strong.")).toBeVisible();
  await invitee.getByLabel("New password again").fill("тау бұлағы мөлдір су");
  await invitee.getByRole("button", { name: "Start using Kezdesu" }).click();
  await expect(invitee.getByRole("link", { name: "Dana Hint" })).toBeVisible();
  await invited.close();
});

test("a flood of cross-site posts is one row of the security log, with its count, from the real connection's address", async ({
  page,
}) => {
  const path = `/flood-${Date.now()}`;
  for (let i = 0; i < 25; i++) {
    const response = await page.request.post(`${DEMO_APP}${path}`, {
      form: {},
      // Without TRUST_PROXY a forwarded address is not believed.
      headers: { Origin: "https://evil.example", "Sec-Fetch-Site": "cross-site", "X-Forwarded-For": "203.0.113.99" },
      maxRedirects: 0,
    });
    expect(response.status()).toBe(403);
  }
  await page.goto("/admin/security");
  const row = page.getByRole("row").filter({ hasText: path });
  await expect(row).toHaveCount(1);
  await expect(row.getByRole("cell", { name: "25", exact: true })).toBeVisible();
  await expect(row).toContainText("Refused: request from another site");
  await expect(row).not.toContainText("203.0.113.99");
});
