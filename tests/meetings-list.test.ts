import { expect, test } from "vitest";
import { translations } from "~/i18n/i18n.server";
import { cookieFor } from "./support/accounts";
import { aMeeting, anOrganisation, aPartner } from "./support/factories";

// The meetings list's filter, meetings and pages' links come drawn as markup (issue 17,
// components/MeetingsListing.tsx): read here as a person would read the page.
async function listing(query: string, lng = "en") {
  const { loader } = await import("~/routes/meetings._index");
  const request = new Request(`http://localhost/meetings${query}`, {
    headers: { Cookie: await cookieFor("viewer"), "Accept-Language": lng },
  });
  return (await loader({ request, params: {}, context: {} })).listing ?? "";
}

test("the meetings list's filter shows what was asked, every year there are meetings of, and its pages keep it", async () => {
  const partnerId = aPartner({ nameEn: "Almaty Region" });
  // 25 meetings over a century and a half: the filter offers each of their years, newest first.
  for (let i = 0; i < 25; i++) aMeeting({ purpose: `Talks ${i}`, partnerId, date: `${1880 + i * 6}-03-01` });
  const all = await listing("");
  const years = [...all.matchAll(/<option value="(\d{4})"/g)].map((m) => Number(m[1]));
  expect(years).toContain(1880);
  expect(years).toContain(2024);
  expect(years).toEqual([...years].sort((a, b) => b - a));
  expect(all).not.toContain(`>${translations.en.common.reset}</a>`);

  const filtered = await listing("?partnerName=Almaty+Region&year=&topic=&page=2");
  expect(filtered).toContain('<form method="get" action="/meetings"');
  expect(filtered).toMatch(/name="partnerName"[^>]* value="Almaty Region"/);
  expect(filtered).toContain(
    `<a href="/meetings" class="text-sm text-sky-800 underline">${translations.en.common.reset}</a>`,
  );
  expect(filtered).toContain("21–25 of 25");
  // The previous page's link keeps the filter and drops the page number.
  expect(filtered).toMatch(/<a href="\/meetings\?partnerName=Almaty\+Region&amp;year=&amp;topic="[^>]* rel="prev">/);

  const inYear = await listing("?year=1904");
  expect(inYear).toMatch(/<option value="1904" selected="">1904<\/option>/);
  expect(inYear).toContain("Talks 4");
  expect(inYear).not.toContain("Talks 5");
});

test("a year no meeting is of is no filter, and text in the filter is shown, not run", async () => {
  aMeeting({ purpose: "Water talks", date: "2019-05-05" });
  const odd = await listing(`?year=1066&topic=${encodeURIComponent('"><script>alert(1)</script>')}`, "kk");
  expect(odd).not.toContain("<script>alert(1)");
  expect(odd).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
  expect(odd).not.toMatch(/<option value="1066"/);
});

test("a page past a list's last is answered with its last page, the filter kept, never an empty page", async () => {
  const partnerId = aPartner({ nameEn: "Past-the-end Province" });
  anOrganisation(partnerId, { nameEn: "Past-the-end Provincial Government" });
  for (let i = 0; i < 25; i++)
    aMeeting({ purpose: `Past ${i}`, partnerId, date: `2001-04-${String(i + 1).padStart(2, "0")}` });
  const { loader } = await import("~/routes/meetings._index");
  const { loader: organisationsLoader } = await import("~/routes/organisations._index");
  const answer = async (load: typeof loader | typeof organisationsLoader, address: string) => {
    const request = new Request(`http://localhost${address}`, { headers: { Cookie: await cookieFor("viewer") } });
    return load({ request, params: {}, context: {} }).then(
      () => null,
      (thrown: Response) => [thrown.status, thrown.headers.get("Location")],
    );
  };
  expect(await answer(loader, "/meetings?partnerName=Past-the-end+Province&page=999999")).toEqual([
    302,
    "/meetings?partnerName=Past-the-end+Province&page=2",
  ]);
  // The last page and those before it are drawn as they are.
  expect(await answer(loader, "/meetings?partnerName=Past-the-end+Province&page=2")).toBeNull();
  expect(await answer(organisationsLoader, "/organisations?page=999999")).toEqual([302, "/organisations"]);
  // A list with nothing in it has one page, empty, which says so.
  expect(await answer(loader, "/meetings?partnerName=Nobody+at+all&page=5")).toBeNull();
});
