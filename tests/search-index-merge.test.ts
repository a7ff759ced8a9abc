/**
 * Issue 17, round 3: every save adds a segment to its kind's full-text index, and a search reads
 * every segment. Where they pile up, housekeeping merges them into one (on start at once, hourly a
 * step at a time between requests), and a search finds the same records in the same order.
 */
import { describe, expect, test } from "vitest";
import { SYSTEM } from "~db/history";
import { getDb } from "~/db.server";
import { PartnerSchema } from "~/forms/partner";
import { mergeSearchIndex, mergeSearchIndexBetweenRequests } from "~/housekeeping.server";
import { createPartner } from "~/models/partners/write.server";
import { MANY_SEGMENTS, searchSegments } from "~/models/search-index.server";
import { searchTexts } from "~/models/search.server";

const savedOneByOne = (count: number, name: (i: number) => string) =>
  Array.from({ length: count }, (_, i) =>
    createPartner(PartnerSchema.parse({ kind: "city", countryCode: "UZ", nameEn: name(i) }), SYSTEM),
  );

const found = (query: string) => searchTexts(query, "en", 100).partner.map((p) => p.id);

describe("the search index's segments", () => {
  test("pile up with saves, and merged on start into one, find the same partners in the same order", () => {
    const ids = savedOneByOne(60, (i) => `Kokandabad ${i}`);
    const segments = searchSegments(getDb(), "partner");
    expect(segments).toBeGreaterThanOrEqual(MANY_SEGMENTS);
    const before = found("kokandabad");
    expect(new Set(before)).toEqual(new Set(ids));

    mergeSearchIndex(getDb());

    expect(searchSegments(getDb(), "partner")).toBe(1);
    expect(found("kokandabad")).toEqual(before);
    expect(found("kokandabad 17")).toEqual([ids[17]]);
  });

  test("a few segments are left as they are: merging rewrites the whole index", () => {
    savedOneByOne(2, (i) => `Andijanabad ${i}`);
    const segments = searchSegments(getDb(), "partner");
    expect(segments).toBeGreaterThan(1);
    expect(segments).toBeLessThan(MANY_SEGMENTS);
    mergeSearchIndex(getDb());
    expect(searchSegments(getDb(), "partner")).toBe(segments);
  });

  test("hourly, a step at a time: a save between two steps is kept and found", async () => {
    savedOneByOne(60, (i) => `Ferganabad ${i}`);
    expect(searchSegments(getDb(), "partner")).toBeGreaterThanOrEqual(MANY_SEGMENTS);
    const merged = mergeSearchIndexBetweenRequests(getDb(), 1);
    // The steps after the first wait behind what is already waiting, as this save does.
    const [between] = savedOneByOne(1, () => "Ferganabad between");
    await merged;
    expect(searchSegments(getDb(), "partner")).toBe(1);
    expect(found("ferganabad")).toHaveLength(61);
    expect(found("ferganabad between")).toEqual([between]);
  });
});
