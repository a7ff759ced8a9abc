import { expect, test } from "@playwright/test";
import { ADMIN } from "./support";

test.use({ locale: "en-GB" });

const UNSENT =
  "Kezdesu could not be reached, or its answer did not arrive: the change may not have been saved. What you typed is still here: check the connection and send the form again.";

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("a short meeting is logged end to end", async ({ page }) => {
    await page.goto("/meetings/new");
    await page.getByLabel("Year").fill("2019");
    await page.getByLabel("Month").selectOption({ label: "April" });
    await page.getByLabel("Partner", { exact: true }).selectOption({ label: "Heilongjiang Province" });
    // Adding a row posts the form; the server sends it back with one row more.
    await page.getByRole("button", { name: "Add a guest" }).click();
    await expect(page.getByRole("group", { name: "Participant 1" })).toBeVisible();
    await expect(page.getByLabel("Year")).toHaveValue("2019");
    const row = page.getByRole("group", { name: "Participant 1" });
    await row.getByLabel("Name", { exact: true }).fill("Aigerim No-Script");
    await row.getByLabel("Role").selectOption({ label: "Led the delegation" });
    await page.getByLabel("Purpose").fill("A visit logged without JavaScript");
    await page.getByRole("button", { name: "Save" }).click();

    await expect(page.getByRole("status")).toHaveText("Saved.");
    await expect(page.getByRole("heading", { level: 1, name: "Meeting" })).toBeVisible();
    await expect(page.getByText("April 2019").first()).toBeVisible();
    await expect(page.getByRole("region", { name: "Guest side" })).toContainText("Aigerim No-Script");
  });

  test("bad input comes back with the message next to the field and everything typed kept", async ({ page }) => {
    await page.goto("/meetings/new");
    await page.getByLabel("Day").fill("31");
    await page.getByLabel("Month").selectOption({ label: "February" });
    await page.getByLabel("Year").fill("2017");
    await page.getByLabel("Purpose").fill("<script>alert('x')</script> Ақмола 🙂");
    await page.getByRole("button", { name: "Save" }).click();
    await expect(page.getByText("There is no such date. Check the day and the month.")).toBeVisible();
    await expect(page.getByLabel("Purpose")).toHaveValue("<script>alert('x')</script> Ақмола 🙂");
    await expect(page.getByLabel("Day")).toHaveValue("31");
  });
});

test("the partner form refuses bad input in the reader's language and keeps what was typed", async ({ page }) => {
  await page.goto("/partners/new");
  await page.getByLabel("Name in English").fill("Ankara");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByText("Fill this in.").first()).toBeVisible();
  await expect(page.getByLabel("Name in English")).toHaveValue("Ankara");
  await expect(page.getByLabel("Kind")).toHaveAttribute("aria-invalid", "true");
});

test("a name on file in another script is shown before a second partner is made", async ({ page }) => {
  await page.goto("/partners/new");
  await page.getByLabel("Name in Russian").fill("УРУМЧИ");
  await page.getByLabel("Kind").selectOption({ label: "City" });
  await page.getByLabel("Country").selectOption({ label: "China" });
  await page.getByRole("button", { name: "Save" }).click();
  const notice = page.getByRole("alert").filter({ hasText: "Already on file" });
  await expect(notice.getByRole("link", { name: "Urumqi" })).toBeVisible();
  await expect(page).toHaveURL(/\/partners\/new$/);
});

test("leaving a form with unsaved changes asks first", async ({ page }) => {
  await page.goto("/people/new");
  await page.getByLabel("Full name in Latin script").fill("Someone Unsaved");
  // One handler answers the questions in turn: the click can return before the question is
  // asked, and a second handler, added for the second question, answered the first as well.
  const answers = ["dismiss", "accept"];
  let asked = 0;
  page.on("dialog", (dialog) => {
    asked++;
    void (answers.shift() === "accept" ? dialog.accept() : dialog.dismiss());
  });
  const meetings = page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Meetings" });
  await meetings.click();
  await expect.poll(() => asked).toBe(1);
  await expect(page).toHaveURL(/\/people\/new$/);
  await expect(page.getByLabel("Full name in Latin script")).toHaveValue("Someone Unsaved");

  await meetings.click();
  await expect.poll(() => asked).toBe(2);
  await expect(page.getByRole("heading", { level: 1, name: "Meetings" })).toBeVisible();
});

test("a form left untouched is left without a question, and leaves no draft behind", async ({ page }) => {
  // A select showing its first option, as the page gave it, read as changed: every form with one
  // asked before it was left, and the meeting form kept an empty draft and said it was restored.
  page.on("dialog", (dialog) => {
    throw new Error(`Asked before leaving an untouched form: ${dialog.message()}`);
  });
  await page.goto("/partners/new", { waitUntil: "networkidle" });
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Meetings" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Meetings" })).toBeVisible();
  await page.goto("/meetings/new", { waitUntil: "networkidle" });
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Partners" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Partners" })).toBeVisible();
  await page.goto("/meetings/new", { waitUntil: "networkidle" });
  await expect(page.getByRole("heading", { level: 1, name: "Log a meeting" })).toBeVisible();
  await expect(page.getByText("Your unsaved draft of this form was restored.")).toHaveCount(0);
});

