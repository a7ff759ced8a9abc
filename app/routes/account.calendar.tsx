import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { SecretShownOnce } from "~/components/SecretShownOnce";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { FEED_PARTIAL_DATES } from "~db/enums";
import { requireUser } from "~/auth.server";
import { TimeText } from "~/components/DateText";
import { SubmitButton } from "~/forms/Controls";
import { PageHeading, Section } from "~/components/Page";
import { redirectWithFlash } from "~/flash.server";
import { CalendarFeedSchema, parseWithZod } from "~/forms/schemas.server";
import { LANGUAGES } from "~/i18n/config";
import { getTranslator } from "~/i18n/i18n.server";
import { useTranslation } from "~/i18n/react";
import {
  FEED_LIMIT,
  FEED_MONTHS,
  feedOf,
  issueFeedToken,
  saveFeedSettings,
  stopFeed,
} from "~/models/calendar-feeds.server";
import { readForm } from "~/forms/parse.server";
import { badRequest } from "~/utils/http.server";
import { titled } from "~/utils/meta";
import { sayInstant } from "~/i18n/said-dates.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => titled(data);

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const { t, lng } = await getTranslator(request);
  // The feed's bounds come with the data: the page's code in the browser has no server module to read them from.
  const feed = feedOf(user.id);
  return {
    title: t("calendar.title"),
    feed: feed && { ...feed, renewedAt: sayInstant(feed.renewedAt, lng) },
    lng,
    months: FEED_MONTHS,
    limit: FEED_LIMIT,
  };
}

export const schema = CalendarFeedSchema;

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const { t, lng } = await getTranslator(request);
  const submission = parseWithZod(await readForm(request, schema), { schema });
  if (submission.status !== "success") throw badRequest();
  const form = submission.value;
  if (form.intent === "settings" || form.intent === "stop") {
    const done =
      form.intent === "stop"
        ? stopFeed(user.id)
        : saveFeedSettings(user.id, { language: form.language, partialDates: form.partialDates });
    // Stopped in another tab meanwhile: nothing to change, and the page says so once reloaded.
    return redirectWithFlash(
      request,
      "/account/calendar",
      done ? t(form.intent === "stop" ? "calendar.stopped" : "form.saved") : t("calendar.none"),
    );
  }
  // Settings are kept on renewal; they only matter for a feed made anew.
  const settings =
    form.intent === "create"
      ? { language: form.language, partialDates: form.partialDates }
      : { language: lng, partialDates: "all_day" as const };
  const token = issueFeedToken(user.id, settings);
  return { address: `${new URL(request.url).origin}/calendar/${token}.ics` };
}

export default function CalendarFeedPage() {
  const { t } = useTranslation();
  const { feed, lng, months, limit } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  return (
    <div className="max-w-2xl">
      <PageHeading>{t("calendar.title")}</PageHeading>
      <p className="mb-4 text-stone-700">{t("calendar.intro", { months, limit })}</p>
      {reply?.address ? (
        <SecretShownOnce
          id="feed-address"
          label={t("calendar.address")}
          value={reply.address}
          note={t("calendar.shownOnce")}
        />
      ) : null}
      {feed ? (
        <>
          <p className="mb-4">
            {t("calendar.active")} {t("calendar.madeAt")}: <TimeText time={feed.renewedAt} />
          </p>
          <Section title={t("calendar.settings")} id="settings">
            <SettingsForm intent="settings" language={feed.language} partialDates={feed.partialDates}>
              {t("calendar.save")}
            </SettingsForm>
          </Section>
          <Section title={t("calendar.renew")} id="renew">
            <Form method="post" className="space-y-2">
              <p className="text-sm text-stone-700">{t("calendar.renewHint")}</p>
              <SubmitButton name="intent" value="renew">
                {t("calendar.renew")}
              </SubmitButton>
            </Form>
          </Section>
          <Section title={t("calendar.stop")} id="stop">
            <Form method="post" className="space-y-2">
              <p className="text-sm text-stone-700">{t("calendar.stopHint")}</p>
              <SubmitButton name="intent" value="stop">
                {t("calendar.stop")}
              </SubmitButton>
            </Form>
          </Section>
        </>
      ) : (
        <>
          <p className="mb-4">{t("calendar.none")}</p>
          <SettingsForm intent="create" language={lng} partialDates="all_day">
            {t("calendar.create")}
          </SettingsForm>
        </>
      )}
    </div>
  );
}

function SettingsForm({
  intent,
  language,
  partialDates,
  children,
}: {
  intent: "create" | "settings";
  language: string;
  partialDates: string;
  children: string;
}) {
  const { t } = useTranslation();
  const selectClass = "field-control";
  return (
    <Form method="post" className="space-y-4">
      <div>
        <label htmlFor={`${intent}-partial-dates`} className="field-label">
          {t("calendar.partialDates")}
        </label>
        <select id={`${intent}-partial-dates`} name="partialDates" defaultValue={partialDates} className={selectClass}>
          {FEED_PARTIAL_DATES.map((choice) => (
            <option key={choice} value={choice}>
              {t(`calendar.partialDatesOptions.${choice}`)}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor={`${intent}-language`} className="field-label">
          {t("calendar.language")}
        </label>
        <select id={`${intent}-language`} name="language" defaultValue={language} className={selectClass}>
          {LANGUAGES.map((choice) => (
            <option key={choice} value={choice}>
              {t(`language.${choice}`)}
            </option>
          ))}
        </select>
      </div>
      <SubmitButton name="intent" value={intent}>
        {children}
      </SubmitButton>
    </Form>
  );
}
