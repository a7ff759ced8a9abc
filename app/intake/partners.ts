/**
 * A partner not on file, named where a report says whose delegation it was: "Хэйлунцзян
 * провинциясының делегациясы", "делегация провинции Цзянсу", "a delegation from Jiangsu
 * Province"; and the country a report names, by the platform's own country names in kk, ru, en.
 */
import type { PARTNER_KINDS } from "~db/enums";
import { COUNTRY_ALIASES } from "~/utils/country-aliases";
import { COUNTRY_CODES, countryName } from "~/utils/countries";
import { stemOf, stemsOf } from "./text";

type Kind = (typeof PARTNER_KINDS)[number];
export type NewPartner = { name: string; kind: Kind; countryCode?: string };

const KK_KINDS: Record<string, Kind> = {
  провинциясы: "province",
  облысы: "region",
  қаласы: "city",
  аймағы: "region",
  штаты: "region",
  өлкесі: "region",
  префектурасы: "region",
};
const RU_KINDS: Record<string, [Kind, string]> = {
  провинции: ["province", "Провинция"],
  города: ["city", ""],
  области: ["region", "область"],
  региона: ["region", "регион"],
  штата: ["region", "Штат"],
  префектуры: ["region", "Префектура"],
  края: ["region", "край"],
};
const EN_KINDS: Record<string, Kind> = {
  city: "city",
  province: "province",
  region: "region",
  prefecture: "region",
  state: "region",
  county: "region",
};

// A word of a name: bounded, so that a run of letters with no space (a pasted 100,000) is read
// once, not once from each of its capitals.
const CAP = "\\p{Lu}[\\p{L}-]{0,60}";
// Between the words of a name: spaces on one line. A name never runs on past a line's end (a
// heading below the paragraph read as "Gyeonggi Province\n\nASTANA").
const GAP = "[ \\t\\u00a0]+";
// A word that follows a city's name without being part of it: "города Казани Республики
// Татарстан" names Kazan, not "Казань Республики".
const NOT_A_NAME = "(?!(?:Республик|Области|Провинци|Края|Округ|КНР|РФ)\\p{L}*)";
const KK_PATTERN = new RegExp(
  `(?<![\\p{L}-])(${CAP})\\s+(${Object.keys(KK_KINDS).join("|")})(?:ның|нің)?\\s+(?:\\S+\\s+){0,2}?делегация`,
  "u",
);
const RU_PATTERN = new RegExp(
  `делегаци(?:я|и|ей|ю|ями)\\s+(?:из\\s+)?(?:(${Object.keys(RU_KINDS).join("|")})\\s+)?(${CAP}(?:${GAP}${NOT_A_NAME}${CAP})?)`,
  "u",
);
const EN_PATTERN = new RegExp(
  `delegation\\s+(?:from|of)\\s+(?:the\\s+)?(?:(city|province|region|prefecture|state)\\s+of\\s+)?(${CAP}(?:${GAP}${CAP}){0,2})`,
  "u",
);

const GENITIVE_ENDINGS: Array<[RegExp, string]> = [
  [/ска$/u, "ск"],
  [/ни$/u, "нь"],
  [/ии$/u, "ия"],
  [/ы$/u, "а"],
  [/([бвгдзклмнпрстфхцчшщ])а$/u, "$1"],
];

/** A Russian place name from the genitive it follows "из" or "города" in, by its usual endings. */
function russianNominative(name: string): string {
  return (
    name
      .split(" ")
      // The first ending that fits, once: "Анкары" is "Анкара", not "Анкар" as well.
      .map((w) => {
        const rule = GENITIVE_ENDINGS.find(([ending]) => ending.test(w));
        return rule ? w.replace(rule[0], rule[1]) : w;
      })
      .join(" ")
  );
}

// A city named only by its council or its mayor's office, in a title: "Бішкек қалалық
// кеңесінің депутаты", "Chairman of the Tashkent City Council", "мэр города Анкары".
const KK_CITY_BODY = new RegExp(
  `(?<![\\p{L}-])(${CAP})\\s+қалалық\\s+(?:кеңес|мәслихат|әкімдік|әкімшілік|халық)`,
  "gu",
);
const EN_CITY_BODY = new RegExp(
  `(?<![\\p{L}-])(${CAP}(?:${GAP}${CAP})?)${GAP}City${GAP}(?:Council|Assembly|Hall|Government|Kengash|People's${GAP}Congress)`,
  "gu",
);
const RU_CITY = new RegExp(`(?<!\\p{L})(?:мэр|аким|совет)\\p{L}{0,6}${GAP}города${GAP}(${CAP})`, "gu");

