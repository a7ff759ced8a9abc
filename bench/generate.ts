/**
 * A deterministic dataset the size of a busy council's century: the "national" size (1,000
 * partners, 100,000 meetings, 500,000 participations, 20,000 people with posts, 50,000
 * initiatives with steps, relations with steps) and a 1% "small" one. Names come in Kazakh,
 * Russian, Latin and Chinese transliterated both ways; texts in all three record languages,
 * with one word in most records ("cooperation" in each language) and rare words in a few.
 *
 * It writes through the app's own schema and migrations, so triggers, name keys, the search
 * index and the history are filled exactly as the app fills them.
 *
 *   node --import tsx bench/generate.ts national bench/.data/national.db
 */
import fs from "node:fs";
import path from "node:path";
import { getTableColumns, getTableName, is, SQL, sql } from "drizzle-orm";
import type { SQLiteTable } from "drizzle-orm/sqlite-core";
import { sortKeys } from "~db/shared/names";
import { openDatabase, type Db } from "~db/client";
import { migrateDatabase } from "~/models/writes.server";
import { backfillHistory } from "~db/history";
import { ensureHomeCity } from "~db/home";
import { backfillNameKeys } from "~db/name-keys";
import { backfillSearchText, stampFoldVersion } from "~/models/search-index.server";
import { FOLD_VERSION } from "~db/shared/fold";
import Database from "better-sqlite3";
import { mergeSearchIndex } from "~/housekeeping.server";
import * as s from "~db/schema";

export const SIZES = {
  national: {
    partners: 1000,
    organisations: 3000,
    people: 20_000,
    meetings: 100_000,
    participantsPerMeeting: 5,
    initiatives: 50_000,
    topics: 400,
  },
  small: {
    partners: 10,
    organisations: 30,
    people: 200,
    meetings: 1000,
    participantsPerMeeting: 5,
    initiatives: 500,
    topics: 40,
  },
} as const;
export type SizeName = keyof typeof SIZES;

/** The partner that holds 2% of all meetings: the benchmark's "partner with 2,000 events". */
export const BUSY_PARTNER_NAME = "Qingzhou";
export const RARE_WORD = "zhetisu";
export const COMMON_WORD = "cooperation";

