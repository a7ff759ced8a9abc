import { expect, test, type Page } from "@playwright/test";
import { EMPTY_APP } from "./support";

test.use({ locale: "kk-KZ", baseURL: EMPTY_APP });

async function save(page: Page) {
  await page.getByRole("button", { name: "Сақтау" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Сақталды." })).toBeVisible();
}

async function addOrganisation(page: Page, names: [string, string, string], partner: string) {
  await page.goto("/organisations/new");
  await page.getByLabel("Қазақша атауы").fill(names[0]);
  await page.getByLabel("Орысша атауы").fill(names[1]);
  await page.getByLabel("Ағылшынша атауы").fill(names[2]);
  await page.getByLabel("Тиесілі қала немесе әріптес").selectOption({ label: partner });
  await save(page);
}

async function addParticipant(
  page: Page,
  side: "host" | "guest",
  number: number,
  person: { name: string; organisation: string; typed?: boolean; title: string; role: string },
) {
  await page.getByRole("button", { name: side === "host" ? "Біздің тараптан қосу" : "Қонақ қосу" }).click();
  const row = page.getByRole("group", { name: `${number}-қатысушы` });
  await row.getByLabel("Аты-жөні").fill(person.name);
  // The body: picked from the suggestions as one types, or typed whole (in any script) and
  // matched when saved.
  const body = row.getByLabel("Ұйымы (жаңа адам үшін)");
  if (person.typed) await body.fill(person.organisation);
  else {
    await body.pressSequentially(person.organisation.slice(0, 8));
    await row.getByRole("option", { name: new RegExp(`^${person.organisation}`) }).click();
    await expect(row.getByText("Тіркелген", { exact: true })).toBeVisible();
  }
  await row.getByLabel("Кездесу кезіндегі лауазымы").fill(person.title);
  await row.getByLabel("Рөлі").selectOption({ label: person.role });
}

async function addInitiative(page: Page, number: number, title: string, kind: string) {
  await page.getByRole("button", { name: "Бастама қосу" }).click();
  const row = page.getByRole("group", { name: `${number}-бастама` });
  await row.getByLabel(/^Атауы/).fill(title);
  await row.getByLabel("Түрі").selectOption({ label: kind });
  await row.getByLabel("Осы қадам туралы ескертпе").fill("Қонақ тарап ұсынды");
}

test("a new staff member logs the report's meeting through the forms alone, then edits it", async ({ page }) => {
  test.slow();
  // The partner.
  await page.goto("/partners");
  await page.getByRole("link", { name: "Әріптес қосу" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Жаңа әріптес" })).toBeVisible();
  await page.getByLabel("Қазақша атауы").fill("Хэйлунцзян провинциясы");
  await page.getByLabel("Орысша атауы").fill("Провинция Хэйлунцзян");
  await page.getByLabel("Ағылшынша атауы").fill("Heilongjiang Province");
  await page.getByLabel("Түрі").selectOption({ label: "Провинция" });
  await page.getByLabel("Ел").selectOption({ label: "Қытай" });
  await save(page);

  // The two bodies that met.
  const maslikhat = "Астана қаласының мәслихаты";
  const cppcc = "Хэйлунцзян провинциясының Халықтық саяси консультативтік кеңесі";
  await addOrganisation(page, [maslikhat, "Маслихат города Астаны", "Astana City Maslikhat"], "Астана");
  await addOrganisation(
    page,
    [cppcc, "Комитет НПКС провинции Хэйлунцзян", "Heilongjiang Provincial Committee of the CPPCC"],
    "Хэйлунцзян провинциясы",
  );

  // The meeting.
  await page.goto("/meetings");
  await page.getByRole("link", { name: "Кездесуді тіркеу" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Кездесуді тіркеу" })).toBeVisible();
  await page.getByLabel("Жыл").fill("2016");
  await page.getByLabel("Шамамен").check();
  // The bodies are found by typing part of a name in any script and picking the suggestion.
  await page.getByLabel("Қабылдаушы").pressSequentially("маслихат гор");
  await page.getByRole("option", { name: new RegExp(`^${maslikhat}`) }).click();
  await page.getByLabel("Әріптес", { exact: true }).selectOption({ label: "Хэйлунцзян провинциясы" });
  await page.getByLabel("Осы кездесу қатысушыларынан жаңа делегация тіркеу").check();
  await page.getByLabel("Делегация өкілі болған орган").pressSequentially("Хэйлунцзян пров");
  await page.getByRole("option", { name: new RegExp(`^${cppcc}`) }).click();

  const secretary = "Астана қаласы мәслихатының хатшысы";
  const deputy = "Астана қалалық мәслихатының депутаты";
  const viceChair = "Хэйлунцзян провинциясы ХСКК комитеті төрағасының орынбасары";
  await addParticipant(page, "host", 1, {
    name: "Жанат Нұрпейісов",
    organisation: maslikhat,
    title: secretary,
    role: "Төрағалық етті",
  });
  await addParticipant(page, "host", 2, {
    name: "Мажит Шайдаров",
    organisation: maslikhat,
    title: deputy,
    role: "Сөз сөйледі",
  });
  await addParticipant(page, "host", 3, {
    name: "Алмаз Ким",
    organisation: "маслихат города астаны",
    typed: true,
    title: deputy,
    role: "Сөз сөйледі",
  });
  await addParticipant(page, "guest", 4, {
    name: "Ду Цзимин",
    organisation: cppcc,
    title: viceChair,
    role: "Делегацияны бастады",
  });

  await page
    .getByLabel("Мақсаты")
    .fill(
      "Хэйлунцзян провинциясының Халықтық саяси консультативтік кеңесі мен Астана қаласы мәслихатының арасында достық қарым-қатынас орнату",
    );
  for (const [index, topic] of ["ЭКСПО-2017", "Баспана алу кезегі", "Астананың жаңа көлік жүйесі, LRT"].entries()) {
    await page.getByRole("button", { name: "Тақырып қосу" }).click();
    await page.getByLabel(`${index + 1}-тақырып`, { exact: true }).fill(topic);
  }
  await page.getByRole("button", { name: "Дереккөз қосу" }).click();
  await page.getByLabel("Басылым").fill("Tengrinews.kz");
  await page
    .getByLabel("Хабарлама мәтіні (міндетті емес)")
    .fill(
      "Астана қалалық мәслихат депутаттары Қытай Халық Республикасының Хэйлунцзян провинциясының делегациясымен кездесті.",
    );
  await addInitiative(page, 1, "Хэйлунцзян провинциясының ЭКСПО-2017 көрмесіне қатысуы", "Іс-шара");
  await addInitiative(page, 2, "LRT 1-кезек жобасына қытайлық кәсіпкерлердің қызығушылығы", "Инвестиция");
  await addInitiative(page, 3, "Астанада Хэйлунцзян провинциясының күндерін өткізу", "Мәдениет");
  await save(page);

  // The result reads like the demo's meeting page.
  await expect(
    page.getByRole("heading", { level: 1, name: "Хэйлунцзян провинциясы өкілдерімен кездесу" }),
  ).toBeVisible();
  await expect(page.getByText("шамамен 2016").first()).toBeVisible();
  const ours = page.getByRole("region", { name: "Біздің тарап" });
  await expect(ours.getByRole("listitem")).toHaveCount(3);
  await expect(ours.getByRole("listitem").filter({ hasText: "Жанат Нұрпейісов" })).toContainText("Төрағалық етті");
  await expect(ours.getByRole("listitem").filter({ hasText: "Жанат Нұрпейісов" })).toContainText(secretary);
  const guests = page.getByRole("region", { name: "Қонақ тарап" });
  await expect(guests.getByRole("listitem").filter({ hasText: "Ду Цзимин" })).toContainText("Делегацияны бастады");
  await expect(guests.getByRole("listitem").filter({ hasText: "Ду Цзимин" })).toContainText(viceChair);
  await expect(
    page.getByRole("region", { name: "Көтерілген және ілгерілеген бастамалар" }).getByRole("listitem"),
  ).toHaveCount(3);
  await expect(page.getByRole("region", { name: "Көтерілген тақырыптар" })).toContainText("ЭКСПО-2017");
  await expect(page.getByRole("region", { name: "Дереккөздер" })).toContainText("Tengrinews.kz");
  await expect(page.getByText("Басшысы: Ду Цзимин")).toBeVisible();

  // The new people have their posts.
  await page.getByRole("link", { name: "Жанат Нұрпейісов" }).click();
  await expect(page.getByRole("region", { name: "Лауазымдары" })).toContainText(secretary);
  // The title at the meeting is a post held as of the meeting's date (issue 13.6).
  await expect(page.getByRole("region", { name: "Лауазымдары" })).toContainText("шамамен 2016 жылғы жағдай бойынша");
  await page.goBack();
  await expect(
    page.getByRole("heading", { level: 1, name: "Хэйлунцзян провинциясы өкілдерімен кездесу" }),
  ).toBeVisible();

  // Edit: Almaz Kim is removed from the participants.
  await page.getByRole("link", { name: "Өңдеу", exact: true }).click();
  await page.getByRole("button", { name: "3-қатысушыны алып тастау" }).click();
  await save(page);
  await expect(page.getByRole("region", { name: "Біздің тарап" }).getByRole("listitem")).toHaveCount(2);
  await expect(page.getByRole("region", { name: "Біздің тарап" })).not.toContainText("Алмаз Ким");
});
