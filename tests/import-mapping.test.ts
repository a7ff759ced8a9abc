/**
 * Issue 15.1, the mapping step: a file whose headers are not the template's gets a mapping
 * proposed (a field's header in any language, or a loose fold of one), the choices are checked
 * against the staged file's own columns (refusals by column, choices kept), the mapping is
 * remembered for the next file with the same header row, and the import reads through it.
 * Through the import page's action, as the browser posts it.
 */
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, test, vi } from "vitest";
import { getDb } from "~/db.server";
import { importMappings, meetings, partners, people, posts } from "~db/schema";
import { headerHash, proposeMapping } from "~/models/import-mappings.server";
import * as importModel from "~/models/imports.server";
import { action } from "~/routes/import._index";
import { aPartner, anOrganisation } from "./support/factories";
import { accountFor, cookieFor } from "./support/accounts";

type Reply = {
  stage: "preview" | "mapping" | "refused";
  token?: string;
  mapped?: string;
  columns?: Array<{ header: string; choice: string; errors: string[] }>;
  formErrors?: string[];
  fileError?: string;
  preview?: { rows: number; ready: number; errors: number };
};

async function post(
  fields: Record<string, string>,
  file?: { name: string; text: string },
  role: "editor" | "admin" | "viewer" = "editor",
) {
  // A file goes as the upload form sends it (multipart), the rest as a plain form post.
  const body = file ? new FormData() : new URLSearchParams();
  for (const [name, value] of Object.entries(fields)) body.append(name, value);
  if (file) (body as FormData).append("file", new File([file.text], file.name, { type: "text/csv" }));
  const request = new Request("http://localhost/import", {
    method: "POST",
    headers: { Cookie: await cookieFor(role), "Accept-Language": "ru" },
    body,
  });
  try {
    return await action({ request, params: {}, context: {} } as never);
  } catch (thrown) {
    return thrown;
  }
}
const replyOf = (outcome: unknown) => (outcome as { data: Reply }).data;
const statusOf = (outcome: unknown) =>
  outcome instanceof Response ? outcome.status : ((outcome as { init?: { status?: number } }).init?.status ?? 200);

const HEADERS = ["Дата встречи", "С кем", "Цель визита", "Страна", "Примечание"];
const csvOf = (rows: string[][]) => rows.map((r) => r.join(",")).join("\r\n");
const FILE = csvOf([
  HEADERS,
  ["2016-05-12", "Хэйлунцзян", "Дружба городов", "", "звонили заранее"],
  ["2017", "Харбин", "Визит делегации", "Китай", ""],
]);
const upload = (text = FILE, name = "встречи.csv", kind = "meetings") =>
  post({ intent: "preview", encoding: "auto", kind }, { name, text });
const mapWith = (token: string, choices: string[]) =>
  post({ intent: "map", stagedId: token, ...Object.fromEntries(choices.map((c, i) => [`columns[${i}]`, c])) });

beforeAll(async () => {
  await accountFor("editor");
  const heilongjiang = aPartner({ nameRu: "Хэйлунцзян", nameEn: "Heilongjiang", countryCode: "CN" });
  anOrganisation(heilongjiang, { nameRu: "Правительство Хэйлунцзяна", nameEn: "Heilongjiang Government" });
});

