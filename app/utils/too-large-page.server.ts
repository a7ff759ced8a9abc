import { languageOf, translatorFor } from "~/i18n/i18n.server";
import { safeRedirect } from "~/utils/safe-redirect";

/**
 * The page of a post refused as too large (server.ts answers it outside Remix, before the
 * body is read): in the reader's language, with the way back to the form it came from. A
 * browser without JavaScript shows it after a file over the upload limit (with JavaScript the
 * form says so before sending).
 */
export async function tooLargePage(headers: {
  cookie: string | null;
  acceptLanguage: string | null;
  referer: string | null;
  origin: string;
}) {
  const lng = await languageOf(headers.cookie, headers.acceptLanguage);
  const t = translatorFor(lng);
  const form = formPath(headers.referer, headers.origin);
  const back = form ? `<a href="${escapeAttribute(form)}">${t("errors.tooLarge.back")}</a>` : "";
  return `<!DOCTYPE html>
<html lang="${lng}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${t("errors.tooLarge.title")} · ${t("app.name")}</title></head>
<body>
<header><a href="/">${t("app.name")}</a></header>
<main>
<h1>${t("errors.tooLarge.title")}</h1>
<p>${t("errors.tooLarge.message")}</p>
<nav>${back} <a href="/">${t("errors.backHome")}</a></nav>
</main>
</body>
</html>`;
}

/** The path of the page that posted, when it is one of ours. */
function formPath(referer: string | null, origin: string) {
  if (!referer) return null;
  let url: URL;
  try {
    url = new URL(referer);
  } catch {
    return null;
  }
  if (url.origin !== origin) return null;
  const path = safeRedirect(`${url.pathname}${url.search}`, "");
  return path || null;
}

function escapeAttribute(value: string) {
  return value.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");
}
