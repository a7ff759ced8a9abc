/**
 * Issue 16.3: the account's calendar feed and the `.ics` of a meeting or visit, read back with
 * ical.js (Mozilla's parser, used by Thunderbird) to prove they are RFC 5545 that a calendar
 * program understands, and what they hold.
 */
import ICAL from "ical.js";
import { beforeAll, describe, expect, test } from "vitest";
import { calendarFeeds, delegations, initiatives, meetings, partners } from "~db/schema";
import { getDb } from "~/db.server";
import { disableUser, enableUser } from "~/models/users.server";
import { todayInAstana } from "~/utils/today";
import { accountFor, cookieFor } from "./support/accounts";
import { submit } from "./support/forms";

const { action: feedAction, loader: feedPageLoader } = await import("~/routes/account.calendar");
const { loader: feedLoader } = await import("~/routes/calendar.$token");
const { loader: meetingIcsLoader } = await import("~/routes/meetings.$meetingId_.calendar[.ics]");
const { loader: visitIcsLoader } = await import("~/routes/delegations.$delegationId_.calendar[.ics]");

const today = todayInAstana();
const [year, month] = today.split("-").map(Number);
/** A day `days` from today, as YYYY-MM-DD. */
const inDays = (days: number) =>
  new Date(Date.parse(`${today}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
const pad = (n: number) => String(n).padStart(2, "0");
// Next month's first day, so a month-precision meeting is wholly in the future.
const nextMonth = month === 12 ? `${year + 1}-01-01` : `${year}-${pad(month + 1)}-01`;

const ids: Record<string, number> = {};

beforeAll(() => {
  const db = getDb();
  const partnerId = db
    .insert(partners)
    .values({ kind: "province", countryCode: "CN", nameEn: "Heilongjiang", nameRu: "Хэйлунцзян" })
    .returning({ id: partners.id })
    .get().id;
  const meeting = (values: Partial<typeof meetings.$inferInsert>) =>
    db
      .insert(meetings)
      .values({ language: "en", partnerId, ...values })
      .returning({ id: meetings.id })
      .get().id;
  ids.timed = meeting({
    date: inDays(10),
    datePrecision: "day",
    startTime: "15:30",
    location: "Astana, Beibitshilik 11",
    purpose: '=HYPERLINK("x"); a purpose, with commas',
  });
  ids.allDay = meeting({ date: inDays(20), datePrecision: "day" });
  ids.month = meeting({ date: nextMonth, datePrecision: "month" });
  ids.past = meeting({ date: inDays(-3), datePrecision: "day" });
  ids.undated = meeting({});
  ids.tooFar = meeting({ date: inDays(500), datePrecision: "day" });
  ids.visit = db
    .insert(delegations)
    .values({
      partnerId,
      direction: "incoming",
      arrival: inDays(9),
      arrivalPrecision: "day",
      departure: inDays(12),
      departurePrecision: "day",
      purpose: "Heilongjiang days in Astana",
    })
    .returning({ id: delegations.id })
    .get().id;
  ids.pastVisit = db
    .insert(delegations)
    .values({ partnerId, direction: "outgoing", arrival: inDays(-30), arrivalPrecision: "day" })
    .returning({ id: delegations.id })
    .get().id;
  const initiative = (values: Partial<typeof initiatives.$inferInsert>) =>
    db
      .insert(initiatives)
      .values({ kind: "event", status: "agreed", partnerId, ...values })
      .returning({ id: initiatives.id })
      .get().id;
  ids.due = initiative({ titleEn: "EXPO-2017 participation", due: inDays(30), duePrecision: "day" });
  ids.dueDone = initiative({ titleEn: "Done already", status: "done", due: inDays(30), duePrecision: "day" });
  ids.dueOverdue = initiative({ titleEn: "Overdue one", due: inDays(-30), duePrecision: "day" });
});

type Parsed = { name: unknown; events: ICAL.Event[] };

function parse(text: string): Parsed {
  const calendar = new ICAL.Component(ICAL.parse(text));
  return {
    // An X- property's value is TEXT (RFC 5545, 3.8.8.2), escaped; ical.js leaves it as written.
    name: ICAL.design.icalendar.value.text.fromICAL(String(calendar.getFirstPropertyValue("x-wr-calname"))),
    events: calendar.getAllSubcomponents("vevent").map((v) => new ICAL.Event(v)),
  };
}

async function makeFeed(fields: Record<string, string>, as: "viewer" | "editor" = "viewer") {
  const cookie = await cookieFor(as);
  const body = new URLSearchParams(fields);
  const request = new Request("http://localhost/account/calendar", {
    method: "POST",
    body,
    headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: cookie, "Accept-Language": "en" },
  });
  const reply = (await feedAction({ request, params: {}, context: {} })) as { address: string };
  return reply.address;
}

const fetchFeed = async (address: string) => {
  const url = new URL(address);
  const response = (await feedLoader({
    request: new Request(url),
    params: { token: url.pathname.split("/").pop() },
    context: {},
  })) as Response;
  return response;
};

describe("the calendar feed", () => {
  let address: string;

  test("is made from the account's page, at a secret address of which only the hash is kept", async () => {
    address = await makeFeed({ intent: "create", language: "en", partialDates: "all_day" });
    expect(address).toMatch(/^http:\/\/localhost\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);
    const token = address.split("/").pop()!.replace(".ics", "");
    const { id } = await accountFor("viewer");
    const row = getDb().select().from(calendarFeeds).all();
    expect(row).toHaveLength(1);
    expect(row[0].userId).toBe(id);
    expect(JSON.stringify(row)).not.toContain(token);
    expect(row[0].tokenHash).toMatch(/^[0-9a-f]{64}$/);
    // The page, later, says the feed is on but can no longer show the address.
    const page = await feedPageLoader({
      request: new Request("http://localhost/account/calendar", {
        headers: { Cookie: await cookieFor("viewer"), "Accept-Language": "en" },
      }),
      params: {},
      context: {},
    });
    expect(page.feed).toMatchObject({ language: "en", partialDates: "all_day" });
    expect(JSON.stringify(page)).not.toContain(token);
  });

  test("parses as iCalendar and holds the coming meetings, visits and due dates, privately", async () => {
    const response = await fetchFeed(address);
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toBe("text/calendar; charset=utf-8");
    expect(response.headers.get("Cache-Control")).toBe("private, no-store");
    const { name, events } = parse(await response.text());
    expect(name).toBe("Kezdesu: meetings, visits and due dates");
    const byUid = new Map(events.map((e) => [e.uid.split("@")[0], e]));
    expect([...byUid.keys()].sort()).toEqual(
      [
        `meeting-${ids.timed}`,
        `meeting-${ids.allDay}`,
        `meeting-${ids.month}`,
        `delegation-${ids.visit}`,
        `initiative-due-${ids.due}`,
      ].sort(),
    );

    // 15:30 in Astana is 10:30 UTC; no end was recorded, so none is invented.
    const timed = byUid.get(`meeting-${ids.timed}`)!;
    expect(timed.summary).toBe("Meeting with Heilongjiang");
    expect(timed.startDate.isDate).toBe(false);
    expect(timed.startDate.toJSDate().toISOString()).toBe(`${inDays(10)}T10:30:00.000Z`);
    expect(timed.location).toBe("Astana, Beibitshilik 11");
    expect(timed.description).toBe('=HYPERLINK("x"); a purpose, with commas');
    expect(timed.component.getFirstPropertyValue("dtend")).toBeNull();
    expect(timed.component.getFirstPropertyValue("url")).toBe(`http://localhost/meetings/${ids.timed}`);

    const allDay = byUid.get(`meeting-${ids.allDay}`)!;
    expect(allDay.startDate.isDate).toBe(true);
    expect(allDay.startDate.toString()).toBe(inDays(20));
    expect(allDay.endDate.toString()).toBe(inDays(21));

    // Known only to the month: all day over the whole month, and the title says so.
    const monthOnly = byUid.get(`meeting-${ids.month}`)!;
    expect(monthOnly.startDate.isDate).toBe(true);
    expect(monthOnly.startDate.toString()).toBe(nextMonth);
    const [ny, nm] = nextMonth.split("-").map(Number);
    expect(monthOnly.endDate.toString()).toBe(nm === 12 ? `${ny + 1}-01-01` : `${ny}-${pad(nm + 1)}-01`);
    expect(monthOnly.summary).toMatch(/^Meeting with Heilongjiang \([A-Z][a-z]+ \d{4}\)$/);

    const visit = byUid.get(`delegation-${ids.visit}`)!;
    expect(visit.summary).toBe("Visit to us: Delegation of Heilongjiang");
    expect(visit.startDate.toString()).toBe(inDays(9));
    // The departure day is the visit's last: DTEND is the day after (RFC 5545, 3.6.1).
    expect(visit.endDate.toString()).toBe(inDays(13));

    expect(byUid.get(`initiative-due-${ids.due}`)!.summary).toBe("Due: EXPO-2017 participation");
  });

  test("leaves out dates known only to the month or year when its settings say so, in the language chosen", async () => {
    const saved = await submit(
      feedAction,
      "/account/calendar",
      {
        intent: "settings",
        language: "ru",
        partialDates: "leave_out",
      },
      { as: "viewer" },
    );
    expect(saved.status).toBe(302);
    const { name, events } = parse(await (await fetchFeed(address)).text());
    expect(name).toBe("Kezdesu: встречи, визиты и сроки");
    const uids = events.map((e) => e.uid.split("@")[0]);
    expect(uids).not.toContain(`meeting-${ids.month}`);
    expect(uids).toContain(`meeting-${ids.allDay}`);
    expect(events.find((e) => e.uid.startsWith(`meeting-${ids.timed}@`))!.summary).toBe("Встреча: Хэйлунцзян");
  });

  test("in Kazakh, a month inside a title is written as the language writes it; the calendar's name is escaped", async () => {
    const kazakh = await makeFeed({ intent: "create", language: "kk", partialDates: "all_day" }, "editor");
    const text = await (await fetchFeed(kazakh)).text();
    // RFC 5545 TEXT: a comma in the name is "\,", as in every other text of the feed.
    const unfolded = text.replace(/\r\n /g, "");
    expect(unfolded).toContain("\r\nNAME:Kezdesu: кездесулер\\, сапарлар және мерзімдер\r\n");
    expect(unfolded).toContain("\r\nX-WR-CALNAME:Kezdesu: кездесулер\\, сапарлар және мерзімдер\r\n");
    const { name, events } = parse(text);
    expect(name).toBe("Kezdesu: кездесулер, сапарлар және мерзімдер");
    const monthOnly = events.find((e) => e.uid.startsWith(`meeting-${ids.month}@`))!;
    expect(monthOnly.summary).toMatch(
      / \(\d{4} жылғы (қаңтар|ақпан|наурыз|сәуір|мамыр|маусым|шілде|тамыз|қыркүйек|қазан|қараша|желтоқсан)\)$/u,
    );
    expect((await submit(feedAction, "/account/calendar", { intent: "stop" }, { as: "editor" })).status).toBe(302);
  });

  test("renewing it gives a new address and the old one stops working at once", async () => {
    const renewed = await makeFeed({ intent: "renew" });
    expect(renewed).not.toBe(address);
    expect((await fetchFeed(address)).status).toBe(404);
    expect((await fetchFeed(renewed)).status).toBe(200);
    // The settings survive a renewal.
    expect(parse(await (await fetchFeed(renewed)).text()).name).toBe("Kezdesu: встречи, визиты и сроки");
    address = renewed;
  });

  test("an unknown or malformed token is a 404, the same as a stopped feed's", async () => {
    for (const token of ["A".repeat(43), "A".repeat(43) + ".ics", "nope", "../../etc/passwd", ""]) {
      const response = await feedLoader({
        request: new Request(`http://localhost/calendar/${token}`),
        params: { token },
        context: {},
      });
      expect((response as Response).status, token).toBe(404);
    }
    // Another account's feed is its own address, and stopping one leaves the other working.
    const editors = await makeFeed({ intent: "create", language: "kk", partialDates: "all_day" }, "editor");
    expect((await fetchFeed(editors)).status).toBe(200);
    expect((await submit(feedAction, "/account/calendar", { intent: "stop" }, { as: "editor" })).status).toBe(302);
    expect((await fetchFeed(editors)).status).toBe(404);
    expect((await fetchFeed(address)).status).toBe(200);
  });

  test("stops working when its account is disabled, and stays stopped once it is enabled again", async () => {
    const admin = await accountFor("admin");
    const viewer = await accountFor("viewer");
    expect(disableUser(viewer.id, admin.id)).toEqual({ ok: true });
    expect((await fetchFeed(address)).status).toBe(404);
    expect(enableUser(viewer.id, admin.id)).toEqual({ ok: true });
    expect((await fetchFeed(address)).status).toBe(404);
  });

  test("settings no form of ours sends are refused", async () => {
    const refused = await submit(
      feedAction,
      "/account/calendar",
      { intent: "settings", language: "de", partialDates: "x" },
      { as: "editor" },
    );
    expect(refused.status).toBe(400);
  });
});