describe("the mapping step", () => {
  test("a file with other headers is not refused: a mapping is proposed, preselected where a header folds to a field", async () => {
    expect(proposeMapping(["PARTNER", "Әріптес", "Дата встречи"], "en").columns).toEqual(["partner", null, "date"]);
    const outcome = await upload();
    expect(statusOf(outcome)).toBe(200);
    const reply = replyOf(outcome);
    expect(reply.stage).toBe("mapping");
    expect(reply.columns!.map((c) => [c.header, c.choice])).toEqual([
      ["Дата встречи", "date"],
      ["С кем", "ignore"],
      ["Цель визита", "purpose"],
      ["Страна", "country"],
      ["Примечание", "ignore"],
    ]);
  });

  test("an invalid mapping is refused with messages by column, in the reader's language, keeping the choices", async () => {
    const { token } = replyOf(await upload());
    // No partner, and the date chosen twice.
    const outcome = await mapWith(token!, ["date", "date", "purpose", "country", "ignore"]);
    expect(statusOf(outcome)).toBe(400);
    const reply = replyOf(outcome);
    expect(reply.stage).toBe("mapping");
    expect(reply.columns!.map((c) => c.choice)).toEqual(["date", "date", "purpose", "country", "ignore"]);
    expect(reply.columns![0].errors).toEqual(["«Дата» выбрано и для другого столбца: выберите его только для одного."]);
    expect(reply.columns![1].errors).toHaveLength(1);
    expect(reply.columns![2].errors).toEqual([]);
    expect(reply.formErrors).toEqual(["Выберите столбец, в котором «Партнёр»: без него встречу не создать."]);
    // A field that is no field, or more choices than the file has columns: refused, nothing remembered.
    expect(statusOf(await mapWith(token!, ["date", "notes", "purpose", "country", "ignore"]))).toBe(400);
    expect(statusOf(await mapWith(token!, ["date", "partner", "purpose", "country", "ignore", "summary"]))).toBe(400);
    expect(
      getDb()
        .select()
        .from(importMappings)
        .where(eq(importMappings.headerHash, headerHash(HEADERS)))
        .get(),
    ).toBe(undefined);
  });

  test("the mapping chosen is remembered, reused for the next file with the same headers, and the import reads through it", async () => {
    const { token } = replyOf(await upload());
    const mapped = replyOf(await mapWith(token!, ["date", "partner", "purpose", "country", "summary"]));
    expect(mapped).toMatchObject({ stage: "preview", mapped: "chosen", preview: { rows: 2, ready: 2, errors: 0 } });
    const { id: editorId } = await accountFor("editor");
    const remembered = getDb().select().from(importMappings).get()!;
    expect(remembered).toMatchObject({ kind: "meetings", headerHash: headerHash(HEADERS), userId: editorId });
    expect(JSON.parse(remembered.columns)).toEqual(["date", "partner", "purpose", "country", "summary"]);

    // The next file with the same headers (spaced and cased otherwise) is previewed at once.
    const next = csvOf([
      [" дата встречи", "С КЕМ", "Цель визита", "Страна", "Примечание"],
      ["2018-03", "Хэйлунцзян", "Торговля", "", "без заметок"],
    ]);
    const second = replyOf(await upload(next, "ещё.csv"));
    expect(second).toMatchObject({ stage: "preview", mapped: "remembered", preview: { rows: 1, ready: 1 } });
    // It can be changed: the mapping step comes back with the remembered choices.
    const again = replyOf(await post({ intent: "remap", stagedId: second.token! }));
    expect(again.columns!.map((c) => c.choice)).toEqual(["date", "partner", "purpose", "country", "summary"]);

    expect(await post({ intent: "import", stagedId: second.token! })).toBeInstanceOf(Response);
    const heilongjiang = getDb().select().from(partners).where(eq(partners.nameRu, "Хэйлунцзян")).get()!;
    const imported = getDb().select().from(meetings).where(eq(meetings.partnerId, heilongjiang.id)).all();
    expect(imported.map((m) => [m.date, m.datePrecision, m.purpose, m.summary])).toEqual([
      ["2018-03-01", "month", "Торговля", "без заметок"],
    ]);
  });

  test("attack: another account maps, re-maps or imports someone's staged file by its id, a viewer maps at all", async () => {
    const { token } = replyOf(await upload(FILE, "чужой.csv"));
    const choices = Object.fromEntries(
      ["date", "partner", "purpose", "country", "ignore"].map((c, i) => [`columns[${i}]`, c]),
    );
    const before = getDb().select().from(importMappings).all();
    for (const intent of ["map", "remap", "import"]) {
      const outcome = await post({ intent, stagedId: token!, ...choices }, undefined, "admin");
      expect(statusOf(outcome)).toBe(400);
      expect(replyOf(outcome).fileError).toBe(
        "Загруженный файл больше не хранится (файлы ждут час): загрузите его снова.",
      );
    }
    const viewer = await post({ intent: "map", stagedId: token!, ...choices }, undefined, "viewer");
    expect(statusOf(viewer)).toBe(403);
    expect(getDb().select().from(importMappings).all()).toEqual(before);
  });

  test("attack: the same preview imported three times at once (a double click) is imported once", async () => {
    const file = csvOf([HEADERS, ["2019-09-09", "Хэйлунцзян", "Двойной щелчок", "", ""]]);
    const { token } = replyOf(await upload(file, "дважды.csv"));
    await mapWith(token!, ["date", "partner", "purpose", "country", "summary"]);
    const outcomes = await Promise.all([1, 2, 3].map(() => post({ intent: "import", stagedId: token! })));
    expect(outcomes.filter((o) => o instanceof Response).map((o) => (o as Response).status)).toEqual([302]);
    const refused = outcomes.filter((o) => !(o instanceof Response));
    expect(refused.map((o) => [statusOf(o), replyOf(o).fileError])).toEqual([
      [400, "Загруженный файл больше не хранится (файлы ждут час): загрузите его снова."],
      [400, "Загруженный файл больше не хранится (файлы ждут час): загрузите его снова."],
    ]);
    const saved = getDb().select().from(meetings).where(eq(meetings.purpose, "Двойной щелчок")).all();
    expect(saved).toHaveLength(1);
  });

  test("an import that fails gives its upload back: it can be imported once the fault is gone", async () => {
    const file = csvOf([HEADERS, ["2019-10-10", "Хэйлунцзян", "Со второго раза", "", ""]]);
    const { token } = replyOf(await upload(file, "снова.csv"));
    await mapWith(token!, ["date", "partner", "purpose", "country", "summary"]);
    const failing = vi.spyOn(importModel, "commitImport").mockImplementationOnce(() => {
      throw new Error("disk full");
    });
    expect(await post({ intent: "import", stagedId: token! })).toBeInstanceOf(Error);
    failing.mockRestore();
    expect(await post({ intent: "import", stagedId: token! })).toBeInstanceOf(Response);
    expect(getDb().select().from(meetings).where(eq(meetings.purpose, "Со второго раза")).all()).toHaveLength(1);
  });
});

