/**
 * Characters no one types, brought in by a paste, a spreadsheet or a script, are not kept in a
 * record: control characters would cut a name short in other programs, and a bidi override shows
 * the rest of a name backwards (a partner made to look like another). Text is kept in one Unicode
 * form, so a letter typed as a base and a combining mark is the letter.
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { formErrorMap } from "~/forms/error-map";
import { translatorFor } from "~/i18n/i18n.server";
import { previewImport, readImportFile, templateHeaders } from "~/models/imports.server";
import { getPartner } from "~/models/partners/read.server";
import { action as newPartner } from "~/routes/partners.new";
import { action as newPerson } from "~/routes/people.new";
import { getPerson } from "~/models/people/read.server";
import { cleanText } from "~/utils/clean-text";
import { submit } from "./support/forms";
import { temporaryDirectory } from "./support/temporary-directory";

const RLO = "\u202E";
const decomposedShortI = "\u0438\u0306"; // и and a combining breve: how "й" comes from some keyboards and PDFs

describe("cleanText", () => {
  test("drops control characters, bidi overrides and isolates, zero-width spaces and the byte-order mark", () => {
    expect(cleanText(`\uFEFFEvil\u0007 Bell\u0000${RLO}dlroW\u2066x\u2069\u200B\u0085\u007F`)).toBe("Evil BelldlroWx");
  });

  test("keeps tabs, line breaks, the direction marks and the joiners real text needs", () => {
    const kept = "Line one\r\nLine two\tand \u200Fعمان\u200E, \u200Dx\u200C";
    expect(cleanText(kept)).toBe(kept);
    expect(cleanText("Қызылорда, Өскемен, Үржар, Һ, Ұ, Ғ, Ң, Ә, І")).toBe(
      "Қызылорда, Өскемен, Үржар, Һ, Ұ, Ғ, Ң, Ә, І",
    );
  });

  test("composes letters typed as a base and a combining mark", () => {
    const composed = cleanText(`${decomposedShortI}ошкар-Ола, Е\u0308лкино`);
    expect(composed).toBe("Йошкар-Ола, Ёлкино".replace("Й", "й"));
    expect([...composed].length).toBe("йошкар-Ола, Ёлкино".length);
  });
});

describe("through the forms", () => {
  test("a partner's name keeps none of them, and reads as typed", async () => {
    const { status, location } = await submit(newPartner, "/partners/new", {
      kind: "city",
      countryCode: "TR",
      nameEn: `Evil\u0007 Bell\u0000${RLO}dlroW`,
      nameRu: `${decomposedShortI}ошкар-Ола`,
    });
    expect(status).toBe(302);
    const id = Number(location!.split("/").pop());
    const partner = getPartner(id, "en")!;
    expect(partner.names.en).toBe("Evil BelldlroW");
    expect(partner.names.ru).toBe("йошкар-Ола");
  });

  test("a name broken over lines (a spreadsheet's Alt+Enter) is one line; a note keeps its lines", async () => {
    const { status, location } = await submit(newPartner, "/partners/new", {
      kind: "city",
      countryCode: "KZ",
      nameRu: "Акимат города \r\n  Астаны\n",
      nameKk: "Астана\tқаласы",
    });
    expect(status).toBe(302);
    const partner = getPartner(Number(location!.split("/").pop()), "ru")!;
    expect(partner.names).toMatchObject({ ru: "Акимат города Астаны", kk: "Астана қаласы" });
    expect(cleanText("First line\r\nSecond line")).toBe("First line\r\nSecond line");
  });

  test("a name of nothing but them is no name: refused beside the field, in the reader's language", async () => {
    const { status, reply } = await submit(
      newPerson,
      "/people/new",
      { nameEn: `${RLO}\u200B\u0000`, nameRu: "\uFEFF" },
      { language: "ru" },
    );
    expect(status).toBe(400);
    expect(reply!.result.error).toEqual({ nameKk: ["Укажите имя хотя бы на одном языке."] });
  });

  test("a person's name typed with a combining mark is kept as the one letter", async () => {
    const { status, location } = await submit(newPerson, "/people/new", { nameRu: `Андре${decomposedShortI} Ли` });
    expect(status).toBe(302);
    expect(getPerson(Number(location!.split("/").pop()), "ru")!.names.ru).toBe("Андрей Ли");
  });
});

test("a spreadsheet's cells are cleaned as a form's fields are", async () => {
  const dir = temporaryDirectory("unseen-characters");
  const file = path.join(dir, "people.csv");
  const headers = templateHeaders("en", "people");
  const cells = headers.map((_, index) =>
    // A cell broken over two lines, as a spreadsheet quotes it.
    index === headers.indexOf("Full name in Latin script") ? `"Bell\u0007\n${RLO}Person"` : "",
  );
  fs.writeFileSync(file, [headers.join(","), cells.join(",")].join("\r\n"));
  const preview = await previewImport(
    await readImportFile(file, "auto", undefined, "people"),
    formErrorMap(translatorFor("en")),
  );
  expect(preview.shown[0]).toMatchObject({ status: "ready", notes: [{ key: "newPerson", name: "Bell Person" }] });
});
