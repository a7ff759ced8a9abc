/**
 * People a news text names with their titles, by the patterns news uses:
 * - Kazakh puts the title before the name, the post last: "X облысының әкімі Y", "мәслихат
 *   хатшысы Жанат Нұрпейісов", "… кеңесі төрағасының орынбасары Ду Цзимин";
 * - Russian and English start with the post and name the body after it: "председатель … Z",
 *   "Secretary of the Astana City Maslikhat Zhanat Nurpeisov", or put it after the name between
 *   commas: "Du Jimin, vice-chairman of …,";
 * - one title for several names joined by "пен", "мен", "және", "и", "and";
 * - who led a delegation: "делегацияны бастап келген", "Делегацияны … басқарды", "возглавлял",
 *   "во главе с", "led by".
 * Pure text rules; matching the names against the people on file is press-release.server.ts's.
 */
import { isCapitalised, stemOf, wordsOf } from "./text";

export type TitledMention = { name: string; title?: string; index: number; ledDelegation: boolean; spoke: boolean };

type Token = { word: string; lower: string; index: number; end: number; boundaryBefore: boolean };

function tokensOf(sentence: string): Token[] {
  let previousEnd = 0;
  return wordsOf(sentence).map(({ word, index }) => {
    const gap = sentence.slice(previousEnd, index);
    previousEnd = index + word.length;
    return {
      word,
      lower: word.toLocaleLowerCase(),
      index,
      end: index + word.length,
      boundaryBefore: /[,.;:!?()"«»“”—–]|\s-\s/.test(gap),
    };
  });
}

// Posts, as the words that end a Kazakh title (possessive forms) ...
const KK_POSTS =
  /^(вице-)?(хатшы|әкімі|төрағасы|орынбасары|депутаты|басшысы|директоры|министрі|елшісі|консулы|мэрі|губернаторы|президенті|бастығы|меңгерушісі|мүшесі|өкілі|кеңесшісі|спикері|депутат|хатшысы|депутаттары|хатшылары|орынбасарлары|басшылары|мүшелері|өкілдері|кеңесшілері)$/u;
// ... and the words that start a Russian or English one.
const RU_POSTS =
  /^(вице-|зам)?(секретарь|аким|председатель|заместитель|зампред|глава|мэр|губернатор|депутат|депутаты|руководитель|директор|посол|консул|генконсул|министр|президент|начальник|член|советник|представитель|сопредседатель|спикер)$/u;
// The same posts after "с" ("встретился с послом … Мехметом Йылмазом"): the name is in that case too.
const RU_INSTRUMENTAL_POST =
  /^(вице-|зам)?(секретарём|секретарем|акимом|председателем|заместителем|главой|мэром|губернатором|депутатом|руководителем|директором|послом|консулом|генконсулом|министром|президентом|начальником|членом|советником|представителем|сопредседателем|спикером)$/u;
// ... and after "визит", "по приглашению" ("по приглашению мэра Анкары Мансура Яваша").
const RU_GENITIVE_POST =
  /^(вице-|зам)?(секретаря|акима|председателя|заместителя|главы|мэра|губернатора|руководителя|директора|посла|консула|генконсула|министра|президента|начальника|советника|представителя|спикера)$/u;
// ... and after "вручил", "направил" ("вручил письмо послу Турции Мехмету Йылмазу"). Not "главе":
// "во главе с" is followed by a name in the instrumental.
const RU_DATIVE_POST =
  /^(вице-|зам)?(секретарю|акиму|председателю|заместителю|мэру|губернатору|депутату|руководителю|директору|послу|консулу|генконсулу|министру|президенту|начальнику|советнику|представителю|сопредседателю|спикеру)$/u;
const EN_POSTS =
  /^(vice-|deputy-)?(secretary|mayor|governor|chairman|chairwoman|chairperson|chair|deputy|deputies|ambassador|consul|consul-general|minister|director|head|president|member|members|representative|speaker|akim|secretary-general)$/u;
// Words that come before a Russian or English post and belong to it.
const POST_PREFIXES = /^(первый|генеральный|чрезвычайный|first|executive|general)$/u;
// Lower-case words of a body an English title names before its post, and the capitalised words
// that never do.
const EN_BODY_WORDS =
  /^(maslikhat|akimat|city|municipal|provincial|regional|standing|council|commission|committee|people's|parliament|assembly|embassy)$/u;
const EN_NOT_MODIFIERS =
  /^(the|a|an|and|or|with|by|of|to|for|at|in|on|met|received|welcomed|yesterday|today|also|said|was|were|is|are|as|from)$/u;

const PATRONYMIC = /(вич|вна|ична|ұлы|қызы|улы|кызы|оглы)$/u;

// Capitalised words that are places and bodies, never a person's name.
const NOT_NAMES = new Set(
  [
    "Астана",
    "Astana",
    "қала",
    "Город",
    "City",
    "мәслихат",
    "маслихат",
    "Maslikhat",
    "әкімдік",
    "акимат",
    "Akimat",
    "провинция",
    "Province",
    "облыс",
    "область",
    "Region",
    "Республика",
    "Republic",
    "Комитет",
    "Committee",
    "кеңес",
    "Совет",
    "Council",
    "Қазақстан",
    "Казахстан",
    "Kazakhstan",
    "Қытай",
    "Китай",
    "China",
    "Chinese",
    "Халық",
    "Народный",
    "People",
    "Министерство",
    "Ministry",
    "Университет",
    "University",
    "Smart",
    "International",
    "Халықаралық",
    "Международный",
    "Государственный",
    "State",
    "Assembly",
    "Собрание",
    "Парламент",
    "Parliament",
    "Department",
    "Департамент",
    "Office",
    "Government",
    "Правительство",
    "Үкімет",
    "Embassy",
    "Посольство",
    "Елшілік",
    "EXPO",
    "ЭКСПО",
    // What a meeting invites to or signs with: "the Tashkent International Investment Forum".
    "Forum",
    "Форум",
    "Summit",
    "Саммит",
    "Festival",
    "Фестиваль",
    "Conference",
    "Конференция",
    "Exhibition",
    "Выставка",
    "Centre",
    "Center",
    "Центр",
    "Kengash",
    "Кенгаш",
    "Bank",
    "Банк",
    "Company",
    "Компания",
    "Agency",
    "Агентство",
    "Programme",
    "Program",
    "Программа",
    "Investment",
    "Project",
    "Проект",
    "Association",
    "Ассоциация",
    "Fund",
    "Фонд",
    "Institute",
    "Институт",
    "Academy",
    "Академия",
  ]
    .map(stemOf)
    .filter((s): s is string => Boolean(s)),
);

function isPost(lower: string) {
  return (
    KK_POSTS.test(lower) ||
    RU_POSTS.test(lower) ||
    RU_INSTRUMENTAL_POST.test(lower) ||
    RU_GENITIVE_POST.test(lower) ||
    RU_DATIVE_POST.test(lower) ||
    EN_POSTS.test(lower)
  );
}

// A Kazakh name after its post takes the sentence's case on its last word: "елшісі Айбек
// Мамытовпен кездесті" (with), "Досановқа" (to). Taken off a surname's ending, or "with" off any.
const KK_NAME_CASE =
  /^(.{2,}?)(пен|мен|бен)$|^(.*(?:ов|ев|ёв|ин|ын|ова|ева|ина|ына|ұлы|улы|қызы|кызы))(ға|ге|қа|ке|ның|нің|дың|дің|тың|тің|ны|ні|ды|ді|ты|ті)$/u;

function kazakhNominative(name: string) {
  const words = name.split(" ");
  const m = KK_NAME_CASE.exec(words[words.length - 1]);
  if (m) words[words.length - 1] = m[1] ?? m[3];
  return words.join(" ");
}

/** A word ending as `pattern` is back in the nominative with `cut` letters off and `add` on. */
type CaseRule = [pattern: RegExp, cut: number, add: string];

/**
 * How a Russian post and the name after it go back from the genitive ("по приглашению мэра
 * Анкары Мансура Яваша", "Анны Сериковой"), the instrumental ("с Послом … Мехметом Йылмазом")
 * and the dative ("послу … Мехмету Йылмазу", "Игорю Сергееву", "Анне Сериковой") to the
 * nominative: the first rule whose ending a word has. A name's word that no rule fits does not
 * decline ("Айгуль", "Ким Хён Ги") and is kept. "Посол" drops its vowel before an ending.
 */
const RU_CASES: Record<"genitive" | "instrumental" | "dative", { post: CaseRule[]; name: CaseRule[] }> = {
  genitive: {
    post: [
      [/[тл]еля$|секретаря$/u, 1, "ь"],
      [/ы$/u, 1, "а"],
      [/^посла$/iu, 2, "ол"],
      [/а$/u, 1, ""],
    ],
    name: [
      [/(ов|ев|ин|ын)ой$/u, 2, "а"],
      [/(ов|ев|ин|ын)а$/u, 1, ""],
      [/[аеёиоуыэюя]я$/u, 1, "й"],
      [/[иь]и$/u, 1, "я"],
      [/[^аеёиоуыэюяь]я$/u, 1, "ь"],
      [/[^аеёиоуыэюя]ы$/u, 1, "а"],
      [/[^аеёиоуыэюя]а$/u, 1, ""],
    ],
  },
  instrumental: {
    post: [
      [/(тел|секретар)[её]м$/u, 2, "ь"],
      [/ой$/u, 2, "а"],
      [/^послом$/iu, 3, "ол"],
      [/ом$/u, 2, ""],
    ],
    name: [
      [/(ов|ев|ин|ын)ым$/u, 2, ""],
      [/(ов|ев|ин|ын)ой$/u, 2, "а"],
      [/[аеёиоуыэюя]ем$/u, 2, "й"],
      [/ью$/u, 1, ""],
      [/[^аеёиоуыэюя](ом|ем|ём)$/u, 2, ""],
      [/[^аеёиоуыэюя]ой$/u, 2, "а"],
      [/[^аеёиоуыэюя]ей$/u, 2, "я"],
    ],
  },
  dative: {
    post: [
      [/(тел|секретар)ю$/u, 1, "ь"],
      [/^послу$/iu, 2, "ол"],
      [/у$/u, 1, ""],
    ],
    name: [
      [/(ов|ев|ин|ын)ой$/u, 2, "а"],
      [/[аеёиоуыэюя]ю$/u, 1, "й"],
      [/[^аеёиоуыэюяь]ю$/u, 1, "ь"],
      [/ии$/u, 1, "я"],
      [/[^аеёиоуыэюя]у$/u, 1, ""],
      [/[^аеёиоуыэюя]е$/u, 1, "а"],
    ],
  },
};

/** Each word of `text` back in the nominative by the first of `rules` that fits it. */
function nominative(text: string, rules: CaseRule[]) {
  return text
    .split(" ")
    .map((word) => {
      const rule = rules.find(([pattern]) => pattern.test(word));
      return rule ? word.slice(0, word.length - rule[1]) + rule[2] : word;
    })
    .join(" ");
}

/** A word that can be part of a person's name: a capital, small letters, not a place or a post. */
function nameLike(token: Token | undefined): boolean {
  if (!token || !isCapitalised(token.word)) return false;
  if (!/\p{Ll}/u.test(token.word) || /\d/.test(token.word)) return false;
  if (isPost(token.lower)) return false;
  const stem = stemOf(token.word);
  return !stem || !NOT_NAMES.has(stem);
}

/** The name starting at `i`: two name-like words, or three with a patronymic in the middle or all short (Korean, Chinese). */
function nameAt(tokens: Token[], i: number): { name: string; next: number } | null {
  const [a, b, c] = [tokens[i], tokens[i + 1], tokens[i + 2]];
  if (!nameLike(a) || !nameLike(b) || b.boundaryBefore) return null;
  if (nameLike(c) && !c.boundaryBefore && (PATRONYMIC.test(b.lower) || eastAsianName(tokens, i)))
    return { name: join(a, b, c), next: i + 3 };
  return { name: join(a, b), next: i + 2 };
}

/**
 * A Korean or Chinese name written in three short words, the family name first: "Ким Хён Ги",
 * "Li Wen Hua". A longer first word is a place before a two-word name ("Хэйлунцзян Ду Цзимин").
 */
function eastAsianName(tokens: Token[], first: number) {
  const words = tokens.slice(first, first + 3);
  return (
    words.length === 3 && words.every((t) => nameLike(t) && [...t.word].length <= 4) && [...words[0].word].length <= 3
  );
}

const join = (...tokens: Token[]) => tokens.map((t) => t.word).join(" ");
const CONJUNCTIONS = /^(пен|мен|бен|және|и|and)$/u;

// Kazakh words a title runs back over stop at case endings other than the genitive, at verb
// forms and at conjunctions: "Кездесу барысында | мәслихат хатшысы", "бастап келген | Хэйлунцзян …".
const KK_TITLE_STOP =
  /(да|де|та|те|нда|нде|ға|ге|қа|ке|на|не|ны|ні|ды|ді|ты|ті|дан|ден|тан|тен|нан|нен|ған|ген|қан|кен|ып|іп|ды|ді|ты|ті|у)$/u;
const KK_ACCUSATIVE = /[аәеиоөуұүыіэюя]н[ыі]$/u;
const KK_TITLE_STOP_WORDS = /^(а|и|and|но|ал|мен|пен|бен|және|деп|деді|бастап|келген|ретінде|атынан|соң|кейін|бірге)$/u;

// What a meeting is called ("Кездесуге … қатысты", "Отырыста"): never part of a title, unless
// it names whose post it is ("сессиясының төрағасы").
const KK_EVENTS = /^(кездесу|жиын|шара|іс-шара|отырыс|сессия|форум|келіссөз|басқосу|сапар)/u;
const KK_GENITIVE = /(ның|нің|дың|дің|тың|тің)$/u;

function kazakhTitleBefore(tokens: Token[], post: number, taken: Set<number>): string {
  let start = post;
  for (let i = post - 1; i >= 0 && post - i <= 10; i--) {
    if (tokens[i + 1].boundaryBefore || taken.has(i)) break;
    const t = tokens[i];
    if (KK_EVENTS.test(t.lower) && !KK_GENITIVE.test(t.lower)) break;
    if (KK_TITLE_STOP_WORDS.test(t.lower) || isPost(t.lower)) {
      if (!KK_GENITIVE.test(t.lower)) break;
    }
    if (!isCapitalised(t.word) && KK_TITLE_STOP.test(t.lower) && !/(ның|нің|дың|дің|тың|тің|сы|сі|ы|і)$/u.test(t.lower))
      break;
    // A word in the accusative is the sentence's object, capitalised or not: "Делегацияны …
    // басқарды" (led the delegation). After a vowel the accusative is -ны/-ні, the possessive
    // -сы/-сі ("делегациясы"), so the two do not meet.
    if (KK_ACCUSATIVE.test(t.lower)) break;
    start = i;
  }
  return tokens
    .slice(start, post + 1)
    .map((t) => t.word)
    .join(" ");
}

const LED =
  /(делегацияны?\s+бастап|делегацияны\s.*\sбасқар|делегация\s+басшысы|возглав|во\s+главе|глава\s+делегации|led\s+by|headed\s+by|head\s+of\s+the\s+delegation|leader\s+of\s+the\s+delegation)/iu;
const SPOKE = /(талқылау|пікір\s+алмас|сөз\s+сөйле|обсуждени|выступ|discussion|spoke|took\s+the\s+floor)/iu;

/** Every titled name in one sentence, in the order they appear. */
export function titledPeopleIn(sentence: string): TitledMention[] {
  const tokens = tokensOf(sentence);
  const found: TitledMention[] = [];
  const taken = new Set<number>();
  const spoke = SPOKE.test(sentence);
  const kazakh = /[әғқңөұүһі]/iu.test(sentence);
  const ledAt = LED.exec(sentence)?.index ?? -1;

  const add = (name: string, title: string | undefined, at: number) => {
    if (found.some((f) => f.name === name)) return;
    found.push({ name, title, index: at, ledDelegation: false, spoke });
  };
  const addWithPartners = (first: { name: string; next: number }, title: string | undefined, at: number) => {
    add(first.name, title, at);
    let next = first.next;
    // "депутаттары Мажит Шайдаров пен Алмаз Ким": one title, several names.
    while (tokens[next] && CONJUNCTIONS.test(tokens[next].lower) && !tokens[next].boundaryBefore) {
      const more = nameAt(tokens, next + 1);
      if (!more || tokens[next + 1].boundaryBefore) break;
      add(more.name, title, tokens[next + 1].index);
      for (let k = next; k < more.next; k++) taken.add(k);
      next = more.next;
    }
  };

  for (let i = 0; i < tokens.length; i++) {
    if (taken.has(i) || !isPost(tokens[i].lower)) continue;
    const lower = tokens[i].lower;
    // "депутаты" is Kazakh and Russian: the Kazakh reading only in a sentence with Kazakh letters.
    if (KK_POSTS.test(lower) && kazakh) {
      const name = nameAt(tokens, i + 1);
      if (name && !tokens[i + 1].boundaryBefore) {
        const title = kazakhTitleBefore(tokens, i, taken);
        for (let k = i; k < name.next; k++) taken.add(k);
        addWithPartners({ ...name, name: kazakhNominative(name.name) }, title, tokens[i + 1].index);
        continue;
      }
    }
    // Russian and English: the post, the body, then the name; or the name, a comma, the post.
    let start = i > 0 && POST_PREFIXES.test(tokens[i - 1].lower) && !tokens[i].boundaryBefore ? i - 1 : i;
    // English names the body before the post too: "the maslikhat secretary", "Ankara Mayor".
    if (EN_POSTS.test(lower))
      while (start > 0 && i - start < 6 && !tokens[start].boundaryBefore && !taken.has(start - 1)) {
        const before = tokens[start - 1];
        if (EN_NOT_MODIFIERS.test(before.lower) || !(isCapitalised(before.word) || EN_BODY_WORDS.test(before.lower)))
          break;
        start--;
      }
    // A post in another case than the nominative puts its name in that case too.
    const inCase = RU_INSTRUMENTAL_POST.test(lower)
      ? RU_CASES.instrumental
      : RU_GENITIVE_POST.test(lower)
        ? RU_CASES.genitive
        : RU_DATIVE_POST.test(lower)
          ? RU_CASES.dative
          : null;
    let matched = false;
    for (let j = i + 1; j < tokens.length && j - i <= 16 && !matched; j++) {
      if (tokens[j].boundaryBefore) break;
      // A nearer post is the name's ("Deputies of the City Council led by Chairman X"), but not
      // the post this one qualifies ("Deputy Mayor X").
      if (j > i + 1 && isPost(tokens[j].lower)) break;
      if (!isCapitalised(tokens[j].word)) continue;
      // A capitalised run ("Провинции Хэйлунцзян Ду Цзимин"): the name is at its end.
      let end = j;
      while (end + 1 < tokens.length && isCapitalised(tokens[end + 1].word) && !tokens[end + 1].boundaryBefore) end++;
      const size = end - j >= 2 && (PATRONYMIC.test(tokens[end - 1].lower) || eastAsianName(tokens, end - 2)) ? 3 : 2;
      const first = end - size + 1;
      const name = first >= j ? nameAt(tokens, first) : null;
      if (name && name.next === end + 1 && first > start) {
        const title = sentence.slice(tokens[start].index, tokens[first - 1].end);
        for (let k = start; k <= end; k++) taken.add(k);
        addWithPartners(
          inCase ? { ...name, name: nominative(name.name, inCase.name) } : name,
          inCase ? title.replace(tokens[i].word, nominative(tokens[i].word, inCase.post)) : title,
          tokens[first].index,
        );
        matched = true;
      }
      j = end;
    }
    if (matched) continue;
    // Apposition: "Du Jimin, vice-chairman of the CPPCC committee, said".
    if (tokens[start].boundaryBefore && start >= 2) {
      const before = nameAt(tokens, start - 2) ?? (start >= 3 ? nameAt(tokens, start - 3) : null);
      if (before && before.next === start) {
        let end = start;
        while (end + 1 < tokens.length && !tokens[end + 1].boundaryBefore && end - start < 14) end++;
        const nameStart = tokens.findIndex((t) => t.index === tokens[start - before.name.split(" ").length].index);
        add(before.name, sentence.slice(tokens[start].index, tokens[end].end), tokens[nameStart].index);
        for (let k = start; k <= end; k++) taken.add(k);
      }
    }
  }
  // The first name after "led by" (or its like) led the delegation.
  if (ledAt >= 0) {
    const leader = found.filter((f) => f.index > ledAt).sort((a, b) => a.index - b.index)[0];
    if (leader) leader.ledDelegation = true;
  }
  return found.sort((a, b) => a.index - b.index);
}

/**
 * The body a title names, as its own name: "Бішкек қалалық кеңесінің депутаты" is of "Бішкек
 * қалалық кеңесі", "Chairman of the Tashkent City Council" and "Tbilisi City Assembly Chairman"
 * of the council and the assembly; "председатель Ташкентского городского совета" of "Ташкентский
 * городской совет". Null for a title that names no body of two words or more ("Mayor of Ankara").
 */
export function bodyInTitle(title: string): string | null {
  const words = title.trim().split(/\s+/u);
  const lower = (w: string) => w.toLocaleLowerCase();
  let body: string[];
  if (/[әғқңөұүһі]/iu.test(title)) {
    // Kazakh: the posts close the title ("төрағасының орынбасары"); the body's last word is in
    // the genitive, or joined to the post without it ("кеңесі төрағасы").
    body = [...words];
    while (body.length && (isPost(lower(body.at(-1)!)) || isPost(lower(body.at(-1)!).replace(KK_GENITIVE, ""))))
      body.pop();
    if (body.length) body[body.length - 1] = body.at(-1)!.replace(KK_GENITIVE, "");
  } else if (/^[\p{Script=Latin}\s'’-]+$/u.test(title)) {
    const of = words.findIndex((w, i) => i > 0 && lower(w) === "of");
    if (of > 0) body = words.slice(lower(words[of + 1] ?? "") === "the" ? of + 2 : of + 1);
    else {
      body = [...words];
      while (body.length && isPost(lower(body.at(-1)!))) body.pop();
    }
  } else if (/^[\p{Script=Cyrillic}\p{Script=Latin}\s'’-]+$/u.test(title)) {
    body = russianBodyFromGenitive(words);
  } else return null;
  return body.length >= 2 ? body.join(" ") : null;
}

// Nouns that head a Russian body's name, in the genitive, and their gender.
const RU_BODY_NOUNS: Array<[RegExp, "m" | "f" | "n"]> = [
  [
    /^(совет|хурал|кенгаш|кенеш|кенгеш|маслихат|меджлис|парламент|сенат|конгресс|муниципалитет|комитет|акимат|сейм)а$/iu,
    "m",
  ],
  [/^(собрани|правлени|управлени|представительств|посольств|правительств|консульств)[ая]$/iu, "n"],
  [/^(дум|палат|рад|мэри|администраци|ассамбле|комисси|организаци)[ыи]$/iu, "f"],
];

/** A Russian body noun in the genitive, back in the nominative with its gender, or null. */
function russianBodyNoun(word: string): { word: string; gender: "m" | "f" | "n" } | null {
  for (const [pattern, gender] of RU_BODY_NOUNS) {
    if (!pattern.test(word)) continue;
    const stem = word.slice(0, -1);
    if (gender === "m") return { word: stem, gender };
    if (gender === "n") return { word: stem + (/[иь]$/u.test(stem) ? "е" : "о"), gender };
    return { word: stem + (/[иеь]$/u.test(stem) ? "я" : "а"), gender };
  }
  return null;
}

// Adjectives whose masculine ends stressed, in "-ой": "городской", "областной", "краевой".
const RU_STRESSED_ADJECTIVE = /^(городск|областн|окружн|краев|мирск|морск|волостн)/iu;

/** A Russian adjective in the genitive agreeing with a noun of `gender`, back in the nominative. */
function russianAdjectiveFromGenitive(word: string, gender: "m" | "f" | "n"): string | null {
  const stem = /^(.+)(ого|его|ой|ей)$/iu.exec(word);
  if (!stem) return null;
  const [, base, ending] = stem;
  const soft = ending.startsWith("е");
  if (gender === "f") return /^(ой|ей)$/u.test(ending) ? base + (soft && !/[жшчщ]$/u.test(base) ? "яя" : "ая") : null;
  if (!/^(ого|его)$/u.test(ending)) return null;
  if (gender === "n") return base + (soft ? "ее" : "ое");
  if (RU_STRESSED_ADJECTIVE.test(word)) return base + "ой";
  return base + (soft || /[кгхжшчщ]$/u.test(base) ? "ий" : "ый");
}

/**
 * A Russian title's body, from the genitive it takes after the posts: "председатель
 * Сеульского городского совета" is of "Сеульский городской совет", "заместитель председателя
 * Законодательного собрания провинции Цзянсу" of "Законодательное собрание провинции Цзянсу"
 * (what follows the body's noun stays as written). Empty unless a body's noun is found.
 */
function russianBodyFromGenitive(words: string[]): string[] {
  let first = 0;
  const post = (word: string) => isPost(word.toLocaleLowerCase()) || POST_PREFIXES.test(word.toLocaleLowerCase());
  while (first < words.length && post(words[first])) first++;
  const noun = words.findIndex((w, i) => i >= first && russianBodyNoun(w));
  if (noun < 0) return [];
  const head = russianBodyNoun(words[noun])!;
  const adjectives = words.slice(first, noun).map((w) => russianAdjectiveFromGenitive(w, head.gender));
  if (adjectives.some((a) => a === null)) return [];
  return [...(adjectives as string[]), head.word, ...words.slice(noun + 1)];
}

/** Runs of two or three capitalised words, the way a name on file could be written in the text. */
export function nameCandidatesIn(sentence: string): Array<{ text: string; index: number }> {
  const tokens = tokensOf(sentence);
  const out: Array<{ text: string; index: number }> = [];
  for (let i = 0; i + 1 < tokens.length; i++) {
    if (!isCapitalised(tokens[i].word)) continue;
    for (const size of [2, 3]) {
      const run = tokens.slice(i, i + size);
      if (run.length < size || run.some((t, k) => (k > 0 && t.boundaryBefore) || !isCapitalised(t.word))) continue;
      out.push({ text: join(...run), index: tokens[i].index });
    }
  }
  return out;
}

// Case endings a surname or first name takes in Kazakh and Russian: "Нұрпейісовтің",
// "Нурпеисова", "Шайдаровым".
const NAME_ENDINGS =
  /(тің|тың|дің|дың|нің|ның|ке|қа|ға|ге|ты|ті|ды|ді|ны|ні|пен|мен|бен|та|те|да|де|нан|нен|тан|тен|дан|ден|ым|ом|ем|ой|ей|а|у|е)$/u;

/** A name as written and with each word's case ending taken off, to look up on file. */
export function nameVariants(name: string): string[] {
  const words = name.split(" ");
  const forms = words.map((w) => {
    const bare = w.replace(NAME_ENDINGS, "");
    return bare !== w && bare.length >= 3 ? [w, bare] : [w];
  });
  let out: string[][] = [[]];
  for (const options of forms) out = out.flatMap((prefix) => options.map((o) => [...prefix, o]));
  return out.map((parts) => parts.join(" "));
}