test("what is typed before the form's code arrives still counts as unsaved (issue 17's deferred forms)", async ({
  page,
}) => {
  // Once the form's code has loaded and the guard is there to be asked.
  await page.goto("/people/new", { waitUntil: "networkidle" });
  // Typing before the form's code ran raised no event the form library saw: the value is set as
  // such typing leaves it, with no input event.
  await page.getByLabel("Full name in Latin script").evaluate((input: HTMLInputElement) => {
    input.value = "Typed Early";
  });
  page.once("dialog", (dialog) => dialog.dismiss());
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Meetings" }).click();
  await expect(page).toHaveURL(/\/people\/new$/);
  await expect(page.getByLabel("Full name in Latin script")).toHaveValue("Typed Early");
});

test("what is typed before the form's code arrives is kept over a draft left earlier", async ({ page }) => {
  const field = page.getByLabel("Full name in Latin script");
  await page.goto("/people/new", { waitUntil: "networkidle" });
  await field.fill("Left Earlier");
  await expect.poll(() => page.evaluate(() => JSON.stringify(localStorage))).toContain("Left Earlier");
  // The form's code held back until the reader has typed (routing also turns the cache off).
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(/\/build\/_shared\/PersonForm-[^/]+\.js$/, async (route) => {
    await held;
    await route.continue();
  });
  await page.goto("/people/new", { waitUntil: "domcontentloaded" });
  await field.fill("Typed Just Now");
  release();
  // Once the code has run, the draft is what was typed, and the field still holds it.
  await expect.poll(() => page.evaluate(() => JSON.stringify(localStorage))).toContain("Typed Just Now");
  await expect(field).toHaveValue("Typed Just Now");
  await expect(page.getByText("Your unsaved draft of this form was restored.")).toHaveCount(0);
});

test("a draft of the meeting form survives a reload", async ({ page }) => {
  await page.goto("/meetings/new");
  await page.getByLabel("Purpose").fill("Draft that must not be lost");
  // The draft is written a moment after the last keystroke: wait until this browser holds it.
  await expect
    .poll(() =>
      page.evaluate(() =>
        Object.keys(localStorage).some((key) => localStorage.getItem(key)?.includes("Draft that must not be lost")),
      ),
    )
    .toBe(true);
  await page.reload();
  await expect(page.getByText("Your unsaved draft of this form was restored.")).toBeVisible();
  await expect(page.getByLabel("Purpose")).toHaveValue("Draft that must not be lost");
});

test("every record's form keeps a draft through a reload: a new person, an initiative's step, a partner being edited", async ({
  page,
}) => {
  const restored = page.getByText("Your unsaved draft of this form was restored.");
  const forms = [
    { path: "/people/new", field: "Full name in Latin script" },
    { path: "/initiatives/1/step", field: "What happened" },
    { path: "/partners/1/edit", field: "Name in English" },
  ];
  for (const { path, field } of forms) {
    await page.goto(path, { waitUntil: "networkidle" });
    const typed = `Draft of ${path} ${Date.now().toString(36)}`;
    await page.getByLabel(field).fill(typed);
    await expect.poll(() => page.evaluate(() => JSON.stringify(localStorage))).toContain(typed);
    await page.reload();
    await expect(restored).toBeVisible();
    await expect(page.getByLabel(field)).toHaveValue(typed);
  }
  // Another partner's form is not filled from the first one's draft.
  await page.goto("/partners/2/edit", { waitUntil: "networkidle" });
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(restored).toHaveCount(0);
  await page.goto("/partners/1/edit", { waitUntil: "networkidle" });
  await page.getByRole("button", { name: "Discard the draft" }).click();
  await expect(restored).toHaveCount(0);
  await expect(page.getByLabel("Name in English")).not.toHaveValue(/^Draft of/);
});

test("a draft is kept when the browser's storage is full of drafts left earlier", async ({ page }) => {
  await page.goto("/meetings/new", { waitUntil: "networkidle" });
  // Reviews of pasted reports left unsaved, each with its report, until the storage is full.
  await page.evaluate(() => {
    let n = 0;
    for (let size = 500_000; size >= 1; size = Math.floor(size / 2)) {
      const text = "x".repeat(size);
      for (;;) {
        try {
          localStorage.setItem(`kezdesu:draft:0:meeting-from-report-left-${n++}`, text);
        } catch {
          break;
        }
      }
    }
  });
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  await page.getByLabel("Purpose").fill("Typed into a full browser");
  await expect
    .poll(() => page.evaluate(() => JSON.stringify(Object.values(localStorage)).includes("Typed into a full browser")))
    .toBe(true);
  await page.reload();
  await expect(page.getByText("Your unsaved draft of this form was restored.")).toBeVisible();
  await expect(page.getByLabel("Purpose")).toHaveValue("Typed into a full browser");
  expect(errors).toEqual([]);
  await page.getByRole("button", { name: "Discard the draft" }).click();
});

