import { expect, test, type Page } from "@playwright/test";
import { DEMO_APP, EMPTY_APP } from "./support";

// Issue 13: wrong input is refused with every message at once, next to its field; right input
// is kept as typed. The server's side is in tests/right-data.test.ts; this is the browser's.
test.use({ locale: "en-GB" });

/** Counts the form posts the page sends: with JavaScript, a form with errors sends none. */
function countPosts(page: Page) {
  const posts: string[] = [];
  page.on("request", (request) => {
    if (request.method() === "POST") posts.push(request.url());
  });
  return posts;
}

async function addPartner(page: Page, name: string) {
  await page.goto(`${EMPTY_APP}/partners/new`);
  await page.getByLabel("Name in English").fill(name);
  await page.getByLabel("Kind").selectOption({ label: "City" });
  await page.getByLabel("Country").selectOption({ label: "Türkiye" });
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
}

test("a blank meeting shows every error at once, before anything is sent", async ({ page }) => {
  // Once the form's code has arrived (it loads just after the page, app/forms/deferred.tsx):
  // before that the form is a plain one, checked by the server.
  await page.goto(`${DEMO_APP}/meetings/new`, { waitUntil: "networkidle" });
  const posts = countPosts(page);
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByText("Give the date, or tick 'date unknown'.")).toBeVisible();
  await expect(page.getByText("Choose the partner, or a delegation on file.")).toBeVisible();
  await expect(page.getByText("Add a participant, or write the purpose or a summary.")).toBeVisible();
  await expect(page.getByLabel("Partner", { exact: true })).toHaveAttribute("aria-invalid", "true");
  await expect(page).toHaveURL(/\/meetings\/new$/);
  expect(posts).toEqual([]);
});

test("one person on two rows of a meeting is refused beside the later row, what was typed kept", async ({ page }) => {
  await page.goto(`${DEMO_APP}/meetings/new`, { waitUntil: "networkidle" });
  await page.getByLabel("Year", { exact: true }).fill("2016");
  await page.getByLabel("Partner", { exact: true }).selectOption({ label: "Heilongjiang Province" });
  // The same guest, typed once in Latin and once in Cyrillic.
  for (const [number, name] of [
    [1, "Du Jimin"],
    [2, "Ду Цзимин"],
  ] as const) {
    await page.getByRole("button", { name: "Add a guest" }).click();
    await page
      .getByRole("group", { name: `Participant ${number}` })
      .getByLabel("Name", { exact: true })
      .fill(name);
  }
  await page.getByRole("button", { name: "Save" }).click();
  const second = page.getByRole("group", { name: "Participant 2" });
  await expect(second.getByText("This person is listed already, as participant 1.")).toBeVisible();
  await expect(second.getByLabel("Name", { exact: true })).toHaveValue("Ду Цзимин");
  await expect(page.getByRole("group", { name: "Participant 1" }).getByLabel("Name", { exact: true })).toHaveValue(
    "Du Jimin",
  );
  await expect(page).toHaveURL(/\/meetings\/new$/);
});

test("a blank partner asks for kind, country and a name together", async ({ page }) => {
  // Once the form's code has arrived (it loads just after the page, app/forms/deferred.tsx):
  // before that the form is a plain one, checked by the server.
  await page.goto(`${DEMO_APP}/partners/new`, { waitUntil: "networkidle" });
  const posts = countPosts(page);
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByText("Give the name in at least one language.")).toBeVisible();
  await expect(page.getByLabel("Kind")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByLabel("Country")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByText("Fill this in.")).toHaveCount(2);
  expect(posts).toEqual([]);
});

test("a year with a letter in it is kept as typed and refused", async ({ page }) => {
  // Once the form's code has arrived (it loads just after the page, app/forms/deferred.tsx):
  // before that the form is a plain one, checked by the server.
  await page.goto(`${DEMO_APP}/meetings/new`, { waitUntil: "networkidle" });
  const posts = countPosts(page);
  await page.getByLabel("Year").fill("20O5");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByText("Write the year in digits, for example 2016.")).toBeVisible();
  await expect(page.getByLabel("Year")).toHaveValue("20O5");
  expect(posts).toEqual([]);
  // Once shown, a message follows what is typed.
  await page.getByLabel("Year").fill("205");
  await expect(page.getByText(/^Give a year from 1800 to \d{4}\.$/)).toBeVisible();
  await page.getByLabel("Year").fill("2005");
  await expect(page.getByText(/Give a year from/)).toHaveCount(0);
});