/**
 * The city a text names by its own body, the first that is not the home city (`isHome`, by the
 * caller's name forms): a report that never says "делегация" still names where its guests are from.
 */
function cityByItsBody(text: string, isHome: (name: string) => boolean): NewPartner | null {
  for (const [pattern, read] of [
    [KK_CITY_BODY, (m: RegExpMatchArray) => m[1]],
    [EN_CITY_BODY, (m: RegExpMatchArray) => m[1]],
    [RU_CITY, (m: RegExpMatchArray) => russianNominative(m[1])],
  ] as const) {
    for (const m of text.matchAll(pattern)) {
      const name = read(m);
      if (!isHome(name)) return { name, kind: "city" };
    }
  }
  return null;
}

export function newPartnerIn(text: string, isHome: (name: string) => boolean = () => false): NewPartner | null {
  const named = namedWithItsDelegation(text);
  return named && !isHome(named.name) ? named : cityByItsBody(text, isHome);
}

function namedWithItsDelegation(text: string): NewPartner | null {
  const kk = KK_PATTERN.exec(text);
  // A city is named without "қаласы", as Russian names it without "город" and the partners on
  // file are; a province or a region keeps its word ("Хэйлунцзян провинциясы").
  if (kk) return { name: KK_KINDS[kk[2]] === "city" ? kk[1] : `${kk[1]} ${kk[2]}`, kind: KK_KINDS[kk[2]] };
  const ru = RU_PATTERN.exec(text);
  if (ru) {
    const [kind, word] = ru[1] ? RU_KINDS[ru[1]] : (["city", ""] as [Kind, string]);
    const name = ru[1] && ru[1] !== "города" ? ru[2] : russianNominative(ru[2]);
    return { name: word ? (word === word.toLowerCase() ? `${name} ${word}` : `${word} ${name}`) : name, kind };
  }
  const en = EN_PATTERN.exec(text);
  if (en) {
    const last = en[2].split(" ").at(-1)!.toLowerCase();
    const kind = en[1] ? EN_KINDS[en[1]] : (EN_KINDS[last] ?? "city");
    return { name: en[2], kind };
  }
  return null;
}

// The word of a partner's name that says its kind, in any case: "Gansu Province", "Провинция
// Ганьсу", "Хэйлунцзян провинциясы", "Новосибирская область", "Tokyo Prefecture".
const KIND_WORDS: Array<[RegExp, Kind]> = [
  [/^(провинци|province)/u, "province"],
  [
    /^(облыс|аймақ|аймағ|штат|өлке|префектур|област|регион|край|округ|region|oblast|state|prefecture|county)/u,
    "region",
  ],
  [/^(қала|город|city)/u, "city"],
];

/** A partner's kind, from a word of its name that says it; a city when none does. */
export function kindOfName(name: string): Kind {
  for (const word of name.toLocaleLowerCase().split(/[\s,.()-]+/u))
    for (const [pattern, kind] of KIND_WORDS) if (pattern.test(word)) return kind;
  return "city";
}

let countryStems: Array<{ code: string; stems: string[][] }> | null = null;

/** The country a text names most (Kazakhstan aside), by its name in Kazakh, Russian or English. */
export function countryIn(textStems: Map<string, number>): string | undefined {
  countryStems ??= COUNTRY_CODES.filter((code) => code !== "KZ").map((code) => ({
    code,
    // The official and everyday names too: "(Турецкая Республика)", "Қырғыз Республикасының".
    stems: [...(["kk", "ru", "en"] as const).map((lng) => countryName(code, lng)), ...(COUNTRY_ALIASES[code] ?? [])]
      .map((name) => stemsOf(name))
      .filter((s) => s.length),
  }));
  let best: { code: string; count: number } | undefined;
  for (const { code, stems } of countryStems) {
    for (const form of stems) {
      const count = Math.min(...form.map((s) => textStems.get(s) ?? 0));
      if (count > 0 && (!best || count > best.count)) best = { code, count };
    }
  }
  return best?.code;
}

export const GENERIC_PLACE_STEMS = new Set(
  [
    "провинциясы",
    "провинция",
    "province",
    "қаласы",
    "қалалық",
    "город",
    "city",
    "облысы",
    "область",
    "region",
    "аймағы",
    "штат",
    "state",
    "префектура",
    "prefecture",
    "округ",
    "county",
    "республика",
    "republic",
    "край",
  ]
    .map(stemOf)
    .filter((s): s is string => Boolean(s)),
);
