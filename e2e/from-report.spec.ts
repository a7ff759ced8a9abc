import fs from "node:fs";
import { expect, test } from "@playwright/test";
import { DEMO_APP, EMPTY_APP } from "./support";

// The empty database: the partner the report names is not on file, nor anyone in it.
test.use({ locale: "en-GB", baseURL: EMPTY_APP });

const report = fs.readFileSync("tests/fixtures/reports/jiangsu.en.txt", "utf8");

test("a pasted report becomes a meeting after review and one correction", async ({ page }) => {
  await page.goto("/meetings");
  await page.getByRole("link", { name: "Log a meeting from a report" }).click();
  await page.getByLabel("Text of the report").fill(report);
  await page.getByLabel("Link to the report").fill("news.example.kz/jiangsu-delegation");
  await page.getByLabel("Outlet").fill("Example News");
  await page.getByLabel("Publication date").fill("2025-03-15");
  await page.getByRole("button", { name: "Propose a meeting" }).click();

  await expect(page.getByRole("heading", { level: 1, name: "Check the proposed meeting" })).toBeVisible();
  // "Yesterday", counted from the publication date, and marked as proposed.
  const date = page.getByRole("group", { name: "Date proposed" });
  await expect(date.getByLabel("Day")).toHaveValue("14");
  await expect(date.getByLabel("Month")).toHaveValue("3");
  await expect(date.getByLabel("Year")).toHaveValue("2025");
  const leader = page.getByRole("group", { name: "Participant 4 proposed" });
  await expect(leader.getByLabel("Name", { exact: true })).toHaveValue("Li Wenhua");
  await expect(leader.getByLabel("Role")).toHaveValue("led_delegation");
  const chair = page.getByRole("group", { name: "Participant 1 proposed" });
  await expect(chair.getByLabel("Name", { exact: true })).toHaveValue("Erlan Dosanov");
  await expect(chair.getByLabel("Side")).toHaveValue("host");
  await expect(page.getByRole("group", { name: "Initiative 1 proposed" }).getByLabel(/^Title/)).toHaveValue(
    "Holding Jiangsu culture days in Astana",
  );
  await expect(page.getByText("Erlan Dosanov: a new person")).toBeVisible();
  // The guests' body, from the leader's title: not on file, added to the partner on Save.
  await expect(page.getByLabel(/^Body the delegation represented/)).toHaveValue(
    "Standing Committee of the Jiangsu Provincial People's Congress",
  );
  await expect(page.getByText("A body not on file is added to the partner with the new delegation.")).toBeVisible();

  // The partner is not on file: added from the review, then chosen as the meeting's partner.
  await expect(page.getByLabel("Name of the new partner")).toHaveValue("Jiangsu Province");
  await expect(page.getByLabel("Country")).toHaveValue("CN");
  await page.getByRole("button", { name: "Add this partner" }).click();
  await expect(page.getByLabel(/^Partner/)).toHaveValue(/\d+/);
  await expect(page.getByLabel(/^Partner/).locator("option:checked")).toHaveText("Jiangsu Province");

  // One correction: the meeting was the day before yesterday. Changing the date confirms it.
  await date.getByLabel("Day").fill("13");
  await expect(page.getByRole("group", { name: "Date", exact: true })).toBeVisible();

  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Saved." })).toBeVisible();
  await expect(page.getByRole("heading", { level: 1, name: /Jiangsu Province/ })).toBeVisible();
  await expect(page.getByRole("region", { name: "Details" }).getByText("13 March 2025")).toBeVisible();
  await expect(page.getByRole("link", { name: "Li Wenhua" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Erlan Dosanov" })).toBeVisible();
  await expect(page.getByRole("region", { name: "Details" })).toContainText(
    "Standing Committee of the Jiangsu Provincial People's Congress",
  );
});

test("a report over the limit is refused with its length, and what was typed is kept", async ({ page }) => {
  await page.goto("/meetings/from-report");
  const long = "Делегация. ".repeat(10_000);
  await page.getByLabel("Text of the report").fill(long);
  await page.getByLabel("Outlet").fill("Example News");
  await page.getByRole("button", { name: "Propose a meeting" }).click();
  await expect(page.getByText(/The report is too long: paste at most 100000 characters/)).toBeVisible();
  await expect(page.getByLabel("Outlet")).toHaveValue("Example News");
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false, locale: "ru-RU" });

  test("the review stays through a refused Save and the partner's adding, then the meeting is saved", async ({
    page,
  }) => {
    await page.goto("/meetings/from-report");
    await page.getByLabel("Текст сообщения").fill(fs.readFileSync("tests/fixtures/reports/kazan.ru.txt", "utf8"));
    await page.getByLabel("Дата публикации").fill("2025-06-11");
    await page.getByRole("button", { name: "Предложить встречу" }).click();
    const review = page.getByRole("heading", { level: 1, name: "Проверьте предложенную встречу" });
    await expect(review).toBeVisible();

    // Saved before its partner is on file: refused beside the partner, the review and what was typed kept.
    await page.getByLabel(/^Цель/).fill("Дружба столиц, уточнено");
    await page.getByRole("button", { name: "Сохранить" }).click();
    await expect(review).toBeVisible();
    await expect(page.getByText("Выберите партнёра, от которого прибыла делегация.")).toBeVisible();
    await expect(page.getByLabel(/^Цель/)).toHaveValue("Дружба столиц, уточнено");
    const leader = page.getByRole("group", { name: "Участник 4 предложено" });
    await expect(leader.getByLabel("Имя", { exact: true })).toHaveValue("Ильдар Шакиров");
    await expect(leader.getByLabel("Роль")).toHaveValue("led_delegation");

    // The partner added from the review: the review is proposed again and finds it on file.
    await page.getByLabel("Название нового партнёра").fill("Казань");
    await page.getByLabel("Страна", { exact: true }).selectOption({ label: "Россия" });
    await page.getByRole("button", { name: "Добавить этого партнёра" }).click();
    await expect(review).toBeVisible();
    await expect(page.getByLabel(/^Партнёр/).locator("option:checked")).toHaveText("Казань");
    await expect(page.getByRole("heading", { name: "Партнёр, которого нет в базе" })).toHaveCount(0);
    await page.getByRole("button", { name: "Сохранить" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Сохранено." })).toBeVisible();
    await expect(page.getByRole("heading", { level: 1, name: /Казан/ })).toBeVisible();
  });
  test("a partner refused from the review comes back as typed, its message beside the field", async ({ page }) => {
    await page.goto("/meetings/from-report");
    // A partner no other test adds: nothing is added here either, so the test can run again.
    await page.getByLabel("Текст сообщения").fill(report.replaceAll("Jiangsu", "Yunnan"));
    await page.getByRole("button", { name: "Предложить встречу" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Проверьте предложенную встречу" })).toBeVisible();
    // Spaces pass the browser's own check and are nothing to the server.
    const name = page.getByLabel("Название нового партнёра");
    await name.fill("   ");
    await page.getByLabel("Тип", { exact: true }).selectOption({ label: "Регион" });
    await page.getByLabel("Страна", { exact: true }).selectOption({ label: "Россия" });
    await page.getByRole("button", { name: "Добавить этого партнёра" }).click();

    await expect(page.getByRole("heading", { level: 1, name: "Проверьте предложенную встречу" })).toBeVisible();
    await expect(name).toHaveAttribute("aria-invalid", "true");
    await expect(name).toHaveAccessibleDescription("Заполните это поле.");
    await expect(page.getByLabel("Тип", { exact: true }).locator("option:checked")).toHaveText("Регион");
    await expect(page.getByLabel("Страна", { exact: true }).locator("option:checked")).toHaveText("Россия");
  });
});

test.describe("in Kazakh", () => {
  test.use({ locale: "kk-KZ" });

  test("the new partner's countries are named in Kazakh once the page's script runs", async ({ page }) => {
    // Browsers name countries from their own data, which may have no Kazakh (Chromium has none).
    await page.goto("/meetings/from-report");
    await page.getByLabel("Хабарламаның мәтіні").fill(report.replaceAll("Jiangsu", "Shaanxi"));
    await page.getByRole("button", { name: "Кездесуді ұсыну" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Ұсынылған кездесуді тексеріңіз" })).toBeVisible();
    const country = page.getByLabel("Ел", { exact: true });
    await expect(country).toHaveValue("CN");
    await expect(country.locator("option:checked")).toHaveText("Қытай");
    await expect(country.locator("option", { hasText: "China" })).toHaveCount(0);
  });
});

test.describe("a new partner's name already on file", () => {
  test.use({ baseURL: DEMO_APP });

  test("is shown before a second partner is made, and the one on file can be chosen for the meeting", async ({
    page,
  }) => {
    await page.goto("/meetings/from-report");
    // A partner the demo history lacks, so the review offers to add it; nothing is saved here.
    await page.getByLabel("Text of the report").fill(report.replaceAll("Jiangsu", "Yunnan"));
    await page.getByRole("button", { name: "Propose a meeting" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Check the proposed meeting" })).toBeVisible();

    // Typed in another script and case than the demo's Beijing.
    await page.getByLabel("Name of the new partner").fill("ПЕКИН");
    await page.getByRole("button", { name: "Add this partner" }).click();
    const notice = page.getByRole("alert").filter({ hasText: "Already on file" });
    await expect(notice.getByRole("link", { name: "Beijing" })).toBeVisible();
    await notice.getByRole("button", { name: "Choose it for this meeting: Beijing" }).click();
    await expect(page.getByLabel(/^Partner/).locator("option:checked")).toHaveText("Beijing");
    await expect(page.getByLabel(/^Partner/)).toBeFocused();
  });
});
