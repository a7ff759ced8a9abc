import { getFormProps, getInputProps, getTextareaProps } from "@conform-to/react";
import { Form, useActionData, useFetcher, useLoaderData } from "@remix-run/react";
import { useEffect, useId, useRef } from "react";
import { PARTNER_KINDS } from "~db/enums";
import { ErrorList, FieldErrors, SubmitButton } from "~/forms/Controls";
import { DuplicateNotice } from "~/forms/DuplicateNotice";
import { PageHeading } from "~/components/Page";
import { useSchemaForm } from "~/forms/use-schema-form";
import { useTranslation } from "~/i18n/react";
import { PasteSchema } from "~/intake/paste-form";
import { REPORT_FIELDS } from "~/intake/report-fields";
import type { FormReply } from "~/forms/parse.server";
import type { action, loader, PartnerRefusal, PartnerErrors, Review } from "~/routes/meetings.from-report";
import { MeetingForm } from "~/forms/MeetingForm";
import { setField } from "~/forms/NamePicker";

export function FromReportPage() {
  const { t } = useTranslation();
  const { choices } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  // The proposal stays on screen while its Save is answered with corrections to make; a page
  // drawn without JavaScript has it from the answer, proposed again from the report its forms carry.
  const review = useRef<Review | null>(null);
  if (answer && "stage" in answer && answer.stage === "review") review.current = answer;
  else if (answer && "review" in answer && answer.review) review.current = answer.review;
  const reply = answer && "result" in answer ? (answer as FormReply) : undefined;
  const current = review.current;
  return (
    <>
      <PageHeading>{current ? t("intake.reviewTitle") : t("intake.fromReport")}</PageHeading>
      {current ? (
        <>
          <p className="mb-4 max-w-3xl text-stone-700">{t("intake.reviewHint")}</p>
          <Findings review={current} />
          <MeetingForm
            key={current.draftKey}
            reply={reply}
            choices={choices}
            defaultValue={current.defaultValue}
            proposed={current.marks}
            withInitiatives
            draftKey={current.draftKey}
          >
            <ReportFields paste={current.paste} />
          </MeetingForm>
          {current.proposal.newPartner ? (
            <NewPartner
              proposal={current.proposal.newPartner}
              paste={current.paste}
              refused={answer && "typed" in answer ? answer : undefined}
            />
          ) : null}
        </>
      ) : (
        <PasteForm paste={answer && "stage" in answer && answer.stage === "paste" ? answer.paste : undefined} />
      )}
    </>
  );
}

/** The report under review, posted again with each of the review's forms (see the action). */
function ReportFields({ paste }: { paste: Review["paste"] }) {
  return REPORT_FIELDS.map((key) =>
    paste[key] ? <input key={key} type="hidden" name={`report.${key}`} value={paste[key]} /> : null,
  );
}

function PasteForm({ paste }: { paste?: FormReply["result"] }) {
  const { t } = useTranslation();
  const [form, fields] = useSchemaForm(PasteSchema, { lastResult: paste });
  const input = "field-control";
  return (
    <Form method="post" {...getFormProps(form)} className="max-w-3xl space-y-4">
      <p className="text-stone-700">{t("intake.pasteHint")}</p>
      <input type="hidden" name="intent" value="propose" />
      <div>
        <label htmlFor={fields.text.id} className="field-label">
          {t("intake.text")}
        </label>
        <textarea {...getTextareaProps(fields.text)} rows={14} className={input} />
        <FieldErrors field={fields.text} />
      </div>
      <div className="grid gap-4 sm:grid-cols-3">
        <div className="sm:col-span-2">
          <label htmlFor={fields.url.id} className="field-label">
            {t("intake.url")}
          </label>
          <input {...getInputProps(fields.url, { type: "text" })} inputMode="url" className={input} />
          <FieldErrors field={fields.url} />
        </div>
        <div>
          <label htmlFor={fields.outlet.id} className="field-label">
            {t("intake.outlet")}
          </label>
          <input {...getInputProps(fields.outlet, { type: "text" })} className={input} />
          <FieldErrors field={fields.outlet} />
        </div>
        <div>
          <label htmlFor={fields.published.id} className="field-label">
            {t("intake.published")}
          </label>
          <input
            {...getInputProps(fields.published, { type: "date", ariaDescribedBy: fields.published.descriptionId })}
            className={input}
          />
          <p id={fields.published.descriptionId} className="mt-0.5 text-xs text-stone-500">
            {t("intake.publishedHint")}
          </p>
          <FieldErrors field={fields.published} />
        </div>
      </div>
      <SubmitButton>{t("intake.propose")}</SubmitButton>
    </Form>
  );
}

function Findings({ review }: { review: Review }) {
  const { t } = useTranslation();
  const { proposal } = review;
  const lines = [
    proposal.date
      ? t(proposal.date.from === "text" ? "intake.dateFromText" : "intake.dateFromPublication")
      : t("intake.noDate"),
    proposal.partner ? t("intake.partnerOnFile", { name: proposal.partner.name }) : null,
    ...proposal.people.map((p) => t(p.personId ? "intake.onFile" : "intake.newPerson", { name: p.name })),
    ...proposal.initiatives.map((i) =>
      t(i.initiativeId ? "intake.initiativeOnFile" : "intake.newInitiative", { title: i.title }),
    ),
  ].filter((line): line is string => Boolean(line));
  return (
    <section aria-labelledby="intake-found" className="mb-6 max-w-4xl rounded border border-stone-200 bg-white p-4">
      <h2 id="intake-found" className="mb-2 font-semibold">
        {t("intake.found")}
      </h2>
      <ul className="list-disc space-y-1 pl-5 text-sm">
        {lines.map((line, i) => (
          <li key={i}>{line}</li>
        ))}
      </ul>
    </section>
  );
}

