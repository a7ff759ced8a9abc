/**
 * A partner a meetings import makes is of the kind its name says ("Gansu Province" is a
 * province), a city when the name says none: all were cities.
 */
import fs from "node:fs";
import path from "node:path";
import { expect, test } from "vitest";
import { getDb } from "~/db.server";
import { formErrorMap } from "~/forms/error-map";
import { translatorFor } from "~/i18n/i18n.server";
import { kindOfName } from "~/intake/partners";
import { commitImport, readImportFile, templateHeaders } from "~/models/imports.server";
import { partners } from "~db/schema";
import { accountFor } from "./support/accounts";
import { temporaryDirectory } from "./support/temporary-directory";

test.each([
  ["Gansu Province", "province"],
  ["Провинция Ганьсу", "province"],
  ["Хэйлунцзян провинциясы", "province"],
  ["Новосибирская область", "region"],
  ["Алматы облысы", "region"],
  ["Tokyo Prefecture", "region"],
  ["State of Texas", "region"],
  ["Бішкек қаласы", "city"],
  ["Urumqi", "city"],
])("%s is a %s", (name, kind) => {
  expect(kindOfName(name)).toBe(kind);
});

test("the partners a meetings import makes have the kind their names say", async () => {
  const headers = templateHeaders("en");
  const cells = (values: Record<string, string>) => headers.map((_, i) => values[String(i)] ?? "");
  const date = headers.findIndex((h) => /date/i.test(h));
  const partner = headers.findIndex((h) => /partner/i.test(h));
  const country = headers.findIndex((h) => /country/i.test(h));
  const purpose = headers.findIndex((h) => /purpose/i.test(h));
  const rows = [
    headers,
    cells({ [date]: "2016", [partner]: "Gansu Province", [country]: "China", [purpose]: "Talks" }),
    cells({ [date]: "2017", [partner]: "Lanzhou", [country]: "China", [purpose]: "Talks" }),
  ];
  const file = path.join(temporaryDirectory("kind"), "kinds.csv");
  fs.writeFileSync(file, rows.map((r) => r.join(",")).join("\r\n"));
  const result = await commitImport(
    await readImportFile(file, "auto"),
    "kinds.csv",
    formErrorMap(translatorFor("en")),
    {
      userId: (await accountFor("admin")).id,
    },
  );
  expect(result.ready).toBe(2);
  const made = getDb()
    .select({ name: partners.nameEn, kind: partners.kind })
    .from(partners)
    .all()
    .filter((p) => p.name === "Gansu Province" || p.name === "Lanzhou");
  expect(made.sort((a, b) => a.name!.localeCompare(b.name!))).toEqual([
    { name: "Gansu Province", kind: "province" },
    { name: "Lanzhou", kind: "city" },
  ]);
});
