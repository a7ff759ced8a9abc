/**
 * What each of the most read pages reads, kept until something is saved (cachedRead). Each
 * page's cache key is built here, next to the reads it keeps, so a key can never leave out
 * something its reads depend on (issue 14.1). Routes parse the address and call these.
 */
import type { Language } from "~/i18n/config";
import type { TimelineKind, TimelineView } from "~/utils/timeline";
import { cachedRead } from "~/utils/read-cache.server";
import { partnerDelegations } from "./delegations.server";
import { initiativeLines, listInitiatives } from "./initiatives/read.server";
import { meetingListFilter, searchResults } from "./list-filters.server";
import { getMeeting, listMeetings } from "./meetings/read.server";
import { documentsOfSteps, listDocuments } from "./documents.server";
import { quietPartners, recentMeetings, upcoming } from "./overview.server";
import { getPartner, listPartners, peopleMetFrom, type PartnerSort } from "./partners/read.server";
import { partnerCountries, relationLanes, type ChartFilter, type RelationLane } from "./relation-chart.server";
import { partnerTimelinePage } from "./timeline.server";

/**
 * A page of partners as the lists show them: each relation's kind and status, not its steps
 * (the export reads the steps from listPartners itself). The steps, sent with the page's data,
 * were most of the partners list's and half of the overview's (issue 17).
 */
function partnerLines(list: ReturnType<typeof listPartners>) {
  return {
    ...list,
    items: list.items.map(({ relations, ...partner }) => ({
      ...partner,
      relations: relations.map(({ id, type, status }) => ({ id, type, status })),
    })),
  };
}

/** The overview's lists: the same for every reader of a language on a day. */
function overviewLists(lng: Language, today: string) {
  return {
    upcoming: upcoming(lng, today),
    meetings: recentMeetings(lng, today),
    overdue: initiativeLines(listInitiatives({ lng, page: 1, pageSize: 8, filter: { overdueOn: today }, today }), lng),
    initiatives: initiativeLines(
      listInitiatives({ lng, page: 1, pageSize: 8, filter: { openOnly: true }, today }),
      lng,
    ),
    partners: partnerLines(listPartners({ lng, page: 1, pageSize: 10 })),
    quiet: quietPartners(lng, today),
  };
}

export type OverviewLists = ReturnType<typeof overviewLists>;

/**
 * The overview's lists, drawn by `draw` (a component, which a model does not import) and kept as
 * markup with their reads: the same for every account until the data or the day changes.
 */
export function overviewPage(lng: Language, today: string, draw: (lists: OverviewLists) => string) {
  return cachedRead(`overview:${lng}:${today}`, () => draw(overviewLists(lng, today)));
}

export type PartnerLines = ReturnType<typeof partnerLines>;

/**
 * A page of the partners list, drawn by `draw` and kept as markup with its reads, as the meetings
 * list's: the same for every account of a language until the data changes.
 */
export function partnersPage(lng: Language, sort: PartnerSort, page: number, draw: (partners: PartnerLines) => string) {
  return cachedRead(`partners:${lng}:${sort}:${page}`, () => {
    const partners = partnerLines(listPartners({ lng, page, sort }));
    const { items: _drawn, ...pages } = partners;
    return { pages, list: draw(partners) };
  });
}

/**
 * The meetings list: everything it shows follows from the address (filters, page) and the data.
 * Its page, filter and pages' links, is drawn by `draw` and kept as markup, as the partner page's lists.
 */
export function meetingsPage(
  lng: Language,
  search: URLSearchParams,
  page: number,
  draw: (meetings: ReturnType<typeof listMeetings>, view: MeetingsView) => string,
) {
  return cachedRead(`meetings:${lng}:${search.toString()}`, () => {
    const { years, filter, partnerName, topic, filtered } = meetingListFilter(search, lng);
    const meetings = listMeetings({ lng, page, filter });
    const { items: _drawn, ...pages } = meetings;
    return { pages, markup: draw(meetings, { filter: { partnerName, year: filter.year, topic }, filtered, years }) };
  });
}

/** What the meetings list's filter shows: the values asked for, and the years there are meetings of. */
export type MeetingsView = {
  filter: { partnerName: string; year: number | undefined; topic: string };
  filtered: boolean;
  years: number[];
};

/**
 * A meeting's page: null when there is no such meeting. Read afresh, its ten statements were a
 * tenth of the page's server time (issue 17), and a meeting is opened again and again between
 * two saves (from the list, from its partner's page, back from a document). Kept on a shelf of
 * its own: a morning of opening many meetings must not push the lists' reads out. Its record is
 * drawn by `draw` (a component, which a model does not import) and kept as markup with it: the
 * same for every account.
 */
