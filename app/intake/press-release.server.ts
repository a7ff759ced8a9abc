/**
 * "Log a meeting from a report" (issue 15.2): reads a pasted news text and proposes a meeting in
 * the shape the meeting form posts, with what it matched on file and what it proposes as new.
 * Rule-based and local (the pieces in this folder); nothing is written here: the proposal is
 * saved, after review, by the meeting form's own schema and logMeeting.
 */
import { and, eq, inArray, isNull, notInArray, or } from "drizzle-orm";
import { initiatives, nameKeys, organisations, partners, people, posts, topics } from "~db/schema";
import { getDb } from "~/db.server";
import type { Language } from "~/i18n/config";
import { currentPosts } from "~/models/people/read.server";
import { wholeNameKey } from "~db/shared/fold";
import { localizedName, localizedTitle } from "~db/shared/names";
import { findMeetingDate, ymdOf, type FoundDate } from "./dates";
import { raisedPhrasesIn } from "./initiatives";
import { countryIn, GENERIC_PLACE_STEMS, newPartnerIn, type NewPartner } from "./partners";
import { bodyInTitle, nameCandidatesIn, nameVariants, titledPeopleIn, type TitledMention } from "./people";
import { commonTopicsIn } from "./topics";
import { languageOf, paragraphsOf, sentencesOf, stemOf, stemsOf, textStemsOf } from "./text";

export type ReportInput = { text: string; url?: string; outlet?: string; published?: string };

export type ProposedPerson = {
  name: string;
  personId?: number;
  title?: string;
  side: "host" | "guest";
  role: "chaired" | "led_delegation" | "spoke" | "attended";
};
export type ProposedInitiative = { initiativeId?: number; title: string; kind: string; status: string };

export type Proposal = {
  language: Language;
  date: FoundDate | null;
  partner: { id: number; name: string } | null;
  newPartner: (NewPartner & { countryCode?: string }) | null;
  hostOrganisation: { id: number; name: string } | null;
  delegationOrganisation: { id: number; name: string } | null;
  /** The guests' body as a title names it, when it is not on file: Save adds it to the partner. */
  newDelegationOrganisation: string | null;
  delegation: { direction: "incoming" | "outgoing" } | null;
  people: ProposedPerson[];
  initiatives: ProposedInitiative[];
  topics: string[];
  purpose?: string;
  summary?: string;
  source: { url?: string; outlet?: string; title?: string; text: string };
};

