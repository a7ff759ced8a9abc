/** Sign-ins, refusals and account changes, for administrators (append-only: migrations/0006, 0018). */
import { and, count, desc, eq, gte, lt, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import { recordSecurityEvent, type SecurityEntry } from "~db/security-log";
import { securityLog, users } from "~db/schema";
import { getDb } from "~/db.server";
import { offsetOf, pageOf } from "~/utils/pagination";
import { countOf } from "./sql.server";

export type { SecurityEntry };

/** Adds an event, or one more to the row of the same refusal from the same source (db/security-log.ts). */
export function logSecurityEvent(entry: SecurityEntry, now = new Date()) {
  recordSecurityEvent(getDb(), entry, now);
}

export function listSecurityEvents({
  page,
  userId,
  from,
  to,
}: {
  page: number;
  userId?: number;
  from?: string;
  to?: string;
}) {
  const subject = alias(users, "subject");
  const conditions: SQL[] = [];
  if (userId) conditions.push(sql`(${securityLog.userId} = ${userId} OR ${securityLog.subjectUserId} = ${userId})`);
  if (from) conditions.push(gte(securityLog.at, from));
  if (to) conditions.push(lt(securityLog.at, to));
  const db = getDb();
  const items = db
    .select({
      id: securityLog.id,
      at: securityLog.at,
      lastSeenAt: sql<string>`coalesce(${securityLog.lastSeenAt}, ${securityLog.at})`,
      count: securityLog.count,
      event: securityLog.event,
      email: securityLog.email,
      address: securityLog.address,
      detail: securityLog.detail,
      userName: users.name,
      subjectName: subject.name,
    })
    .from(securityLog)
    .leftJoin(users, eq(users.id, securityLog.userId))
    .leftJoin(subject, eq(subject.id, securityLog.subjectUserId))
    .where(and(...conditions))
    .orderBy(desc(securityLog.id))
    .limit(50)
    .offset(offsetOf(page, 50))
    .all();
  const total = countOf(
    db
      .select({ count: count() })
      .from(securityLog)
      .where(and(...conditions))
      .get(),
  );
  return pageOf(items, total, page, 50);
}
