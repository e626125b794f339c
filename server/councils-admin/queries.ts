import "server-only";
import { and, asc, eq, isNull, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { councilMemberships, councils, users } from "@/db/schema";
import { forbidden, notFound, ok, unauthenticated, type ActionResult } from "@/lib/action-result";
import { can, type MaybeActor } from "@/lib/permissions";
import { journalAbout, type JournalRowAbout } from "../audit-log/journal-about";

export interface AdminCouncilRow {
  id: number;
  slug: string;
  number: number | null;
  name: string;
  area: string | null;
  description: string | null;
  isDemo: boolean;
  archivedAt: Date | null;
  memberCount: number;
  referentCount: number;
}

export type CouncilJournalEntry = JournalRowAbout;

const columns = {
  id: councils.id,
  slug: councils.slug,
  number: councils.number,
  name: councils.name,
  area: councils.area,
  description: councils.description,
  isDemo: councils.isDemo,
  archivedAt: councils.archivedAt,
  // Active people only: a deactivated account no longer takes part.
  memberCount: sql<number>`count(${users.id})::int`,
  referentCount: sql<number>`(count(${users.id}) filter (where ${councilMemberships.role} = 'referent'))::int`,
};

/** Every council, archived ones included (listed last), with counts of active members. Administrators only. One query. */
export async function listCouncilsForAdmin(db: Db, actor: MaybeActor): Promise<ActionResult<AdminCouncilRow[]>> {
  if (!actor) return unauthenticated();
  if (!can(actor, "admin.view")) return forbidden();
  const rows = await db
    .select(columns)
    .from(councils)
    .leftJoin(councilMemberships, eq(councilMemberships.councilId, councils.id))
    .leftJoin(users, and(eq(users.id, councilMemberships.userId), isNull(users.deactivatedAt)))
    .groupBy(councils.id)
    .orderBy(sql`${councils.archivedAt} is not null`, sql`${councils.number} asc nulls last`, asc(councils.name));
  return ok(rows);
}

/** One council for its administration page, with the journal about it (newest first). Two queries. */
export async function getCouncilForAdmin(
  db: Db,
  actor: MaybeActor,
  councilId: number,
): Promise<ActionResult<AdminCouncilRow & { journal: CouncilJournalEntry[] }>> {
  if (!actor) return unauthenticated();
  if (!can(actor, "admin.view")) return forbidden();
  if (!Number.isSafeInteger(councilId) || councilId <= 0) return notFound("Conseil");
  const [council] = await db
    .select(columns)
    .from(councils)
    .leftJoin(councilMemberships, eq(councilMemberships.councilId, councils.id))
    .leftJoin(users, and(eq(users.id, councilMemberships.userId), isNull(users.deactivatedAt)))
    .where(eq(councils.id, councilId))
    .groupBy(councils.id);
  if (!council) return notFound("Conseil");
  return ok({ ...council, journal: await journalAbout(db, "council", councilId) });
}