const CLOSED: Array<"done" | "dropped"> = ["done", "dropped"];
// Words that say a body or a title is ours: the home city's own bodies.
const HOME_MARKERS = ["мәслихат", "маслихат", "maslikhat", "әкімдік", "акимат", "akimat", "әкімі", "аким"].map((w) =>
  stemOf(w)!,
);
// A post at a foreign mission is the guest side's, unless the mission is Kazakhstan's own.
const DIPLOMATIC = /(елші|консул|посол|посольств|ambassador|embassy|consul)/iu;
const KAZAKH_MISSION =
  /(қазақстан(\s+республикасы)?(ның|нің)\s|(посол|посольств\S*|консул\S*)\s+(республики\s+)?казахстана|kazakhstan's|of\s+(the\s+republic\s+of\s+)?kazakhstan)/iu;
const LEADING_POST = /(хатшы|төраға|әкім|секретар|председател|аким|мэр|secretary|chair|mayor|akim)/iu;
const SUBORDINATE_POST = /(орынбасар|заместител|deputy|vice|вице)/iu;
// "Visited" a place other than the home city or its council ("посетила маслихат города Астаны"
// and "visited the Astana City Maslikhat" are visits here).
const OUTGOING =
  /(іссапар|сапармен\s+бар|визитом\s+в|посетил[аи]?\s+(?!(?:\S+\s+){0,3}(?:Астан|маслихат|мәслихат))|visit(?:ed|\s+to)\s+(?!(?:\S+\s+){0,3}(?:Astana|maslikhat)))/iu;

type Named = { id: number; nameKk: string | null; nameRu: string | null; nameEn: string | null };

/** Each of a record's name forms as the stems that set it apart (the place words aside). */
function formsOf(record: Named & { nameNative?: string | null }, generic: Set<string>) {
  return [record.nameKk, record.nameRu, record.nameEn]
    .filter((n): n is string => Boolean(n))
    .map((n) => [...new Set(stemsOf(n))].filter((s) => !generic.has(s)))
    .filter((stems) => stems.length > 0);
}

/**
 * The acronyms in a record's names ("LRT" in "Astana's new transport system, LRT"): a report that
 * writes one names the record, whatever else it calls it ("the LRT project").
 */
function acronymsOf(record: Named) {
  const names = [record.nameKk, record.nameRu, record.nameEn].filter(Boolean).join(" ");
  return [...new Set(names.match(/(?<![\p{L}\p{N}])\p{Lu}{3,}(?![\p{L}])/gu) ?? [])];
}

const hasWord = (text: string, word: string) => new RegExp(`(?<![\\p{L}\\p{N}])${word}(?![\\p{L}])`, "u").test(text);

/** How many sentences name the record in one of its forms (all its stems in the sentence). */
function mentions(forms: string[][], sentenceStems: Array<Set<string>>, minStems = 1) {
  let best = 0;
  let first = Infinity;
  for (const form of forms) {
    if (form.length < minStems || (form.length === 1 && form[0].length < 4)) continue;
    let count = 0;
    sentenceStems.forEach((stems, index) => {
      if (form.every((s) => stems.has(s))) {
        count++;
        first = Math.min(first, index);
      }
    });
    best = Math.max(best, count);
  }
  return { count: best, first };
}

function bestOf<T>(items: Array<{ item: T; count: number; first: number }>) {
  return items.filter((c) => c.count > 0).sort((a, b) => b.count - a.count || a.first - b.first)[0]?.item ?? null;
}

/** People on file whose whole name is one of these (in any spelling): key → ids. */
function peopleByKey(keys: string[]) {
  const wanted = [...new Set(keys.filter(Boolean))].slice(0, 2000);
  const found = new Map<string, Set<number>>();
  for (let i = 0; i < wanted.length; i += 500) {
    const rows = getDb()
      .select({ key: nameKeys.key, id: nameKeys.recordId })
      .from(nameKeys)
      .where(and(eq(nameKeys.recordType, "person"), inArray(nameKeys.key, wanted.slice(i, i + 500))))
      .all();
    for (const row of rows) found.set(row.key, (found.get(row.key) ?? new Set()).add(row.id));
  }
  return found;
}

/**
 * How far a phrase and an initiative's title or description say the same: the stems they share
 * over the shorter one's (a report's typo, "аптылығын" for "апталығын", costs one stem, not the
 * match). The partner's and the home city's names are left out: every title has them.
 */
function overlap(phrase: Set<string>, target: string[]) {
  const common = target.filter((s) => phrase.has(s)).length;
  const shorter = Math.min(phrase.size, target.length);
  return { common, share: shorter ? common / shorter : 0 };
}

export function proposeMeeting(input: ReportInput, lng: Language): Proposal {
  const db = getDb();
  const text = input.text;
  const language = languageOf(text);
  const paragraphs = paragraphsOf(text);
  const sentences = paragraphs.flatMap(sentencesOf);
  const sentenceStems = sentences.map((s) => new Set(textStemsOf(s)));
  const textStems = new Map<string, number>();
  for (const stems of sentenceStems) for (const s of stems) textStems.set(s, (textStems.get(s) ?? 0) + 1);
  const published = ymdOf(input.published);

  // Partners and bodies on file that the text names, in any of their name forms.
  const partnerRows = db
    .select({
      id: partners.id,
      nameKk: partners.nameKk,
      nameRu: partners.nameRu,
      nameEn: partners.nameEn,
      isHome: partners.isHome,
    })
    .from(partners)
    .limit(5000)
    .all();
  const home = partnerRows.find((p) => p.isHome);
  const homeStems = new Set([...HOME_MARKERS, ...(home ? formsOf(home, GENERIC_PLACE_STEMS).flat() : [])]);
  const partnerFound = bestOf(
    partnerRows
      .filter((p) => !p.isHome)
      .map((p) => ({ item: p, ...mentions(formsOf(p, GENERIC_PLACE_STEMS), sentenceStems) })),
  );
  const isHome = (name: string) => stemsOf(name).some((s) => homeStems.has(s));
  const newPartnerText = partnerFound ? null : newPartnerIn(text, isHome);
  const newPartner = newPartnerText ? { ...newPartnerText, countryCode: countryIn(textStems) } : null;
  const partnerStems = new Set(
    partnerFound
      ? formsOf(partnerFound, GENERIC_PLACE_STEMS).flat()
      : newPartner
        ? stemsOf(newPartner.name).filter((s) => !GENERIC_PLACE_STEMS.has(s))
        : [],
  );

  const organisationRows = db
    .select({
      id: organisations.id,
      partnerId: organisations.partnerId,
      nameKk: organisations.nameKk,
      nameRu: organisations.nameRu,
      nameEn: organisations.nameEn,
    })
    .from(organisations)
    .limit(5000)
    .all();
  const organisationOf = (partnerId: number | undefined) =>
    partnerId === undefined
      ? null
      : bestOf(
          organisationRows
            .filter((o) => o.partnerId === partnerId)
            // Without the place words, which a report words its own way ("Астана қалалық
            // мәслихаты" for "Астана қаласының мәслихаты", "city" or not).
            .map((o) => ({ item: o, ...mentions(formsOf(o, GENERIC_PLACE_STEMS), sentenceStems, 2) })),
        );
  const hostOrganisation = organisationOf(home?.id);
  const delegationOrganisation = organisationOf(partnerFound?.id);

  // People: the titled mentions, and anyone on file named anywhere in the text.
  const titled: TitledMention[] = sentences.flatMap((s, i) =>
    titledPeopleIn(s).map((m) => ({ ...m, index: i * 100_000 + m.index })),
  );
  const candidates = sentences.flatMap((s, i) =>
    nameCandidatesIn(s).map((c) => ({ ...c, index: i * 100_000 + c.index })),
  );
  const keysOf = (name: string) => nameVariants(name).map(wholeNameKey);
  const onFile = peopleByKey([...titled.map((m) => m.name), ...candidates.map((c) => c.text)].flatMap(keysOf));
  const personIdOf = (name: string) => {
    const ids = new Set(keysOf(name).flatMap((k) => [...(onFile.get(k) ?? [])]));
    return ids.size === 1 ? [...ids][0] : undefined;
  };
  type Mention = TitledMention & { personId?: number };
  const mentioned = new Map<string, Mention>();
  for (const m of titled) {
    const personId = personIdOf(m.name);
    const key = personId ? `id:${personId}` : `name:${wholeNameKey(m.name)}`;
    const earlier = mentioned.get(key);
    if (!earlier) mentioned.set(key, { ...m, personId });
    else {
      earlier.ledDelegation ||= m.ledDelegation;
      earlier.spoke ||= m.spoke;
      earlier.title ??= m.title;
    }
  }
  for (const c of candidates) {
    const personId = personIdOf(c.text);
    if (personId && !mentioned.has(`id:${personId}`))
      mentioned.set(`id:${personId}`, { name: c.text, index: c.index, ledDelegation: false, spoke: false, personId });
  }
  const known = [...mentioned.values()].flatMap((m) => (m.personId ? [m.personId] : []));
  const postsNow = known.length ? currentPosts(known, language) : new Map();
  const homePeople = new Set(
    known.length
      ? db
          .select({ id: posts.personId })
          .from(posts)
          .innerJoin(organisations, eq(organisations.id, posts.organisationId))
          .innerJoin(partners, eq(partners.id, organisations.partnerId))
          .where(and(eq(partners.isHome, true), inArray(posts.personId, known)))
          .all()
          .map((r) => r.id)
      : [],
  );
  const direction = OUTGOING.test(text) ? "outgoing" : "incoming";
  const guestSide = direction === "incoming" ? "guest" : "host";
  const personRows = known.length ? db.select().from(people).where(inArray(people.id, known)).all() : [];
  const homeMarkers = new Set(HOME_MARKERS);
  // Which side a title puts its holder on, the strongest sign first: the partner named, a foreign
  // mission, one of our own bodies or a post on file with one, another country named, the home
  // city named ("Қырғыз Республикасының Астанадағы елшісі" names Astana and is a guest).
  const sideOfTitle = (title: string, personId: number | undefined): ProposedPerson["side"] => {
    const stems = stemsOf(title);
    if (stems.some((s) => partnerStems.has(s))) return "guest";
    if (DIPLOMATIC.test(title)) return KAZAKH_MISSION.test(title) ? "host" : "guest";
    if (stems.some((s) => homeMarkers.has(s)) || (personId && homePeople.has(personId))) return "host";
    if (countryIn(new Map(stems.map((s) => [s, 1])))) return "guest";
    // "Deputies X and Y" with no body named: in a council's own report, its deputies.
    const ourDeputies = /^(депутат|депутаты|депутаттары|deputy|deputies)$/iu.test(title);
    return ourDeputies || stems.some((s) => homeStems.has(s)) ? "host" : "guest";
  };
  const proposedPeople: ProposedPerson[] = [...mentioned.values()]
    .sort((a, b) => a.index - b.index)
    .map((m) => {
      const side: ProposedPerson["side"] = m.ledDelegation ? guestSide : sideOfTitle(m.title ?? "", m.personId);
      const row = personRows.find((p) => p.id === m.personId);
      return {
        name: row ? localizedName(row, language) : m.name,
        personId: m.personId,
        title: m.title ?? postsNow.get(m.personId)?.title ?? undefined,
        side,
        role: m.ledDelegation ? "led_delegation" : m.spoke ? "spoke" : "attended",
      };
    });
  // Who chaired: the first of ours who holds a leading post (a secretary, a chair, an akim).
  const chair = proposedPeople.find(
    (p) =>
      p.side === "host" &&
      p.role !== "led_delegation" &&
      LEADING_POST.test(p.title ?? "") &&
      !SUBORDINATE_POST.test(p.title ?? ""),
  );
  if (chair) chair.role = "chaired";
  proposedPeople.sort((a, b) => (a.side === b.side ? 0 : a.side === "host" ? -1 : 1));
  // The guests' body not on file, from the title of the one who led them (else of any guest)
  // that names their partner: "Бішкек қалалық кеңесінің төрағасы".
  const guestBodies = proposedPeople
    .filter((p) => p.side === "guest" && p.title)
    .sort((a, b) => Number(b.role === "led_delegation") - Number(a.role === "led_delegation"))
    .map((p) => bodyInTitle(p.title!))
    .filter((body): body is string => Boolean(body) && stemsOf(body!).some((s) => partnerStems.has(s)));
  const newDelegationOrganisation = delegationOrganisation ? null : (guestBodies[0]?.slice(0, 200) ?? null);

  // Initiatives: those on file that a proposal phrase (or a sentence) names, and new ones.
  const generic = new Set([...partnerStems, ...homeStems, ...GENERIC_PLACE_STEMS]);
  const initiativeRows = db
    .select({
      id: initiatives.id,
      titleKk: initiatives.titleKk,
      titleRu: initiatives.titleRu,
      titleEn: initiatives.titleEn,
      description: initiatives.description,
      partnerId: initiatives.partnerId,
    })
    .from(initiatives)
    // An initiative is with one partner, or with none (the city's own): a meeting with this
    // partner raises its own or the city's, never another partner's ("Кёнгидо күндерін өткізу"
    // matched the Kazan days on file by their common words once the partner's name, which both
    // reports' phrases name, was set aside as generic).
    .where(
      and(
        notInArray(initiatives.status, CLOSED),
        partnerFound
          ? or(isNull(initiatives.partnerId), eq(initiatives.partnerId, partnerFound.id))
          : isNull(initiatives.partnerId),
      ),
    )
    .limit(2000)
    .all()
    .map((row) => ({
      row,
      forms: [row.titleKk, row.titleRu, row.titleEn, row.description]
        .filter((t): t is string => Boolean(t))
        .map((t) => [...new Set(stemsOf(t))].filter((s) => !generic.has(s))),
    }));
  const matchInitiative = (all: Set<string>, threshold: number, rows = initiativeRows) => {
    const stems = new Set([...all].filter((s) => !generic.has(s)));
    let best: { id: number; share: number } | null = null;
    for (const { row, forms } of rows) {
      for (const form of forms) {
        const { common, share } = overlap(stems, form);
        if (common >= 2 && share >= threshold && (!best || share > best.share)) best = { id: row.id, share };
      }
    }
    return best?.id;
  };
  const raised: ProposedInitiative[] = [];
  // The form takes 50; a text that raises hundreds is not read for more (each is matched on file).
  for (const sentence of sentences) {
    if (raised.length >= 100) break;
    for (const phrase of raisedPhrasesIn(sentence)) {
      const initiativeId = matchInitiative(new Set(stemsOf(phrase.title)), 0.5);
      if (initiativeId && raised.some((r) => r.initiativeId === initiativeId)) continue;
      raised.push({ initiativeId, title: phrase.title, kind: phrase.kind, status: phrase.status });
    }
  }
  // An initiative of this partner on file that a sentence names without a "proposed": only
  // the partner's are read against each sentence.
  const partnersInitiatives = partnerFound ? initiativeRows.filter((r) => r.row.partnerId === partnerFound.id) : [];
  for (const [index, stems] of partnersInitiatives.length ? sentenceStems.entries() : []) {
    const id = matchInitiative(stems, 0.6, partnersInitiatives);
    const row = partnersInitiatives.find((r) => r.row.id === id)?.row;
    if (!row || raised.some((r) => r.initiativeId === id)) continue;
    raised.push({ initiativeId: row.id, title: sentences[index], kind: "other", status: "proposed" });
  }
  for (const item of raised) {
    const row = initiativeRows.find((r) => r.row.id === item.initiativeId)?.row;
    if (row) item.title = localizedTitle(row, language);
  }

  // Topics on file named in the text, then the common ones it raises.
  const topicRows = db.select().from(topics).limit(1000).all();
  const topicNames: string[] = [];
  for (const topic of topicRows) {
    const forms = formsOf(topic, new Set());
    if (
      forms.some((form) => form.every((s) => textStems.has(s)) && (form.length > 1 || form[0].length >= 5)) ||
      acronymsOf(topic).some((acronym) => hasWord(text, acronym))
    )
      topicNames.push(localizedName(topic, language));
  }
  const topicKeys = new Set(topicNames.map(wholeNameKey));
  // A common topic that a topic on file already covers ("Туризм" in "Қытай туризмі жылы") is left out.
  const coveredStems = new Set(topicNames.flatMap(stemsOf));
  for (const name of commonTopicsIn(text, language))
    if (!topicKeys.has(wholeNameKey(name)) && !stemsOf(name).every((s) => coveredStems.has(s))) topicNames.push(name);

  const firstLine = text.trim().split(/\r?\n/)[0].trim();
  return {
    language,
    date: findMeetingDate(text, published),
    partner: partnerFound ? { id: partnerFound.id, name: localizedName(partnerFound, language) } : null,
    newPartner,
    hostOrganisation: hostOrganisation && { id: hostOrganisation.id, name: localizedName(hostOrganisation, lng) },
    delegationOrganisation: delegationOrganisation && {
      id: delegationOrganisation.id,
      name: localizedName(delegationOrganisation, lng),
    },
    newDelegationOrganisation,
    delegation: /(делегац|delegation)/iu.test(text) && (partnerFound || newPartner) ? { direction } : null,
    people: proposedPeople,
    initiatives: raised.slice(0, 50),
    topics: topicNames.slice(0, 20),
    purpose: purposeIn(text),
    summary: paragraphs.slice(0, 2).join("\n\n").slice(0, 4000) || undefined,
    source: {
      url: input.url,
      outlet: input.outlet || outletIn(text, input.url),
      title: firstLine.length <= 200 && paragraphs.length > 1 && !/[.!?]$/.test(firstLine) ? firstLine : undefined,
      text,
    },
  };
}

// A purpose is read up to 2,000 characters from where it starts: unbounded, a text that names
// "the purpose of the meeting" thousands of times without its end was read to its end from each.
const PURPOSE = [
  /Кездесудің\s+мақсаты\s+(.{1,2000}?)\s+(?:болып\s+табылады|болды)/u,
  /Цель(?:ю)?\s+(?:встречи|визита)\s*(?:—|–|-|:|стал[аоы]?|является|было|была)?\s*(.{1,2000}?)[.;]/u,
  /(?:purpose|aim|goal)\s+of\s+the\s+(?:meeting|visit)\s+(?:was|is)\s+(?:to\s+)?(.{1,2000}?)[.;]/iu,
];

function purposeIn(text: string) {
  for (const pattern of PURPOSE) {
    const m = pattern.exec(text);
    if (m) return m[1].trim().slice(0, 2000);
  }
  return undefined;
}

/** The outlet a report names ("хабарлайды Тengrinews.kz"), else the link's site. */
function outletIn(text: string, url?: string) {
  // A site's name from its start, at most a label's 63 characters: 100,000 digits were read from each.
  const named = /(?<![\p{L}\d-])([\p{L}\d-]{1,63}\.(?:kz|ru|com|org|net|cn|kg|uz|info|news))(?![\p{L}\d])/iu.exec(text);
  if (named) return named[1];
  try {
    return url ? new URL(url.includes("://") ? url : `https://${url}`).hostname.replace(/^www\./, "") : undefined;
  } catch {
    return undefined;
  }
}

/** The proposal in the shape the meeting form posts, and the names of its fields marked "proposed". */
export function proposalFormValues(proposal: Proposal) {
  const date = proposal.date
    ? { year: String(proposal.date.year), month: proposal.date.month, day: String(proposal.date.day) }
    : { unknown: true };
  const value = {
    date,
    hostOrganisationId: proposal.hostOrganisation?.id,
    hostOrganisationName: proposal.hostOrganisation?.name,
    partnerId: proposal.partner?.id,
    partnerName: proposal.partner?.name,
    newDelegation: proposal.delegation ? true : undefined,
    delegationOrganisationId: proposal.delegationOrganisation?.id,
    delegationOrganisationName:
      proposal.delegationOrganisation?.name ?? proposal.newDelegationOrganisation ?? undefined,
    delegationDirection: proposal.delegation?.direction ?? "incoming",
    purpose: proposal.purpose,
    summary: proposal.summary,
    language: proposal.language,
    participants: proposal.people.map((p) => ({
      personId: p.personId,
      name: p.name,
      title: p.title?.slice(0, 300),
      side: p.side,
      role: p.role,
    })),
    topics: proposal.topics,
    sources: [proposal.source],
    initiatives: proposal.initiatives.map((i) =>
      // The title of one on file too: its picker shows it, marked as on file.
      i.initiativeId
        ? { initiativeId: i.initiativeId, title: i.title, kind: i.kind, status: i.status }
        : { title: i.title, kind: i.kind, status: i.status },
    ),
  };
  const marks = [
    "date",
    proposal.hostOrganisation && "hostOrganisationName",
    proposal.partner && "partnerId",
    proposal.delegation && "newDelegation",
    (proposal.delegationOrganisation || proposal.newDelegationOrganisation) && "delegationOrganisationName",
    proposal.delegation && "delegationDirection",
    proposal.purpose && "purpose",
    proposal.summary && "summary",
    "language",
    ...proposal.people.map((_, i) => `participants[${i}]`),
    ...proposal.topics.map((_, i) => `topics[${i}]`),
    "sources[0]",
    ...proposal.initiatives.map((_, i) => `initiatives[${i}]`),
  ].filter((m): m is string => Boolean(m));
  return { value, marks };
}
