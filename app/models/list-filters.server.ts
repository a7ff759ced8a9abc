/**
 * The initiatives list's choices, sent by its loader: imported by the page, the enums' module
 * would be loaded with it, and the page sat at the first-load limit (issue 17).
 */
export const initiativeChoices = () => ({ kinds: [...INITIATIVE_KINDS], statuses: [...INITIATIVE_STATUSES] });

/**
 * What a list's address asks for, read once for the list's page and for its export (issue
 * 16.2), so that a file holds exactly the rows the page shows with the same filters.
 */
import type { Language } from "~/i18n/config";
import { INITIATIVE_KINDS, INITIATIVE_STATUSES } from "~db/enums";
import { isInitiativeKind, isInitiativeStatus } from "~/models/initiatives/read.server";
import { meetingYears } from "~/models/meetings/read.server";
import { partnerFilterFrom, type PartnerSort } from "~/models/partners/read.server";
import { idsNamed, searchNames, searchTexts } from "./search.server";
import { idFromSearch } from "~/utils/pagination";
import { getDb } from "~/db.server";
import { recordName } from "./record-refs.server";

export function meetingListFilter(search: URLSearchParams, lng: Language) {
  const years = meetingYears();
  const year = Number(search.get("year"));
  const topic = (search.get("topic") ?? "").trim().slice(0, 200);
  const { partnerIds, partnerName } = partnerFilterFrom(search, lng);
  const filter = {
    partnerIds,
    year: years.includes(year) ? year : undefined,
    // Folded like every search: "асфальт" finds the topic "Асфальттау" and "Asphalting".
    topicIds: topic ? idsNamed("topic", topic) : undefined,
  };
  return { years, filter, partnerName, topic, filtered: Boolean(partnerIds || filter.year || topic) };
}

export function initiativeListFilter(search: URLSearchParams, lng: Language, today: string) {
  const status = search.get("status");
  const kind = search.get("kind");
  const { partnerIds, partnerName } = partnerFilterFrom(search, lng);
  const owner = ownerFilterFrom(search, lng);
  const filter = {
    status: isInitiativeStatus(status) ? status : undefined,
    partnerIds,
    ownerPersonIds: owner.ownerPersonIds,
    kind: isInitiativeKind(kind) ? kind : undefined,
    overdueOn: search.get("overdue") === "1" ? today : undefined,
  };
  return { filter, partnerName, ownerId: owner.ownerId, ownerName: owner.ownerName };
}

/**
 * The owner asked for: chosen in the filter's select (?owner=id) while our side's people are few,
 * or typed (?ownerName=) once they are too many for one (record-refs.server.ts), folded like
 * every search, so any name form in any script finds them.
 */
function ownerFilterFrom(search: URLSearchParams, lng: Language) {
  const typed = (search.get("ownerName") ?? "").trim().slice(0, 200);
  if (typed) return { ownerPersonIds: idsNamed("person", typed), ownerName: typed, ownerId: undefined };
  const id = idFromSearch(search, "owner");
  if (!id) return { ownerPersonIds: undefined, ownerName: "", ownerId: undefined };
  return { ownerPersonIds: [id], ownerName: recordName(getDb(), "person", id, lng) ?? "", ownerId: id };
}

export function peopleListFilter(search: URLSearchParams) {
  const organisation = (search.get("organisation") ?? "").trim().slice(0, 200);
  // Folded like every search: "маслихат" finds the people of "Астана қаласының мәслихаты".
  return { organisation, organisationIds: organisation ? idsNamed("organisation", organisation) : undefined };
}

export const partnerListSort = (search: URLSearchParams): PartnerSort =>
  search.get("sort") === "country" ? "country" : "name";

export const searchQuery = (search: URLSearchParams) => (search.get("q") ?? "").trim().slice(0, 200);

/** The search page's results: names, then texts; partners found by name first. */
export function searchResults(query: string, lng: Language) {
  const names = query ? searchNames(query, lng) : null;
  const texts = query ? searchTexts(query, lng) : null;
  const results =
    names && texts
      ? {
          ...names,
          partner: [...names.partner, ...texts.partner.filter((p) => !names.partner.some((n) => n.id === p.id))],
        }
      : null;
  return { results, texts };
}