export function meetingPage(id: number, lng: Language, draw: (meeting: MeetingRecord) => string) {
  return cachedRead(
    `meeting:${id}:${lng}`,
    () => {
      const meeting = getMeeting(id, lng);
      // Its documents too: attaching one is a change of a record (its own), as any other.
      return meeting && { meeting, body: draw(meeting), documents: listDocuments("meeting", id, lng) };
    },
    "records",
  );
}

export type MeetingRecord = NonNullable<ReturnType<typeof getMeeting>>;

/**
 * A search's results and their markup (`draw`): they follow from the words and the language
 * alone, the same for every account, and are kept on the searches' own shelf until the data
 * changes. A first search reads eight to ten full-text queries and renders its results; the
 * same words again, as the people of an office look up the same partners, cost neither.
 */
export function searchPage(query: string, lng: Language, draw: (found: ReturnType<typeof searchResults>) => string) {
  return cachedRead(
    `search:${lng}:${query}`,
    () => {
      const found = searchResults(query, lng);
      return { found, list: draw(found) };
    },
    "searches",
  );
}

/**
 * A partner's relations with their steps, and each step's documents: attaching one is a change
 * of a record (its own), as any other, so they are read and kept with the page.
 */
function partnerRelations(relations: NonNullable<ReturnType<typeof getPartner>>["relations"], lng: Language) {
  return {
    items: relations,
    stepDocuments: Object.fromEntries(
      documentsOfSteps(
        relations.flatMap((relation) => relation.steps.map((step) => step.id)),
        lng,
      ),
    ),
  };
}

export type PartnerRelations = ReturnType<typeof partnerRelations>;

/**
 * What a partner page lists, drawn by the page as markup: the same for every account but the
 * relations, whose links to edit them are for editors (drawn once for each: the page picks).
 */
export type PartnerLists = {
  relations: PartnerRelations;
  meetings: ReturnType<typeof listMeetings>;
  people: ReturnType<typeof peopleMetFrom>;
  delegations: ReturnType<typeof partnerDelegations>;
  initiatives: ReturnType<typeof initiativeLines>;
  organisations: NonNullable<ReturnType<typeof getPartner>>["organisations"];
  timeline: { groups: ReturnType<typeof partnerTimelinePage>["groups"]; view: TimelineView };
};

/**
 * A partner's page: null when there is no such partner. Its relations' lane (`drawChart`) and its
 * lists (`drawLists`) are drawn by the page's components, which a model does not import, and kept
 * as markup with the reads: rendered on every request, the lane was a twentieth of the page's
 * time and the lists two fifths (issue 17). What stays data is what the page's own code uses:
 * the partner's names and facts.
 */
export function partnerPage<Markup>(
  id: number,
  lng: Language,
  {
    today,
    order,
    kinds,
    page,
    drawChart,
    drawLists,
  }: {
    today: string;
    order: "newest" | "oldest";
    kinds: TimelineKind[];
    page: number;
    drawChart: (lane: RelationLane[], partnerName: string) => string;
    drawLists: (partnerId: number, lists: PartnerLists) => Markup;
  },
) {
  return cachedRead(`partner:${id}:${lng}:${today}:${order}:${kinds.join(",")}:${page}`, () => {
    const found = getPartner(id, lng);
    if (!found) return null;
    const { organisations, relations, ...partner } = found;
    const lane = relationLanes(lng, today, { partnerIds: [id] }).items;
    const { groups, ...timelinePages } = partnerTimelinePage(id, lng, { order, kinds, page });
    return {
      partner,
      chart: lane.length ? drawChart(lane, partner.name) : null,
      markup: drawLists(id, {
        relations: partnerRelations(relations, lng),
        meetings: listMeetings({ lng, page: 1, filter: { partnerId: id }, pageSize: 10 }),
        people: peopleMetFrom(id, lng),
        delegations: partnerDelegations(id, lng),
        initiatives: initiativeLines(
          listInitiatives({ lng, page: 1, pageSize: 10, filter: { partnerId: id }, today }),
          lng,
        ),
        organisations,
        timeline: { groups, view: { ...timelinePages, order, kinds } },
      }),
    };
  });
}

export function chartCountries(lng: Language) {
  return cachedRead(`chart-countries:${lng}`, () => partnerCountries(lng));
}

/**
 * The chart of all relations, drawn once per filter and page and kept as markup: `draw` renders
 * it with its filter, its table and its pages' links (components, which a model does not import).
 */
export function chartPage(
  lng: Language,
  today: string,
  {
    filter,
    page,
    draw,
  }: {
    filter: ChartFilter;
    page: number;
    draw: (lanes: RelationLane[], pages: Omit<ReturnType<typeof relationLanes>, "items">) => string;
  },
) {
  return cachedRead(`chart:${lng}:${today}:${filter.countryCode ?? ""}:${filter.type ?? ""}:${page}`, () => {
    const { items, ...pages } = relationLanes(lng, today, { filter, page });
    return { pages, markup: draw(items, pages) };
  });
}