// mulberry32: small, fast, and the same sequence on every machine.
function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Pinyin syllables with their Russian (Palladius) spelling, which Kazakh uses too.
const SYLLABLES: Array<[string, string]> = [
  ["qing", "цин"],
  ["zhou", "чжоу"],
  ["an", "ань"],
  ["he", "хэ"],
  ["bei", "бэй"],
  ["nan", "нань"],
  ["shan", "шань"],
  ["xi", "си"],
  ["dong", "дун"],
  ["jiang", "цзян"],
  ["hai", "хай"],
  ["yang", "ян"],
  ["lin", "линь"],
  ["feng", "фэн"],
  ["ning", "нин"],
  ["guang", "гуан"],
  ["tai", "тай"],
  ["yuan", "юань"],
  ["chang", "чан"],
  ["sha", "ша"],
  ["wu", "у"],
  ["han", "хань"],
  ["zheng", "чжэн"],
  ["jin", "цзинь"],
  ["hua", "хуа"],
  ["long", "лун"],
  ["tian", "тянь"],
  ["ma", "ма"],
  ["li", "ли"],
  ["xin", "синь"],
  ["bao", "бао"],
  ["ping", "пин"],
];
const CHINESE_SURNAMES: Array<[string, string]> = [
  ["Wang", "Ван"],
  ["Li", "Ли"],
  ["Zhang", "Чжан"],
  ["Liu", "Лю"],
  ["Chen", "Чэнь"],
  ["Zhao", "Чжао"],
  ["Huang", "Хуан"],
  ["Zhou", "Чжоу"],
  ["Wu", "У"],
  ["Xu", "Сюй"],
];
const KAZAKH_GIVEN = [
  "Айгерім",
  "Нұрлан",
  "Ерлан",
  "Жанат",
  "Әсел",
  "Гүлнар",
  "Дәурен",
  "Қайрат",
  "Бауыржан",
  "Мәдина",
  "Сәуле",
  "Ғалым",
  "Өмірзақ",
  "Ұлан",
  "Айдос",
  "Динара",
  "Ақжол",
  "Жұлдыз",
  "Серік",
  "Меруерт",
];
const KAZAKH_SURNAMES = [
  "Нұрпейісов",
  "Сәрсенбаев",
  "Құнанбаев",
  "Әбдірахманов",
  "Жұмабеков",
  "Мұқанов",
  "Ысқақов",
  "Төлеуов",
  "Оспанов",
  "Қасымов",
  "Бекмұхамбетов",
  "Ержанов",
];
const RUSSIAN_GIVEN = [
  "Иван",
  "Сергей",
  "Ольга",
  "Наталья",
  "Дмитрий",
  "Андрей",
  "Елена",
  "Татьяна",
  "Алексей",
  "Марина",
];
const RUSSIAN_SURNAMES = [
  "Петров",
  "Смирнов",
  "Кузнецов",
  "Попов",
  "Васильев",
  "Соколов",
  "Михайлов",
  "Новиков",
  "Фёдоров",
  "Морозов",
];
const LATIN_NAMES = [
  "Mehmet Yılmaz",
  "Ayşe Kaya",
  "Jürgen Müller",
  "Anna Schmidt",
  "Kim Min-jun",
  "Park Ji-woo",
  "Luca Rossi",
  "Marie Dubois",
  "Rustam Karimov",
  "Dilnoza Yusupova",
];
const RUSSIAN_CITY_STEMS = ["Ново", "Верхне", "Нижне", "Старо", "Бело", "Красно", "Камен", "Солнеч", "Озёр", "Берёз"];
const RUSSIAN_CITY_ENDS = ["ск", "горск", "бург", "град", "поль", "ово", "инск"];
const COUNTRIES = ["CN", "CN", "CN", "RU", "RU", "TR", "DE", "KR", "UZ", "KG", "IT", "FR", "US", "JP", "AE"];

const PURPOSES = {
  kk: [
    `Сауда-экономикалық ынтымақтастық мәселелерін талқылау (${COMMON_WORD})`,
    "Мәдени апталықты ұйымдастыру",
    "Инвестициялық жобалар бойынша кездесу",
    "Білім беру саласындағы ынтымақтастық",
  ],
  ru: [
    `Обсуждение торгово-экономического сотрудничества (${COMMON_WORD})`,
    "Подготовка недели культуры",
    "Встреча по инвестиционным проектам",
    "Сотрудничество в сфере образования",
  ],
  en: [
    `Talks on trade and economic ${COMMON_WORD}`,
    "Preparing a week of culture",
    "A meeting on investment projects",
    "Cooperation in education",
  ],
} as const;
const SUMMARIES = {
  kk: [
    "Тараптар ЭКСПО-2017 көрмесіне қатысу, LRT жобасы және мәслихаттар арасындағы тәжірибе алмасу туралы сөйлесті.",
    "Келесі кездесуді Астанада өткізу туралы уағдаластыққа қол жеткізілді.",
  ],
  ru: [
    "Стороны обсудили участие в ЭКСПО-2017, проект LRT и обмен опытом между маслихатами.",
    "Договорились провести следующую встречу в Астане.",
  ],
  en: [
    "The sides discussed taking part in EXPO-2017, the LRT project and an exchange of experience between councils.",
    "They agreed to hold the next meeting in Astana.",
  ],
} as const;
const LANGUAGES = ["kk", "ru", "en"] as const;

type Rng = () => number;
const pick = <T>(rng: Rng, items: readonly T[]) => items[Math.floor(rng() * items.length)];
const int = (rng: Rng, min: number, max: number) => min + Math.floor(rng() * (max - min + 1));

