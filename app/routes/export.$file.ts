import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireUser } from "~/auth.server";
import { EXPORT_LISTS, type ExportList } from "~/exchange/columns";
import { EXPORT_LIMIT, exportTable, inExportTurn, toCsv, toXlsx } from "~/exchange/export.server";
import { getTranslator } from "~/i18n/i18n.server";
import { notFound } from "~/utils/http.server";
import { todayInAstana } from "~/utils/today";

const TYPES = {
  csv: "text/csv; charset=utf-8",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
} as const;

/**
 * A list as a file (issue 16.2): `/export/meetings.csv?year=2016` holds the rows that
 * `/meetings?year=2016` shows, every page of them up to EXPORT_LIMIT. Signed-in accounts only.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireUser(request);
  const match = /^([a-z]+)\.(csv|xlsx)$/.exec(params.file ?? "");
  if (!match || !(EXPORT_LISTS as readonly string[]).includes(match[1])) throw notFound();
  const list = match[1] as ExportList;
  const format = match[2] as keyof typeof TYPES;
  const { lng, t } = await getTranslator(request);
  const { table, body } = await inExportTurn(async () => {
    const table = await exportTable(list, new URL(request.url).searchParams, lng, t);
    return { table, body: format === "csv" ? toCsv(table) : await toXlsx(table, t(`exports.lists.${list}`)) };
  });
  return new Response(body, {
    headers: {
      "Content-Type": TYPES[format],
      "Content-Disposition": `attachment; filename="${list}-${todayInAstana()}.${format}"`,
      "Cache-Control": "private, no-store",
      "X-Export-Total": String(table.total),
      "X-Export-Truncated": table.total > EXPORT_LIMIT ? "true" : "false",
    },
  });
}