/**
 * Makes `partner` the meeting form's partner: its select, or past a select's size its picker
 * (RecordChoice), which takes the id and name directly.
 */
function choosePartner(partner: { id: number; name: string }) {
  const select = document.querySelector<HTMLSelectElement>('select[name="partnerId"]');
  if (select) {
    select.value = String(partner.id);
    select.dispatchEvent(new Event("input", { bubbles: true }));
    select.dispatchEvent(new Event("change", { bubbles: true }));
    select.focus();
    return;
  }
  const typed = document.querySelector<HTMLInputElement>('input[name="partnerName"]');
  if (!typed?.form) return;
  setField(typed.form, "partnerId", String(partner.id));
  setField(typed.form, "partnerName", partner.name);
  typed.focus();
}

/**
 * A partner the report names that is not on file. Adding it is the person's own choice, made
 * with its own button (a form of its own: the meeting form needs a partner on file to save);
 * once added it is chosen as the meeting's partner.
 */
function NewPartner({
  proposal,
  paste,
  refused,
}: {
  proposal: { name: string; kind: string; countryCode?: string };
  paste: Review["paste"];
  /** Without JavaScript, the refusal comes as the page's answer rather than the fetcher's. */
  refused?: PartnerRefusal;
}) {
  const { t } = useTranslation();
  const fetcher = useFetcher<PartnerRefusal & { partnerId?: number; name?: string }>();
  const added = fetcher.data?.partnerId;
  const addedName = fetcher.data?.name ?? "";
  const refusal = fetcher.data && !added ? fetcher.data : refused;
  // What was typed, when a refusal drew the page anew; the report's proposal otherwise.
  const shown = refusal?.typed ?? { ...proposal, countryCode: proposal.countryCode ?? "" };
  const errors = refusal?.errors ?? {};
  // Chosen once the reloaded choices hold it: before that the select has no such option.
  const { choices, countries } = useLoaderData<typeof loader>();
  const partners = choices.partners;
  const listed = partners === null || partners.some((p) => p.value === added);
  useEffect(() => {
    if (added && listed && fetcher.state === "idle") choosePartner({ id: added, name: addedName });
  }, [added, addedName, listed, fetcher.state]);
  const form = useRef<HTMLFormElement>(null);
  // A refusal in place: the first field refused takes the focus, as the meeting form's do.
  useEffect(() => {
    if (fetcher.state === "idle" && fetcher.data?.errors)
      form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [fetcher.state, fetcher.data]);
  const input = "field-control";
  const id = useId();
  const label = "field-label";
  const invalid = (field: keyof PartnerErrors) =>
    errors[field]?.length
      ? { "aria-invalid": true as const, "aria-describedby": `${id}-${field}-error` }
      : { "aria-invalid": undefined, "aria-describedby": undefined };
  return (
    <fetcher.Form
      ref={form}
      method="post"
      className="mt-6 max-w-4xl space-y-3 rounded border border-amber-300 bg-amber-50 p-4"
    >
      <h2 className="font-semibold">{t("intake.newPartner")}</h2>
      <p className="text-sm text-stone-700">{t("intake.newPartnerHint")}</p>
      <input type="hidden" name="intent" value="addPartner" />
      <ReportFields paste={paste} />
      <DuplicateNotice
        duplicates={refusal?.duplicates ?? []}
        hrefFor={(partner) => `/partners/${partner}`}
        confirmName="confirmDuplicate"
        choose={{ label: t("intake.chooseOnFile"), onChoose: choosePartner }}
      />
      <div className="grid gap-3 sm:grid-cols-3">
        <div>
          <label htmlFor={`${id}-name`} className={label}>
            {t("intake.newPartnerName")}
          </label>
          <input
            id={`${id}-name`}
            name="name"
            defaultValue={shown.name}
            required
            maxLength={200}
            className={input}
            {...invalid("name")}
          />
          <ErrorList id={`${id}-name-error`} errors={errors.name} />
        </div>
        <div>
          <label htmlFor={`${id}-kind`} className={label}>
            {t("intake.newPartnerKind")}
          </label>
          <select id={`${id}-kind`} name="kind" defaultValue={shown.kind} className={input} {...invalid("kind")}>
            {PARTNER_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {t(`partner.kinds.${kind}`)}
              </option>
            ))}
          </select>
          <ErrorList id={`${id}-kind-error`} errors={errors.kind} />
        </div>
        <div>
          <label htmlFor={`${id}-country`} className={label}>
            {t("intake.newPartnerCountry")}
          </label>
          <select
            id={`${id}-country`}
            name="countryCode"
            defaultValue={shown.countryCode}
            required
            className={input}
            {...invalid("countryCode")}
          >
            <option value="">—</option>
            {countries.map(({ value, label }) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
          <ErrorList id={`${id}-countryCode-error`} errors={errors.countryCode} />
        </div>
      </div>
      {added ? (
        <p role="status" className="text-sm text-emerald-800">
          {t("form.saved")}
        </p>
      ) : (
        <SubmitButton>{t("intake.addNewPartner")}</SubmitButton>
      )}
    </fetcher.Form>
  );
}