/** A name's three forms with the sort keys the app stores beside them. */
function names(kk: string | null, ru: string | null, en: string | null, native: string | null = null) {
  const forms = { nameKk: kk, nameRu: ru, nameEn: en, nameNative: native };
  return { ...forms, ...sortKeys(forms) };
}

function chineseName(rng: Rng, syllables: number): [string, string] {
  const parts = Array.from({ length: syllables }, () => pick(rng, SYLLABLES));
  const latin = parts.map(([l]) => l).join("");
  const cyrillic = parts.map(([, c]) => c).join("");
  return [latin[0].toUpperCase() + latin.slice(1), cyrillic[0].toUpperCase() + cyrillic.slice(1)];
}

function partnerNames(rng: Rng, index: number) {
  if (index === 0)
    return { ...names("Цинчжоу", "Цинчжоу", BUSY_PARTNER_NAME, "青州"), kind: "city" as const, countryCode: "CN" };
  const country = pick(rng, COUNTRIES);
  if (country === "CN") {
    const [latin, cyrillic] = chineseName(rng, 2);
    const province = rng() < 0.3;
    return {
      ...names(
        province ? `${cyrillic} провинциясы` : cyrillic,
        province ? `Провинция ${cyrillic}` : cyrillic,
        province ? `${latin} Province` : latin,
      ),
      kind: province ? ("province" as const) : ("city" as const),
      countryCode: country,
    };
  }
  if (country === "RU") {
    const city = `${pick(rng, RUSSIAN_CITY_STEMS)}${pick(rng, RUSSIAN_CITY_ENDS)}`;
    return { ...names(city, city, null), kind: "city" as const, countryCode: country };
  }
  const [latin] = chineseName(rng, 2);
  const name = `${latin.replace(/q/g, "k").replace(/x/g, "s")}${pick(rng, ["burg", "ville", "shehir", "do", "abad", "ton"])}`;
  return { ...names(null, null, name), kind: "city" as const, countryCode: country };
}

function personNames(rng: Rng) {
  const style = rng();
  if (style < 0.35) {
    const given = pick(rng, KAZAKH_GIVEN);
    const surname = pick(rng, KAZAKH_SURNAMES);
    return names(`${given} ${surname}`, null, null);
  }
  if (style < 0.55) return names(null, `${pick(rng, RUSSIAN_GIVEN)} ${pick(rng, RUSSIAN_SURNAMES)}`, null);
  if (style < 0.85) {
    const [surnameLatin, surnameCyrillic] = pick(rng, CHINESE_SURNAMES);
    const [givenLatin, givenCyrillic] = chineseName(rng, 2);
    return names(
      `${surnameCyrillic} ${givenCyrillic}`,
      `${surnameCyrillic} ${givenCyrillic}`,
      `${surnameLatin} ${givenLatin}`,
    );
  }
  return names(null, null, pick(rng, LATIN_NAMES));
}

/** A date from 1926 to 2026 (the council's century), at day, month or year precision. */
function dateIn(rng: Rng, fromYear = 1926, toYear = 2026) {
  const year = int(rng, fromYear, toYear);
  const month = int(rng, 1, 12);
  const day = int(rng, 1, 28);
  const roll = rng();
  const precision = roll < 0.8 ? "day" : roll < 0.93 ? "month" : roll < 0.98 ? "year" : "unknown";
  const value =
    precision === "unknown"
      ? null
      : `${year}-${String(precision === "year" ? 1 : month).padStart(2, "0")}-${String(precision === "day" ? day : 1).padStart(2, "0")}`;
  return { value, precision: precision as s.DatePrecision, approximate: precision === "year" && rng() < 0.5 };
}

/**
 * Inserts the rows, naming only the columns they hold: drizzle's insert names every column of
 * today's schema, which a database at an older migration (tests/migrations.test.ts) lacks.
 */