describe("a meeting's and a visit's .ics", () => {
  const get = async (
    loader: typeof meetingIcsLoader,
    path: string,
    params: Record<string, string>,
    signedIn = true,
  ) => {
    try {
      return (await loader({
        request: new Request(`http://localhost${path}`, {
          headers: { ...(signedIn ? { Cookie: await cookieFor("editor") } : {}), "Accept-Language": "en" },
        }),
        params,
        context: {},
      })) as Response;
    } catch (thrown) {
      return thrown as Response;
    }
  };

  test("are downloads that parse, for signed-in accounts only", async () => {
    const path = `/meetings/${ids.timed}/calendar.ics`;
    const response = await get(meetingIcsLoader, path, { meetingId: String(ids.timed) });
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Disposition")).toBe(`attachment; filename="meeting-${ids.timed}.ics"`);
    expect(response.headers.get("Cache-Control")).toBe("private, no-store");
    const { events } = parse(await response.text());
    expect(events).toHaveLength(1);
    expect(events[0].summary).toBe("Meeting with Heilongjiang");

    const signedOut = await get(meetingIcsLoader, path, { meetingId: String(ids.timed) }, false);
    expect(signedOut.status).toBe(302);
    expect(signedOut.headers.get("Location")).toMatch(/^\/sign-in/);

    const visit = await get(visitIcsLoader, `/delegations/${ids.visit}/calendar.ics`, {
      delegationId: String(ids.visit),
    });
    expect(parse(await visit.text()).events.map((e) => [e.startDate.toString(), e.endDate.toString()])).toEqual([
      [inDays(9), inDays(13)],
    ]);
  });

  test("a past meeting still has one; a meeting with no date has none", async () => {
    const past = await get(meetingIcsLoader, "/", { meetingId: String(ids.past) });
    expect(parse(await past.text()).events[0].startDate.toString()).toBe(inDays(-3));
    expect((await get(meetingIcsLoader, "/", { meetingId: String(ids.undated) })).status).toBe(404);
  });
});
