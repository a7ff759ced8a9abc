import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireEditor } from "~/auth.server";
import { toCsv, toXlsx } from "~/exchange/export.server";
import { LANGUAGES, type Language } from "~/i18n/config";
import { getTranslator, translatorFor } from "~/i18n/i18n.server";
import { templateHeaders } from "~/models/imports.server";
import { notFound } from "~/utils/http.server";
import { IMPORT_KINDS } from "~db/schema";

// meetings-kk.xlsx, people-ru.csv…; meetings.xlsx is in the reader's language.
const FILE = new RegExp(`^(${IMPORT_KINDS.join("|")})(?:-(${LANGUAGES.join("|")}))?\\.(xlsx|csv)$`);

/**
 * The import's template (issue 15.1): the export's columns of the kind with their headers in one
 * language, no rows; a file with these headers, in any of the three languages, maps itself.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireEditor(request);
  const match = FILE.exec(params.file ?? "");
  if (!match) throw notFound();
  const kind = match[1] as (typeof IMPORT_KINDS)[number];
  const lng = (match[2] as Language | undefined) ?? (await getTranslator(request)).lng;
  const table = { headers: templateHeaders(lng, kind), rows: [], total: 0 };
  const headers = {
    "Content-Disposition": `attachment; filename="${params.file}"`,
    "Cache-Control": "private, no-store",
  };
  if (match[3] === "csv")
    return new Response(toCsv(table), { headers: { ...headers, "Content-Type": "text/csv; charset=utf-8" } });
  const body = await toXlsx(table, translatorFor(lng)(`imports.kinds.${kind}`));
  return new Response(body, {
    headers: { ...headers, "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" },
  });
}