function insertAll<T extends Record<string, unknown>>(db: Db, table: SQLiteTable, rows: T[], chunk = 400) {
  const ids: number[] = [];
  const columns = getTableColumns(table);
  for (let i = 0; i < rows.length; i += chunk) {
    const part = rows.slice(i, i + chunk);
    // As drizzle does, a key that is no column of the table is not written.
    const keys = [...new Set(part.flatMap((row) => Object.keys(row)))].filter((key) => key in columns);
    const value = (key: string, given: unknown) => {
      const column = columns[key];
      const v = given === undefined && column.hasDefault && !is(column.default, SQL) ? column.default : given;
      return v === undefined || v === null ? null : column.mapToDriverValue(v);
    };
    const names = sql.join(
      keys.map((key) => sql.identifier(columns[key].name)),
      sql`, `,
    );
    const tuples = sql.join(
      part.map(
        (row) =>
          sql`(${sql.join(
            keys.map((key) => sql`${value(key, row[key])}`),
            sql`, `,
          )})`,
      ),
      sql`, `,
    );
    const inserted = db.all<{ id: number }>(
      sql`INSERT INTO ${sql.identifier(getTableName(table))} (${names}) VALUES ${tuples} RETURNING rowid AS id`,
    );
    for (const row of inserted) ids.push(row.id);
  }
  return ids;
}

type Log = (line: string) => void;

