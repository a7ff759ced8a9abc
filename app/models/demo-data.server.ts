/**
 * The demo history: one real meeting, built from the news report in db/demo/report.kk.txt and
 * nothing else (see ../shared/DOMAIN.md). What the report does not say stays unknown: the
 * meeting's date (before EXPO-2017, so "2016, approx."), its place, the start of the sister-city
 * ties, the delegation's other members.
 */
import fs from "node:fs";
import path from "node:path";
import { count, eq } from "drizzle-orm";
import { sortKeys, type Multilingual } from "~db/shared/names";
import { partialDate, partialDateColumns } from "~db/shared/partial-date";
import { type Db } from "~db/client";
import { writeTransaction } from "./writes.server";
import { SYSTEM } from "~db/history";
import { ensureHomeCity } from "~db/home";
import { backfillNameKeys } from "~db/name-keys";
import { backfillSearchText } from "./search-index.server";
import * as s from "~db/schema";

type Names = Multilingual;

const named = <T extends Names>(names: T) => ({ ...names, ...sortKeys(names) });

// Every table a record can start from; the rest hang off these. The home city does not count:
// the server creates it at every start (db/home.ts), also when it skips the demo.
const DATA_TABLES = [
  s.organisations,
  s.people,
  s.topics,
  s.sources,
  s.delegations,
  s.meetings,
  s.relations,
  s.initiatives,
];

/** Empty: nothing recorded yet but, at most, the home city. */
export function isDatabaseEmpty(db: Db): boolean {
  const rows = (table: (typeof DATA_TABLES)[number]) => db.select({ n: count() }).from(table).get()?.n ?? 0;
  const foreignPartners = db.select({ n: count() }).from(s.partners).where(eq(s.partners.isHome, false)).get()?.n ?? 0;
  return foreignPartners === 0 && DATA_TABLES.every((table) => rows(table) === 0);
}

export function seedDemoData(db: Db): { loaded: boolean } {
  return writeTransaction(db, SYSTEM, (tx) => {
    // Checked inside the write transaction, so two servers starting at once cannot both load it.
    if (!isDatabaseEmpty(tx)) return { loaded: false };
    loadDemoHistory(tx);
    backfillNameKeys(tx);
    backfillSearchText(tx);
    return { loaded: true };
  });
}

