/**
 * The briefing an official reads before a visit: each relation's status is dated by the step that
 * gave it. A tester's sister-city relation, proposed in February 2024, signed in May 2025 and
 * active since September 2025, read "active since 14 February 2024".
 */
import { expect, test } from "vitest";
import { SYSTEM } from "~db/history";
import { relations, relationSteps } from "~db/schema";
import { getDb } from "~/db.server";
import { partnerBriefing } from "~/models/briefing.server";
import { createPartner } from "~/models/partners/write.server";

test("a relation's status is dated by its latest step, whatever order the steps were recorded in", () => {
  const db = getDb();
  const partnerId = createPartner({ kind: "city", countryCode: "TR", nameRu: "Бурса", nameEn: "Bursa" }, SYSTEM);
  const relationId = db.insert(relations).values({ partnerId, type: "sister_city" }).returning().get().id;
  const step = (status: "proposed" | "signed" | "active", date: string, datePrecision: "day" | "month") =>
    db.insert(relationSteps).values({ relationId, status, date, datePrecision }).run();
  // Recorded out of order: the latest step entered first.
  step("active", "2025-09-01", "month");
  step("proposed", "2024-02-14", "day");
  step("signed", "2025-05-20", "day");
  const [relation] = partnerBriefing(partnerId, "ru", "2026-12-06")!.partner.relations;
  expect(relation!.status).toBe("active");
  expect(relation!.statusDate).toEqual({ value: "2025-09-01", precision: "month", approximate: false });
});