function stepper(log: Log) {
  const started = Date.now();
  return (what: string) => log(`  ${what} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
}

/**
 * The records alone, in one transaction: the tables every migration since the first has had,
 * so tests/migrations.test.ts can fill a database that stands at an old migration.
 */
export function fillRecords(db: Db, size: SizeName, log: Log = () => {}) {
  const n = SIZES[size];
  const rng = random(2017);
  const step = stepper(log);
  db.transaction(
    (tx) => {
      const home = ensureHomeCity(tx as unknown as Db);
      const partnerIds = insertAll(
        tx as unknown as Db,
        s.partners,
        Array.from({ length: n.partners }, (_, i) => partnerNames(rng, i)),
      );
      step(`${partnerIds.length} partners`);

      const orgRows = Array.from({ length: n.organisations }, (_, i) => {
        const partnerId = i < n.organisations / 10 ? home : pick(rng, partnerIds);
        const [latin, cyrillic] = chineseName(rng, 2);
        return {
          partnerId,
          ...names(`${cyrillic} қалалық кеңесі`, `Городской совет ${cyrillic}`, `${latin} City Council`),
        };
      });
      const organisationIds = insertAll(tx as unknown as Db, s.organisations, orgRows);
      const homeOrganisations = organisationIds.slice(0, Math.ceil(n.organisations / 10));
      step(`${organisationIds.length} organisations`);

      const personIds = insertAll(
        tx as unknown as Db,
        s.people,
        Array.from({ length: n.people }, () => personNames(rng)),
      );
      const posts = personIds.flatMap((personId) =>
        Array.from({ length: int(rng, 1, 2) }, () => {
          const start = dateIn(rng, 1990, 2024);
          return {
            personId,
            organisationId: pick(rng, organisationIds),
            titleKk: "Депутат",
            titleRu: "Депутат",
            titleEn: "Deputy",
            start: start.value,
            startPrecision: start.precision,
            startApproximate: start.approximate,
          };
        }),
      );
      insertAll(tx as unknown as Db, s.posts, posts);
      step(`${personIds.length} people, ${posts.length} posts`);

      const topicIds = insertAll(
        tx as unknown as Db,
        s.topics,
        Array.from({ length: n.topics }, (_, i) => {
          const [latin, cyrillic] = chineseName(rng, 2);
          return {
            nameKk: `${cyrillic} жобасы ${i}`,
            nameRu: `Проект ${cyrillic} ${i}`,
            nameEn: `${latin} project ${i}`,
          };
        }).map(({ nameKk, nameRu, nameEn }) => ({ ...names(nameKk, nameRu, nameEn), nameNative: undefined })),
      );

      // 2% of meetings with one partner, so its page has 2,000 events; the rest spread out.
      const busy = partnerIds[0];
      const meetingRows = Array.from({ length: n.meetings }, (_, i) => {
        const language = pick(rng, LANGUAGES);
        const date = dateIn(rng);
        const rare = i % 997 === 0 ? ` ${RARE_WORD}` : "";
        return {
          date: date.value,
          datePrecision: date.precision,
          dateApproximate: date.approximate,
          startTime: rng() < 0.5 ? `${String(int(rng, 9, 18)).padStart(2, "0")}:${pick(rng, ["00", "30"])}` : null,
          location: rng() < 0.6 ? "Астана, мәслихат ғимараты" : null,
          hostOrganisationId: pick(rng, homeOrganisations),
          partnerId: i % 50 === 0 ? busy : pick(rng, partnerIds),
          purpose: `${pick(rng, PURPOSES[language])}${rare}`,
          // Most records hold the common word; a few do not.
          summary: rng() < 0.9 ? `${pick(rng, SUMMARIES[language])} ${COMMON_WORD}.` : pick(rng, SUMMARIES[language]),
          language,
        };
      });
      const meetingIds = insertAll(tx as unknown as Db, s.meetings, meetingRows, 500);
      step(`${meetingIds.length} meetings`);

      const participants = meetingIds.flatMap((meetingId) =>
        Array.from({ length: n.participantsPerMeeting }, (_, position) => ({
          meetingId,
          personId: pick(rng, personIds),
          side: position < 2 ? ("host" as const) : ("guest" as const),
          role:
            position === 0
              ? ("chaired" as const)
              : position === 2
                ? ("led_delegation" as const)
                : ("attended" as const),
          position,
        })),
      );
      // One person once per meeting and side.
      const seen = new Set<string>();
      const uniqueParticipants = participants.filter((p) => {
        const key = `${p.meetingId}:${p.personId}`;
        if (seen.has(key)) return false;
        seen.add(key);
        return true;
      });
      insertAll(tx as unknown as Db, s.meetingParticipants, uniqueParticipants, 1000);
      step(`${uniqueParticipants.length} participations`);

      const meetingTopics = meetingIds.flatMap((meetingId) => {
        const chosen = [...new Set(Array.from({ length: int(rng, 1, 3) }, () => pick(rng, topicIds)))];
        return chosen.map((topicId, position) => ({ meetingId, topicId, position }));
      });
      insertAll(tx as unknown as Db, s.meetingTopics, meetingTopics, 1000);
      const sourced = meetingIds.filter((_, i) => i % 2 === 0);
      const sourceIds = insertAll(
        tx as unknown as Db,
        s.sources,
        sourced.map((_, i) => ({
          outlet: pick(rng, ["Tengrinews", "Астана ақшамы", "Kazinform", "Вечерняя Астана"]),
          title: `Хабар ${i}`,
          url: `https://news.example.kz/${i}`,
        })),
      );
      insertAll(
        tx as unknown as Db,
        s.meetingSources,
        sourced.map((meetingId, i) => ({ meetingId, sourceId: sourceIds[i], position: 0 })),
        1000,
      );
      step(`${meetingTopics.length} meeting topics, ${sourceIds.length} sources`);

      const initiativeRows = Array.from({ length: n.initiatives }, (_, i) => {
        const [latin, cyrillic] = chineseName(rng, 2);
        const due = dateIn(rng, 2000, 2030);
        return {
          titleKk: `${cyrillic} апталығы ${i}`,
          titleRu: `Неделя ${cyrillic} ${i}`,
          titleEn: `${latin} week ${i}`,
          description: `Мәдени және сауда ${COMMON_WORD}${i % 991 === 0 ? ` ${RARE_WORD}` : ""}`,
          kind: pick(rng, s.INITIATIVE_KINDS),
          status: pick(rng, s.INITIATIVE_STATUSES),
          ownerPersonId: rng() < 0.5 ? pick(rng, personIds) : null,
          due: due.value,
          duePrecision: due.precision,
          dueApproximate: due.approximate,
          partnerId: i % 50 === 0 ? busy : pick(rng, partnerIds),
          meetingId: rng() < 0.7 ? pick(rng, meetingIds) : null,
        };
      });
      const initiativeIds = insertAll(tx as unknown as Db, s.initiatives, initiativeRows, 500);
      const initiativeSteps = initiativeIds.flatMap((initiativeId) =>
        Array.from({ length: int(rng, 1, 3) }, () => {
          const date = dateIn(rng, 2000, 2026);
          return {
            initiativeId,
            date: date.value,
            datePrecision: date.precision,
            dateApproximate: date.approximate,
            status: pick(rng, s.INITIATIVE_STATUSES),
            note: "Келісілді",
          };
        }),
      );
      insertAll(tx as unknown as Db, s.initiativeSteps, initiativeSteps, 1000);
      step(`${initiativeIds.length} initiatives, ${initiativeSteps.length} steps`);

      const relationIds = insertAll(
        tx as unknown as Db,
        s.relations,
        partnerIds.flatMap((partnerId) =>
          Array.from({ length: int(rng, 1, 2) }, () => ({ partnerId, type: pick(rng, s.RELATION_TYPES) })),
        ),
      );
      const relationSteps = relationIds.flatMap((relationId) =>
        Array.from({ length: int(rng, 1, 4) }, () => {
          const date = dateIn(rng, 1992, 2026);
          return {
            relationId,
            status: pick(rng, s.RELATION_STATUSES),
            date: date.value,
            datePrecision: date.precision,
            dateApproximate: date.approximate,
          };
        }),
      );
      insertAll(tx as unknown as Db, s.relationSteps, relationSteps, 1000);
      step(`${relationIds.length} relations, ${relationSteps.length} steps`);
    },
    { behavior: "immediate" },
  );
}

