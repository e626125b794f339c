import { asc, desc } from "drizzle-orm";
import type { Db } from "@/db/client";
import { auditLog, councilMemberships, councils, invitations, users } from "@/db/schema";

/**
 * Every row of the tables the council and invitation functions touch, in a fixed order, so a test
 * can prove that a refused call changed nothing (before === after).
 */
export async function snapshotCouncilTables(db: Db) {
  const [u, m, i, c, a] = await Promise.all([
    db.select().from(users).orderBy(asc(users.id)),
    db.select().from(councilMemberships).orderBy(asc(councilMemberships.councilId), asc(councilMemberships.userId)),
    db.select().from(invitations).orderBy(asc(invitations.id)),
    db.select().from(councils).orderBy(asc(councils.id)),
    db.select().from(auditLog).orderBy(asc(auditLog.id)),
  ]);
  return { users: u, memberships: m, invitations: i, councils: c, audit: a };
}

export async function auditCount(db: Db): Promise<number> {
  return (await db.select({ id: auditLog.id }).from(auditLog)).length;
}

export async function lastAudit(db: Db) {
  const [row] = await db.select().from(auditLog).orderBy(desc(auditLog.id)).limit(1);
  return row;
}