function loadDemoHistory(db: Db) {
  const id = { id: s.partners.id };
  const insertPartner = (values: typeof s.partners.$inferInsert) =>
    db.insert(s.partners).values(values).returning(id).get().id;

  const astana = ensureHomeCity(db);
  const heilongjiang = insertPartner({
    kind: "province",
    countryCode: "CN",
    ...named({
      nameKk: "Хэйлунцзян провинциясы",
      nameRu: "Провинция Хэйлунцзян",
      nameEn: "Heilongjiang Province",
      nameNative: "黑龙江省",
    }),
  });
  const beijing = insertPartner({
    kind: "city",
    countryCode: "CN",
    ...named({ nameKk: "Бейжің", nameRu: "Пекин", nameEn: "Beijing", nameNative: "北京" }),
  });
  const urumqi = insertPartner({
    kind: "city",
    countryCode: "CN",
    ...named({ nameKk: "Үрімші", nameRu: "Урумчи", nameEn: "Urumqi", nameNative: "乌鲁木齐" }),
  });

  const insertOrganisation = (partnerId: number, names: Names) =>
    db
      .insert(s.organisations)
      .values({ partnerId, ...named(names) })
      .returning({ id: s.organisations.id })
      .get().id;
  const maslikhat = insertOrganisation(astana, {
    nameKk: "Астана қаласының мәслихаты",
    nameRu: "Маслихат города Астаны",
    nameEn: "Astana City Maslikhat",
  });
  insertOrganisation(astana, {
    nameKk: "Астана қаласының әкімдігі",
    nameRu: "Акимат города Астаны",
    nameEn: "Astana City Akimat",
  });
  insertOrganisation(astana, { nameKk: "Smart City Astana", nameRu: "Smart City Astana", nameEn: "Smart City Astana" });
  const cppcc = insertOrganisation(heilongjiang, {
    nameKk: "Хэйлунцзян провинциясының Халықтық саяси консультативтік кеңесі",
    nameRu: "Комитет Народного политического консультативного совета провинции Хэйлунцзян",
    nameEn: "Heilongjiang Provincial Committee of the CPPCC",
  });

  const insertPerson = (names: Names) =>
    db.insert(s.people).values(named(names)).returning({ id: s.people.id }).get().id;
  const nurpeisov = insertPerson({ nameKk: "Жанат Нұрпейісов", nameRu: "Жанат Нурпеисов", nameEn: "Zhanat Nurpeisov" });
  const shaidarov = insertPerson({ nameKk: "Мажит Шайдаров", nameRu: "Мажит Шайдаров", nameEn: "Mazhit Shaidarov" });
  const kim = insertPerson({ nameKk: "Алмаз Ким", nameRu: "Алмаз Ким", nameEn: "Almaz Kim" });
  const du = insertPerson({ nameKk: "Ду Цзимин", nameRu: "Ду Цзимин", nameEn: "Du Jimin" });

  const secretary = {
    titleKk: "Астана қаласы мәслихатының хатшысы",
    titleRu: "Секретарь маслихата города Астаны",
    titleEn: "Secretary of the Astana City Maslikhat",
  };
  const deputy = {
    titleKk: "Астана қалалық мәслихатының депутаты",
    titleRu: "Депутат маслихата города Астаны",
    titleEn: "Deputy of the Astana City Maslikhat",
  };
  const viceChairman = {
    titleKk: "Хэйлунцзян провинциясы ХСКК комитеті төрағасының орынбасары",
    titleRu: "Заместитель председателя Комитета НПКС провинции Хэйлунцзян",
    titleEn: "Vice-Chairman of the Heilongjiang Provincial CPPCC Committee",
  };
  // Not stated in the report; it took place while EXPO-2017 was being prepared.
  const meetingDate = partialDate("~2016");
  // The report gives no dates for the posts: held at the time of the meeting, no more is known.
  const heldThen = partialDateColumns("asOf", meetingDate);
  db.insert(s.posts)
    .values([
      { personId: nurpeisov, organisationId: maslikhat, ...secretary, ...heldThen },
      { personId: shaidarov, organisationId: maslikhat, ...deputy, ...heldThen },
      { personId: kim, organisationId: maslikhat, ...deputy, ...heldThen },
      { personId: du, organisationId: cppcc, ...viceChairman, ...heldThen },
    ])
    .run();

  const purpose =
    "Хэйлунцзян провинциясының Халықтық саяси консультативтік кеңесі мен Астана қаласы мәслихатының арасында достық қарым-қатынас орнату";
  const delegation = db
    .insert(s.delegations)
    .values({ partnerId: heilongjiang, organisationId: cppcc, leaderId: du, direction: "incoming", purpose })
    .returning({ id: s.delegations.id })
    .get().id;

  const meeting = db
    .insert(s.meetings)
    .values({
      ...partialDateColumns("date", meetingDate),
      hostOrganisationId: maslikhat,
      partnerId: heilongjiang,
      delegationId: delegation,
      language: "kk",
      purpose,
      // Three paragraphs, as the report runs: the host's presentation, the guests', the close.
      summary: [
        "Мәслихат хатшысы Жанат Нұрпейісов қытайлық әріптестерін мәслихат пен оның тұрақты комиссияларының қызметімен және депутаттар сайлау округтарында тап болатын мәселелермен (баспана кезегі, әлеуметтік көмек, тұрғын үйді жөндеу, абаттандыру, көгалдандыру, көшелерді жарықтандыру, асфальттау) таныстырды. " +
          "Ол Қытай Халық Республикасы еліміздің басты әріптестерінің бірі екенін, Астана мен Бейжің және Үрімші қалаларының арасында тығыз бауырластық қарым-қатынас орнағанын атап өтіп, елорданың негізгі әлеуметтік-экономикалық көрсеткіштері мен ЭКСПО-2017 көрмесіне дайындық туралы айтты. " +
          "Мәслихат хатшысының айтуынша, Қазақстандағы Қытай туризмі жылы болып жарияланған 2017 жыл туризмде ғана емес, индустрия, инновация және инвестициялар салаларында да ынтымақтастыққа ықпал етуге тиіс.",
        "Делегацияны бастап келген Хэйлунцзян провинциясының Халықтық саяси консультативтік кеңесі төрағасының орынбасары Ду Цзимин делегация мүшелерін таныстырып, депутаттарға ризашылығын білдірді және провинция мен оның негізгі салалары туралы айтты. " +
          "Қытайлық кәсіпкерлер «Астананың жаңа көлік жүйесі. LRT 1-кезек» жобасына қызығушылық танытты, ал делегация ЭКСПО-2017 көрмесіне тікелей қатысуға ниет білдіріп, Астанада Хэйлунцзян провинциясының апталығын өткізуді ұсынды.",
        "Ынтымақтастықты жалғастыру жоспарларын талқылауға депутаттар Мажит Шайдаров пен Алмаз Ким қатысты; кездесу соңында Жанат Нұрпейісов мұны алғашқы кездесу деп атап, достық қарым-қатынас одан әрі жалғасады деп үміт білдірді.",
      ].join("\n\n"),
    })
    .returning({ id: s.meetings.id })
    .get().id;

  db.insert(s.meetingParticipants)
    .values([
      {
        meetingId: meeting,
        personId: nurpeisov,
        side: "host",
        role: "chaired",
        titleAtMeeting: secretary.titleKk,
        position: 0,
      },
      {
        meetingId: meeting,
        personId: shaidarov,
        side: "host",
        role: "spoke",
        titleAtMeeting: deputy.titleKk,
        position: 1,
      },
      { meetingId: meeting, personId: kim, side: "host", role: "spoke", titleAtMeeting: deputy.titleKk, position: 2 },
      {
        meetingId: meeting,
        personId: du,
        side: "guest",
        role: "led_delegation",
        titleAtMeeting: viceChairman.titleKk,
        position: 3,
      },
    ])
    .run();

  const topicNames: Array<[string, string, string]> = [
    ["Баспана алу кезегі", "Очередь на жильё", "Housing queue"],
    ["Әлеуметтік көмек", "Социальная помощь", "Social assistance"],
    ["Тұрғын үйді жөндеу", "Ремонт жилья", "Housing repair"],
    ["Абаттандыру", "Благоустройство", "Public amenities"],
    ["Көгалдандыру", "Озеленение", "Greening"],
    ["Көшелерді жарықтандыру", "Освещение улиц", "Street lighting"],
    ["Асфальттау", "Асфальтирование", "Asphalting"],
    ["Әлеуметтік-экономикалық көрсеткіштер", "Социально-экономические показатели", "Socio-economic indicators"],
    ["ЭКСПО-2017", "ЭКСПО-2017", "EXPO-2017"],
    [
      "Қазақстандағы Қытай туризмі жылы",
      "Год китайского туризма в Казахстане",
      "Year of Chinese Tourism in Kazakhstan",
    ],
    [
      "Индустрия, инновация және инвестициялар саласындағы ынтымақтастық",
      "Сотрудничество в промышленности, инновациях и инвестициях",
      "Cooperation in industry, innovation and investment",
    ],
    [
      "Астананың жаңа көлік жүйесі, LRT",
      "Новая транспортная система Астаны, LRT",
      "Astana's new transport system, LRT",
    ],
  ];
  topicNames.forEach(([nameKk, nameRu, nameEn], position) => {
    const topic = db.insert(s.topics).values(named({ nameKk, nameRu, nameEn })).returning({ id: s.topics.id }).get().id;
    db.insert(s.meetingTopics).values({ meetingId: meeting, topicId: topic, position }).run();
  });

  const report = fs.readFileSync(path.resolve(process.cwd(), "db/demo/report.kk.txt"), "utf8");
  const source = db
    .insert(s.sources)
    .values({ outlet: "Tengrinews.kz", language: "kk", text: report })
    .returning({ id: s.sources.id })
    .get().id;
  db.insert(s.meetingSources).values({ meetingId: meeting, sourceId: source }).run();

  const insertRelation = (partnerId: number, type: (typeof s.RELATION_TYPES)[number]) =>
    db.insert(s.relations).values({ partnerId, type }).returning({ id: s.relations.id }).get().id;
  // The report says the sister-city ties exist; when they began it does not say.
  for (const partner of [beijing, urumqi]) {
    db.insert(s.relationSteps)
      .values({
        relationId: insertRelation(partner, "sister_city"),
        status: "active",
        ...partialDateColumns("date", partialDate(null)),
        sourceId: source,
      })
      .run();
  }
  db.insert(s.relationSteps)
    .values({
      relationId: insertRelation(heilongjiang, "friendly"),
      status: "proposed",
      ...partialDateColumns("date", meetingDate),
      meetingId: meeting,
      sourceId: source,
    })
    .run();

  const initiatives: Array<Omit<typeof s.initiatives.$inferInsert, "status">> = [
    {
      kind: "event",
      titleKk: "Хэйлунцзян провинциясының ЭКСПО-2017 көрмесіне қатысуы",
      titleRu: "Участие провинции Хэйлунцзян в ЭКСПО-2017",
      titleEn: "Heilongjiang Province's participation in EXPO-2017",
      description:
        "Хэйлунцзян провинциясының делегациясы ЭКСПО-2017 халықаралық көрмесіне тікелей қатысуға ниет білдірді.",
    },
    {
      kind: "investment",
      titleKk: "LRT 1-кезек жобасына қытайлық кәсіпкерлердің қызығушылығы",
      titleRu: "Интерес китайских предпринимателей к проекту LRT, 1-я очередь",
      titleEn: "Chinese entrepreneurs' interest in the LRT phase 1 project",
      description:
        "Қытайлық кәсіпкерлер «Астананың жаңа көлік жүйесі. LRT 1-кезек» жобасына қызығушылық танытты. Жоба аясында жылжымалы құрамды, жабдықтар мен жүйелерді жобалау, салу, жеткізу, сондай-ақ Smart City Astana фотобейнетіркеу камераларын орнату қарастырылған.",
    },
    {
      kind: "culture",
      titleKk: "Астанада Хэйлунцзян провинциясының күндерін өткізу",
      titleRu: "Дни провинции Хэйлунцзян в Астане",
      titleEn: "Heilongjiang Province days in Astana",
      description: "Делегация Астана қаласының аумағында Хэйлунцзян провинциясының апталығын өткізуді ұсынды.",
    },
  ];
  for (const initiative of initiatives) {
    const initiativeId = db
      .insert(s.initiatives)
      .values({ ...initiative, status: "proposed", partnerId: heilongjiang, meetingId: meeting })
      .returning({ id: s.initiatives.id })
      .get().id;
    db.insert(s.initiativeSteps)
      .values({
        initiativeId,
        ...partialDateColumns("date", meetingDate),
        status: "proposed",
        note: "Қонақ тарап ұсынды",
        meetingId: meeting,
      })
      .run();
  }
}