/** What the app itself fills from the records: name keys, the search index, the history. */
export function fillDerived(db: Db, log: Log = () => {}) {
  const step = stepper(log);
  db.transaction(
    (tx) => {
      backfillNameKeys(tx as unknown as Db);
      step("name keys");
      backfillSearchText(tx as unknown as Db);
      // Folded by today's fold: start-up need not fold the national dataset again.
      stampFoldVersion(tx as unknown as Db);
      step("search index");
      backfillHistory(db.$client);
      step("history");
    },
    { behavior: "immediate" },
  );
}

/**
 * Whether a dataset generated before is there and keyed as this version of the app keys names
 * (FOLD_VERSION): one folded otherwise would be re-keyed and re-indexed by the server as it
 * starts, while it is being measured.
 */
export function isCurrentDataset(file: string) {
  if (!fs.existsSync(file)) return false;
  const db = new Database(file, { readonly: true });
  try {
    return db.pragma("user_version", { simple: true }) === FOLD_VERSION;
  } finally {
    db.close();
  }
}

export function generate(size: SizeName, file: string, log: Log = console.log) {
  const started = Date.now();
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(`${file}${suffix}`, { force: true });
  const db = openDatabase(file);
  // Generating is one long batch: durability per statement only slows it down.
  db.$client.pragma("synchronous = OFF");
  migrateDatabase(db);
  fillRecords(db, size, log);
  fillDerived(db, log);
  // As the server's start leaves it (app/housekeeping.server.ts): the index in one segment a kind.
  mergeSearchIndex(db);
  db.run(sql`ANALYZE`);
  db.$client.pragma("wal_checkpoint(TRUNCATE)");
  db.$client.close();
  log(
    `  done: ${file}, ${(fs.statSync(file).size / 1e6).toFixed(0)} MB in ${((Date.now() - started) / 1000).toFixed(0)} s`,
  );
}

if (import.meta.url === `file://${process.argv[1]}` || process.argv[1]?.endsWith("bench/generate.ts")) {
  const size = (process.argv[2] ?? "small") as SizeName;
  if (!(size in SIZES)) throw new Error(`Size must be one of: ${Object.keys(SIZES).join(", ")}`);
  const file = process.argv[3] ?? `bench/.data/${size}.db`;
  console.log(`Generating the ${size} dataset into ${file}`);
  generate(size, file);
}