test("a save that fails on the way keeps the form as typed, its draft too, gone once the meeting is saved", async ({
  page,
}) => {
  await page.goto("/meetings/new", { waitUntil: "networkidle" });
  await page.getByLabel("Year").fill("2019");
  await page.getByLabel("Month").selectOption({ label: "April" });
  await page.getByLabel("Partner", { exact: true }).selectOption({ label: "Heilongjiang Province" });
  const purpose = `Sent as the network dropped ${Date.now().toString(36)}`;
  await page.getByLabel("Purpose").fill(purpose);
  // The connection drops as the form is sent: the form stays, as typed, saying so.
  await page.context().setOffline(true);
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("alert")).toHaveText(UNSENT);
  await expect(page.getByLabel("Purpose")).toHaveValue(purpose);
  await expect(page.getByLabel("Month")).toHaveValue("4");
  await page.context().setOffline(false);

  // Left for another page meanwhile, the form comes back from its draft.
  await page.goto("/meetings");
  await page.goto("/meetings/new");
  await expect(page.getByText("Your unsaved draft of this form was restored.")).toBeVisible();
  await expect(page.getByLabel("Purpose")).toHaveValue(purpose);
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Saved." })).toBeVisible();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Heilongjiang");

  await page.goto("/meetings/new");
  await expect(page.getByRole("heading", { level: 1, name: "Log a meeting" })).toBeVisible();
  await expect(page.getByText("Your unsaved draft of this form was restored.")).toHaveCount(0);
  await expect(page.getByLabel("Purpose")).toHaveValue("");
});

test("every form's save that fails on the way keeps what was typed: a person, sent again once the line is back", async ({
  page,
}) => {
  await page.goto("/people/new", { waitUntil: "networkidle" });
  const name = `Offline Tester ${Date.now().toString(36)}`;
  await page.getByLabel("Full name in Latin script").fill(name);
  // The answer is lost on the way (the post itself never reaches the server here).
  const post = (url: URL) => /^\/people\/new(\.data)?$/.test(url.pathname);
  await page.route(post, (route) =>
    route.request().method() === "POST" ? route.abort("connectionreset") : route.fallback(),
  );
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("alert")).toHaveText(UNSENT);
  await expect(page.getByRole("heading", { level: 1, name: "New person" })).toBeVisible();
  await expect(page.getByLabel("Full name in Latin script")).toHaveValue(name);
  await page.unroute(post);
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("status")).toHaveText("Saved.");
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
});

test.describe("signed out", () => {
  test.use({ storageState: { cookies: [], origins: [] } });

  test("a sign-in sent with the line down keeps email and password, and signs in once it is back", async ({ page }) => {
    await page.goto("/sign-in", { waitUntil: "networkidle" });
    await page.getByLabel("Email").fill(ADMIN.email);
    await page.getByLabel("Password").fill(ADMIN.password);
    await page.context().setOffline(true);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("alert")).toHaveText(UNSENT);
    await expect(page.getByLabel("Email")).toHaveValue(ADMIN.email);
    await expect(page.getByLabel("Password")).toHaveValue(ADMIN.password);
    await page.context().setOffline(false);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
  });
});

test("after saving, Back does not post the form again", async ({ page }) => {
  await page.goto("/people/new");
  await page.getByLabel("Full name in Latin script").fill("Back Button Tester");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("status")).toHaveText("Saved.");
  await page.goBack();
  await expect(page).toHaveURL(/\/people\/new$/);
  await page.goto("/people");
  await expect(page.getByRole("link", { name: "Back Button Tester" })).toHaveCount(1);
});

test("a post's body is picked from suggestions typed in another script, and the edit form shows it (issue 12.4)", async ({
  page,
}) => {
  await page.goto("/people/new");
  await page.getByLabel("Full name in Latin script").fill("Picker Post Tester");
  await page.getByRole("button", { name: "Add a post" }).click();
  const post = page.getByRole("group", { name: "Post 1" });
  await post.getByLabel("Organisation").pressSequentially("маслихат гор");
  await post.getByRole("option", { name: /Astana City Maslikhat/ }).click();
  await expect(post.getByText("On file", { exact: true })).toBeVisible();
  await post.getByLabel("Title in English").fill("Deputy");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("status")).toHaveText("Saved.");
  await expect(page.getByRole("main")).toContainText("Astana City Maslikhat");

  await page.getByRole("link", { name: "Edit", exact: true }).click();
  await expect(page.getByRole("group", { name: "Post 1" }).getByLabel("Organisation")).toHaveValue(
    "Astana City Maslikhat",
  );
});
