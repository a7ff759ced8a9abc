/** The pages the benchmark measures, with ids looked up in the dataset being served. */
import Database from "better-sqlite3";
import { BUSY_PARTNER_NAME, COMMON_WORD, RARE_WORD } from "./generate";

export type Page = { name: string; path: string; route: string; method?: "POST"; body?: string };

/** The framework's floor (bench/floor): one route, twenty rows, served by its own server. */
export const FLOOR: Page = { name: "floor: bare Remix app (bench/floor)", path: "/", route: "routes/_index" };

/**
 * A page's request headers: signed in, in Kazakh, compression asked as Chromium asks it, and a
 * same-site form post for the POST.
 */
export function requestHeaders(page: Page, cookie: string): Record<string, string> {
  return {
    Cookie: cookie,
    "Accept-Language": "kk",
    "Accept-Encoding": "gzip, deflate, br",
    ...(page.body ? { "Content-Type": "application/x-www-form-urlencoded", "Sec-Fetch-Site": "same-origin" } : {}),
  };
}

export function pagesFor(file: string): Page[] {
  const db = new Database(file, { readonly: true });
  const busy = db.prepare("select id from partners where name_en = ?").pluck().get(BUSY_PARTNER_NAME) as number;
  const meeting = db
    .prepare("select id from meetings where partner_id = ? order by date desc limit 1")
    .pluck()
    .get(busy) as number;
  const meetings = db.prepare("select count(*) from meetings").pluck().get() as number;
  const people = db.prepare("select id from people order by id limit 10").pluck().all() as number[];
  const home = db
    .prepare("select id from organisations where partner_id = (select id from partners where is_home = 1) limit 1")
    .pluck()
    .get() as number;
  db.close();
  const form = new URLSearchParams({
    language: "kk",
    "date.year": "2026",
    "date.month": "11",
    "date.day": "24",
    partnerId: String(busy),
    hostOrganisationId: String(home),
    purpose: "Бенчмарк: ынтымақтастық туралы кездесу",
  });
  people.forEach((personId, i) => {
    form.set(`participants[${i}].personId`, String(personId));
    form.set(`participants[${i}].side`, i < 4 ? "host" : "guest");
    form.set(`participants[${i}].role`, i === 0 ? "chaired" : "attended");
  });
  return [
    // Kezdesu's shell: the session, language, flash, header and middleware around a page that shows nothing.
    { name: "shell: /healthz signed in", path: "/healthz", route: "routes/healthz" },
    { name: "overview", path: "/", route: "routes/_index" },
    { name: "partners list", path: "/partners", route: "routes/partners._index" },
    { name: "partner page (2,000 events)", path: `/partners/${busy}`, route: "routes/partners.$partnerId" },
    { name: "swimlane chart", path: "/partners/chart", route: "routes/partners.chart" },
    { name: "meetings list, first page", path: "/meetings", route: "routes/meetings._index" },
    {
      name: "meetings list, last page",
      path: `/meetings?page=${Math.ceil(meetings / 20)}`,
      route: "routes/meetings._index",
    },
    { name: "meeting page", path: `/meetings/${meeting}`, route: "routes/meetings.$meetingId" },
    { name: "search: a rare word", path: `/search?q=${RARE_WORD}`, route: "routes/search" },
    { name: "search: a word in most records", path: `/search?q=${COMMON_WORD}`, route: "routes/search" },
    {
      name: "search: a name in another script",
      path: `/search?q=${encodeURIComponent("Цинчжоу")}`,
      route: "routes/search",
    },
    {
      name: "log a meeting, 10 participants (POST)",
      path: "/meetings/new",
      route: "routes/meetings.new",
      method: "POST",
      body: form.toString(),
    },
  ];
}
