/**
 * What a report says was proposed, agreed or intended: the clause around "ұсынды", "ниет
 * білдірді", "қызығушылық танытты", "келісті"; "предложил", "договорились", "выразили намерение",
 * "проявили интерес"; "proposed", "agreed", "expressed interest", "intends". Each becomes a
 * proposed initiative's title, cut down to what was proposed.
 */
import type { INITIATIVE_KINDS, INITIATIVE_STATUSES } from "~db/enums";
import { capitalise, stemsOf } from "./text";

export type RaisedPhrase = {
  title: string;
  sentence: string;
  status: (typeof INITIATIVE_STATUSES)[number];
  kind: (typeof INITIATIVE_KINDS)[number];
};

// Kazakh: the verb ends the clause. "мәліметтер ұсынды" is "presented information": "ұсынды"
// proposes only after a verbal noun ("өткізуді ұсынды", "to hold").
// Each word is read from its start and is at most 80 letters: a run of 100,000 without a space
// was read from each of its letters to its end, for minutes.
const KK =
  /(?<!\S)(\S{1,80}(?:уды|уді|уын|уін))\s+ұсынды|(?<!\S)(\S{1,80}(?:уға|уге))\s+ниет\s+білдірді|(?<!\S)(\S{1,80})\s+(қызығушылық)\s+(?:танытты|білдірді)|(?<!\S)(\S{1,80})\s+(?:келісті|уағдаласты|келісімге\s+келді)/giu;
// Kazakh subjects that open a clause: "Хэйлунцзян провинциясының делегациясы …".
const KK_SUBJECT = /^.*?(делегациясы|делегация|тарапы|тарап|тараптар|кәсіпкерлер|қонақтар|депутаттар)\s+/iu;

const RU =
  /(предложил[аи]?|предлагает|предлагают|договорились(?:\s+о)?|условились|выразил[аи]?\s+намерение|намерен[аы]?|(?:проявил[аи]?|выразил[аи]?)\s+интерес\s+к|выразил[аи]?\s+заинтересованность\s+в|заинтересован[аы]?\s+в|пригласил[аи]?)\s+([^.;!?,]+?)(?=\s+и\s+(?:предлож|договор|выразил|проявил)|[.;!?,]|$)/giu;
const EN =
  /(proposed|suggested|agreed(?:\s+to|\s+on)?|expressed\s+(?:their\s+|its\s+|an\s+)?(?:interest\s+in|intention\s+to|readiness\s+to)|intends?\s+to|showed\s+interest\s+in|(?:is|are)\s+interested\s+in|invited)\s+([^.;!?,]+?)(?=\s+and\s+(?:proposed|suggested|agreed|expressed|showed|invited)|[.;!?,]|$)/giu;

const AGREED = /(келісті|уағдаласты|келісімге|договорил|условил|agreed)/iu;

const KINDS: Array<[(typeof INITIATIVE_KINDS)[number], RegExp]> = [
  ["agreement", /(меморандум|memorandum|келісім|соглашени|agreement|twin|побратим|бауырлас)/iu],
  [
    "event",
    /(күндер|апталы|аптылы|күні|фестивал|festival|көрме|выставк|exhibition|expo|экспо|форум|forum|дни\s|days|week|недел|конкурс)/iu,
  ],
  ["investment", /(инвест|invest|жоба|проект|project|завод|factory|құрылыс|строительств|construction)/iu],
  ["trade", /(сауда|торгов|trade|экспорт|export|импорт|import)/iu],
  ["culture", /(мәдени|культур|cultur|театр|theatre|музей|museum|гастрол|tour)/iu],
  ["education", /(білім|образован|educat|студент|student|университет|university|мектеп|школ|school|оқу)/iu],
];

export function kindOf(text: string): (typeof INITIATIVE_KINDS)[number] {
  return KINDS.find(([, pattern]) => pattern.test(text))?.[0] ?? "other";
}

/**
 * A clause of a sentence: what follows the last comma, "және", "ал" or "а" before `at`, read in
 * the 2,000 characters before it (a title keeps 300): a sentence of thousands of "келісті" read
 * the whole sentence before each.
 */
function clauseBefore(sentence: string, at: number): string {
  const before = sentence.slice(Math.max(0, at - 2000), at);
  // The last "және" or "ал", found in one pass (a look ahead for a later one was a pass each).
  let lastAnd = -1;
  for (const m of before.matchAll(/\s(?:және|ал)\s/gu)) lastAnd = m.index;
  const cut = Math.max(before.lastIndexOf(","), before.lastIndexOf(";"), lastAnd);
  return before
    .slice(cut + 1)
    .replace(/^\s*(және|ал)\s+/u, "")
    .trim();
}

const LIMIT = 300;
// More than a report raises: the rest of a sentence that holds more is not read.
const MAX_PHRASES = 100;
const cut = (text: string) => {
  const clean = text
    .replace(/\s+/g, " ")
    .replace(/["«»“”]/g, (q) => q)
    .trim();
  return clean.length > LIMIT ? `${clean.slice(0, LIMIT - 1).trimEnd()}…` : clean;
};

/** How an interest is said before its object, which keeps the case its verb gave it. */
function interestIn(verb: string) {
  if (/interest/i.test(verb)) return "interest in";
  // "заинтересованы в проекте": the object is in the prepositional, which "интерес к" does not take.
  return /\sв$/u.test(verb) ? "заинтересованность в" : "интерес к";
}

export function raisedPhrasesIn(sentence: string): RaisedPhrase[] {
  const out: RaisedPhrase[] = [];
  const push = (title: string, status: RaisedPhrase["status"]) => {
    const trimmed = cut(capitalise(title.replace(/^[\s,:—–-]+|[\s,:—–-]+$/g, "")));
    if (stemsOf(trimmed).length >= 2) out.push({ title: trimmed, sentence, status, kind: kindOf(trimmed) });
  };
  for (const m of sentence.matchAll(KK)) {
    if (out.length >= MAX_PHRASES) break;
    const before = clauseBefore(sentence, m.index);
    // The clause up to its verb, the verbal noun in its plain form ("өткізуді" → "өткізу").
    const object = m[1] ?? m[2] ?? (m[3] ? `${m[3]} ${m[4]}` : m[5]);
    const title = `${before} ${object}`.trim().replace(/(уды|уді|уын|уін|уға|уге)$/u, "у");
    push(title.replace(KK_SUBJECT, ""), AGREED.test(m[0]) ? "agreed" : "proposed");
  }
  for (const pattern of [RU, EN]) {
    for (const m of sentence.matchAll(pattern)) {
      if (out.length >= MAX_PHRASES) break;
      const interest = /(интерес|заинтересован|interest)/iu.test(m[1]);
      const object = m[2].split(/,\s(?:а|но|but|while)\s|,\s(?:который|которые|which|who)\s/u)[0];
      push(interest ? `${interestIn(m[1])} ${object}` : object, AGREED.test(m[1]) ? "agreed" : "proposed");
    }
  }
  return out;
}