test("a relation step: a bad link does not hide 31 April; a link without https:// is kept with it", async ({
  page,
}) => {
  await addPartner(page, "Linkabad");
  await page.getByRole("link", { name: "Add a relation" }).click();
  await page.getByLabel("Kind of relation").selectOption({ label: "Memorandum of cooperation" });
  await page.getByLabel("Where it stands").selectOption({ label: "Proposed" });
  await page.getByLabel("Date unknown").check();
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("status")).toHaveText("Saved.");

  await page.getByRole("link", { name: "Record a step" }).click();
  const posts = countPosts(page);
  await page.getByLabel("Status").selectOption({ label: "Signed" });
  await page.getByLabel("Day").fill("31");
  await page.getByLabel("Month").selectOption({ label: "April" });
  await page.getByLabel("Year").fill("2019");
  await page.getByLabel("Link").fill("tengrinews");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByText("There is no such date. Check the day and the month.")).toHaveCount(1);
  await expect(page.getByText("Enter a web address, such as tengrinews.kz/news.")).toHaveCount(1);
  expect(posts).toEqual([]);

  await page.getByLabel("Day").fill("30");
  await page.getByLabel("Link").fill("tengrinews.kz/kazakhstan_news/memorandum-2019");
  await page.getByLabel("Outlet").fill("Tengrinews.kz");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("status")).toHaveText("Saved.");
  await expect(page.getByRole("link", { name: "Tengrinews.kz" })).toHaveAttribute(
    "href",
    "https://tengrinews.kz/kazakhstan_news/memorandum-2019",
  );
});

test("'date unknown' is a choice: asked for, saved, and ticked again when the meeting is edited", async ({ page }) => {
  await addPartner(page, "Undatedabad");
  await page.goto(`${EMPTY_APP}/meetings/new`);
  await page.getByLabel("Partner", { exact: true }).selectOption({ label: "Undatedabad" });
  await page.getByLabel("Purpose").fill("Talks whose date no report gives");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByText("Give the date, or tick 'date unknown'.")).toBeVisible();

  // Ticked with a year typed: one or the other.
  const unknown = page.getByRole("checkbox", { name: "Date unknown" });
  await unknown.check();
  await page.getByLabel("Year").fill("2016");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByText("'Date unknown' is ticked: clear the date, or untick the box.")).toBeVisible();

  await page.getByLabel("Year").fill("");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("status")).toHaveText("Saved.");
  await expect(page.getByText("date unknown").first()).toBeVisible();

  await page.getByRole("link", { name: "Edit", exact: true }).click();
  await expect(page.getByRole("checkbox", { name: "Date unknown" })).toBeChecked();
  await expect(page.getByLabel("Year")).toHaveValue("");
});

test("a delegation whose arrival was never reported opens with 'date unknown' ticked", async ({ page }) => {
  // The demo meeting's delegation: the report gives no dates.
  // The demo meeting, 2016: other tests log meetings of their own in other years.
  await page.goto(`${DEMO_APP}/meetings?year=2016`);
  await page.getByRole("main").getByRole("link", { name: "Meeting with Heilongjiang Province" }).first().click();
  await page.getByRole("link", { name: "Open the delegation" }).click();
  // The meeting page has an Edit link too: wait for the delegation's page before choosing it.
  await expect(page).toHaveURL(/\/delegations\/\d+$/);
  await page.getByRole("main").getByRole("link", { name: "Edit", exact: true }).click();
  const arrival = page.getByRole("group", { name: "Arrival" });
  await expect(arrival.getByRole("checkbox", { name: "Date unknown" })).toBeChecked();
  // A departure may stay blank: it has no box.
  await expect(
    page.getByRole("group", { name: "Departure" }).getByRole("checkbox", { name: "Date unknown" }),
  ).toHaveCount(0);
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the server answers a blank meeting with every error at once", async ({ page }) => {
    await page.goto(`${DEMO_APP}/meetings/new`);
    await page.getByRole("button", { name: "Save" }).click();
    await expect(page.getByText("Give the date, or tick 'date unknown'.")).toBeVisible();
    await expect(page.getByText("Choose the partner, or a delegation on file.")).toBeVisible();
    await expect(page.getByText("Add a participant, or write the purpose or a summary.")).toBeVisible();
  });

  test("the date-unknown box is a plain checkbox that works without a script", async ({ page }) => {
    await page.goto(`${DEMO_APP}/meetings/new`);
    await page.getByLabel("Partner", { exact: true }).selectOption({ label: "Heilongjiang Province" });
    await page.getByLabel("Summary").fill("An undated exchange of letters, logged without JavaScript");
    await page.getByRole("checkbox", { name: "Date unknown" }).check();
    await page.getByRole("button", { name: "Save" }).click();
    await expect(page.getByRole("status")).toHaveText("Saved.");
    await expect(page.getByText("date unknown").first()).toBeVisible();
  });
});