/**
 * The same step for the other kinds: a people or partners file in an office's own Russian
 * headers gets the kind's fields to choose from, is refused without a column for the name, and
 * its mapping is remembered for the kind and header row.
 */
describe("the mapping step of every kind", () => {
  const PEOPLE_HEADERS = ["ФИО", "Должности", "Телефон"];
  const PEOPLE = csvOf([
    PEOPLE_HEADERS,
    ["Ли Вэй", "Советник (Правительство Хэйлунцзяна)", "+86 451 000"],
    ["Ван Фан", "", ""],
  ]);
  const PARTNER_HEADERS = ["Город-партнёр", "Страна", "Тип", "Ответственный"];
  const PARTNERS = csvOf([PARTNER_HEADERS, ["Шэньян", "Китай", "Город", "Иванов"], ["Далянь", "Китай", "Город", ""]]);
  const fieldsOf = (reply: Reply) => (reply as Reply & { fields: Array<{ key: string }> }).fields.map((f) => f.key);

  test("people: the person's fields are offered, a header that is one preselected, a name column required, the mapping remembered and used for the next file", async () => {
    const first = replyOf(await upload(PEOPLE, "сотрудники.csv", "people"));
    expect(first.stage).toBe("mapping");
    expect(fieldsOf(first)).toEqual(["id", "name", "nameKk", "nameRu", "nameEn", "nameNative", "posts"]);
    expect(first.columns!.map((c) => [c.header, c.choice])).toEqual([
      ["ФИО", "ignore"],
      ["Должности", "posts"],
      ["Телефон", "ignore"],
    ]);

    // No column for a name: refused with a message for the form, the choices kept, nothing remembered.
    const refused = await mapWith(first.token!, ["ignore", "posts", "ignore"]);
    expect(statusOf(refused)).toBe(400);
    expect(replyOf(refused).formErrors).toEqual([
      "Выберите столбец, в котором «Имя», или столбец с именем на одном из языков: без имени человека не создать.",
    ]);
    expect(replyOf(refused).columns!.map((c) => c.choice)).toEqual(["ignore", "posts", "ignore"]);
    // A field of another kind (a meeting's partner) is no field of a people file.
    expect(statusOf(await mapWith(first.token!, ["name", "posts", "partner"]))).toBe(400);
    // A name in one script is a name too.
    const inRussian = await mapWith(first.token!, ["nameRu", "posts", "ignore"]);
    expect(replyOf(inRussian)).toMatchObject({ stage: "preview", preview: { rows: 2, ready: 2, errors: 0 } });

    const mapped = replyOf(await mapWith(first.token!, ["name", "posts", "ignore"]));
    expect(mapped).toMatchObject({ stage: "preview", mapped: "chosen", preview: { rows: 2, ready: 2, errors: 0 } });
    const remembered = getDb()
      .select()
      .from(importMappings)
      .where(eq(importMappings.headerHash, headerHash(PEOPLE_HEADERS)))
      .all();
    expect(remembered.map((r) => [r.kind, JSON.parse(r.columns)])).toEqual([["people", ["name", "posts", null]]]);

    // The next people file with these headers goes straight to the preview, and imports through the mapping.
    const next = csvOf([PEOPLE_HEADERS, ["Чжан Мин", "Эксперт (Правительство Хэйлунцзяна)", ""]]);
    const second = replyOf(await upload(next, "ещё сотрудники.csv", "people"));
    expect(second).toMatchObject({ stage: "preview", mapped: "remembered", preview: { rows: 1, ready: 1 } });
    // Changing it brings back the person's fields with the remembered choices.
    const again = replyOf(await post({ intent: "remap", stagedId: second.token! }));
    expect(fieldsOf(again)).toContain("posts");
    expect(again.columns!.map((c) => c.choice)).toEqual(["name", "posts", "ignore"]);
    expect(await post({ intent: "import", stagedId: second.token! })).toBeInstanceOf(Response);
    const zhang = getDb().select().from(people).where(eq(people.nameRu, "Чжан Мин")).get()!;
    expect(zhang).toBeDefined();
    expect(getDb().select({ title: posts.titleRu }).from(posts).where(eq(posts.personId, zhang.id)).all()).toEqual([
      { title: "Эксперт" },
    ]);

    // Remembered for people only: the same header row in a partners file is asked for again.
    expect(replyOf(await upload(PEOPLE, "сотрудники.csv", "partners")).stage).toBe("mapping");
  });

  test("partners: the partner's fields are offered, its name required, the mapping remembered and used for the next file", async () => {
    const first = replyOf(await upload(PARTNERS, "партнёры.csv", "partners"));
    expect(first.stage).toBe("mapping");
    expect(fieldsOf(first)).toContain("relation");
    expect(fieldsOf(first)).not.toContain("posts");
    expect(first.columns!.map((c) => [c.header, c.choice])).toEqual([
      ["Город-партнёр", "ignore"],
      ["Страна", "country"],
      ["Тип", "kind"],
      ["Ответственный", "ignore"],
    ]);
    const refused = await mapWith(first.token!, ["ignore", "country", "kind", "ignore"]);
    expect(statusOf(refused)).toBe(400);
    expect(replyOf(refused).formErrors).toEqual([
      "Выберите столбец, в котором «Название», или столбец с названием на одном из языков: без названия партнёра не создать.",
    ]);
    // Chosen twice: refused beside each column.
    const twice = replyOf(await mapWith(first.token!, ["name", "country", "country", "ignore"]));
    expect(twice.columns![1].errors).toEqual([
      "«Страна» выбрано и для другого столбца: выберите его только для одного.",
    ]);

    const mapped = replyOf(await mapWith(first.token!, ["name", "country", "kind", "ignore"]));
    expect(mapped).toMatchObject({ stage: "preview", mapped: "chosen", preview: { rows: 2, ready: 2, errors: 0 } });

    const next = csvOf([PARTNER_HEADERS, ["Чанчунь", "Китай", "Город", "Петров"]]);
    const second = replyOf(await upload(next, "ещё партнёры.csv", "partners"));
    expect(second).toMatchObject({ stage: "preview", mapped: "remembered", preview: { rows: 1, ready: 1 } });
    expect(await post({ intent: "import", stagedId: second.token! })).toBeInstanceOf(Response);
    expect(
      getDb()
        .select({ kind: partners.kind, countryCode: partners.countryCode })
        .from(partners)
        .where(eq(partners.nameRu, "Чанчунь"))
        .all(),
    ).toEqual([{ kind: "city", countryCode: "CN" }]);
  });
});
