/**
 * Issue 12.4: a list row names a body, an initiative or an owner with a picker that asks the
 * server for a few suggestions, instead of a select that repeated every record on file in every
 * row. What the suggestions answer, as the picker reads them.
 */
import { eq } from "drizzle-orm";
import { beforeAll, expect, test } from "vitest";
import * as s from "~db/schema";
import { getDb } from "~/db.server";
import { seedDemoData } from "~/models/demo-data.server";
import { loader as organisationsLoader } from "~/routes/organisations.search";
import { loader as initiativesLoader } from "~/routes/initiatives.search";
import { loader as peopleLoader } from "~/routes/people.search";
import { cookieFor } from "./support/accounts";

beforeAll(() => {
  seedDemoData(getDb());
});

type Suggestion = { id: number; name: string; detail: string | null; title?: string | null };

async function suggestions(loader: typeof peopleLoader, path: string, query: string, language = "kk") {
  const request = new Request(`http://localhost${path}?q=${encodeURIComponent(query)}`, {
    headers: { Cookie: await cookieFor("viewer"), "Accept-Language": language },
  });
  const response = (await loader({ request, params: {}, context: {} })) as Response;
  return ((await response.json()) as { suggestions: Suggestion[] }).suggestions;
}

test("a body typed in Russian is suggested under its Kazakh name, with whose side it is on", async () => {
  const found = await suggestions(organisationsLoader, "/organisations/search", "маслихат гор");
  expect(found).toEqual([expect.objectContaining({ name: "Астана қаласының мәслихаты", detail: "Астана" })]);
});

test("an initiative is found by a word of its title in another language; a closed one is not offered", async () => {
  const found = await suggestions(initiativesLoader, "/initiatives/search", "LRT", "en");
  expect(found.map((i) => i.name)).toEqual(["Chinese entrepreneurs' interest in the LRT phase 1 project"]);
  expect(found[0].detail).toBe("Proposed");
  getDb().update(s.initiatives).set({ status: "dropped" }).where(eq(s.initiatives.id, found[0].id)).run();
  expect(await suggestions(initiativesLoader, "/initiatives/search", "LRT", "en")).toEqual([]);
});

test("a person is suggested with their current post, which the picker fills in as the title", async () => {
  const [secretary] = await suggestions(peopleLoader, "/people/search", "Нұрпейісов");
  expect(secretary).toMatchObject({ name: "Жанат Нұрпейісов", title: expect.stringContaining("хатшысы") });
  expect(secretary.detail).toContain(secretary.title);
});

test("signed out, nothing is suggested", async () => {
  const request = new Request("http://localhost/organisations/search?q=ма");
  await expect(organisationsLoader({ request, params: {}, context: {} })).rejects.toMatchObject({ status: 302 });
});
