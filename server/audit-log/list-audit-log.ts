import "server-only";
import { and, asc, count, desc, eq, or, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Db } from "@/db/client";
import { auditLog, councils, users } from "@/db/schema";
import { forbidden, ok, unauthenticated, type ActionResult } from "@/lib/action-result";
import { CITY_TIME_ZONE } from "@/lib/dates";
import { can, type MaybeActor } from "@/lib/permissions";
import { JOURNAL_PAGE_SIZE, journalFiltersSchema, type JournalFilters, type JournalFiltersInput } from "@/lib/validation/settings";
import { likeEscape } from "@/server/users/shared";

export interface AuditLogRow {
  id: number;
  action: string;
  createdAt: Date;
  actorName: string | null;
  actorEmail: string | null;
  targetType: string;
  targetId: string | null;
  /** The person or council the row is about, when it is one. */
  targetName: string | null;
  councilName: string | null;
  reason: string | null;
  details: Record<string, unknown>;
}

export interface AuditLogPage {
  rows: AuditLogRow[];
  filters: JournalFilters;
  page: number;
  pageCount: number;
  total: number;
  /** For the filter form: every action name found in the journal, and every council (archived ones too). */
  actions: string[];
  councils: { id: number; name: string; archived: boolean }[];
}

// Accents folded on both sides, like the user search.
const ACCENTED = "àáâäãåçèéêëìíîïñòóôöõùúûüýÿœæ";
const PLAIN = "aaaaaaceeeeiiiinooooouuuuyyoa";
const fold = (expr: SQL) => sql`translate(lower(${expr}), ${ACCENTED}, ${PLAIN})`;
const foldText = (text: string) => {
  let out = text.toLowerCase();
  for (let i = 0; i < ACCENTED.length; i++) out = out.replaceAll(ACCENTED[i]!, PLAIN[i]!);
  return out;
};

/** The first instant of a calendar day in the City's time zone. */
const cityDayStart = (day: string, plusDays = 0) => sql`((${day}::date + ${plusDays}::int)::timestamp at time zone ${CITY_TIME_ZONE})`;

/**
 * The journal, for administrators: newest first, 50 a page, filtered by action, by the actor's
 * name or email, by council and by day (from / to, inclusive, in the City's time zone).
 * Everything returned is data: the page renders it as text.
 */
export async function listAuditLog(db: Db, actor: MaybeActor, input: JournalFiltersInput = {}): Promise<ActionResult<AuditLogPage>> {
  if (!actor) return unauthenticated();
  if (!can(actor, "audit.view")) return forbidden();
  const filters = journalFiltersSchema.parse(input);

  const actorUser = alias(users, "actor_user");
  const targetUser = alias(users, "target_user");
  const targetCouncil = alias(councils, "target_council");

  const conditions: SQL[] = [];
  if (filters.action) conditions.push(eq(auditLog.action, filters.action));
  if (filters.actor) {
    const pattern = `%${likeEscape(foldText(filters.actor))}%`;
    conditions.push(or(sql`${fold(sql`${actorUser.displayName}`)} like ${pattern}`, sql`lower(${actorUser.email}) like ${pattern}`)!);
  }
  if (filters.council) conditions.push(eq(auditLog.councilId, filters.council));
  if (filters.from) conditions.push(sql`${auditLog.createdAt} >= ${cityDayStart(filters.from)}`);
  if (filters.to) conditions.push(sql`${auditLog.createdAt} < ${cityDayStart(filters.to, 1)}`);
  const where = conditions.length > 0 ? and(...conditions) : undefined;

  const [[totals], actionRows, councilRows] = await Promise.all([
    db.select({ n: count() }).from(auditLog).leftJoin(actorUser, eq(actorUser.id, auditLog.actorUserId)).where(where),
    db.selectDistinct({ action: auditLog.action }).from(auditLog).orderBy(asc(auditLog.action)),
    db
      .select({ id: councils.id, name: councils.name, archived: sql<boolean>`${councils.archivedAt} is not null` })
      .from(councils)
      .orderBy(asc(councils.number), asc(councils.name)),
  ]);
  const total = totals?.n ?? 0;
  const pageCount = Math.max(1, Math.ceil(total / JOURNAL_PAGE_SIZE));
  const page = Math.min(filters.page, pageCount);

  const rows = await db
    .select({
      id: auditLog.id,
      action: auditLog.action,
      createdAt: auditLog.createdAt,
      actorName: actorUser.displayName,
      actorEmail: actorUser.email,
      targetType: auditLog.targetType,
      targetId: auditLog.targetId,
      targetUserName: targetUser.displayName,
      targetCouncilName: targetCouncil.name,
      councilName: councils.name,
      reason: auditLog.reason,
      details: auditLog.details,
    })
    .from(auditLog)
    .leftJoin(actorUser, eq(actorUser.id, auditLog.actorUserId))
    .leftJoin(councils, eq(councils.id, auditLog.councilId))
    .leftJoin(targetUser, and(eq(auditLog.targetType, "user"), eq(sql`${targetUser.id}::text`, auditLog.targetId)))
    .leftJoin(targetCouncil, and(eq(auditLog.targetType, "council"), eq(sql`${targetCouncil.id}::text`, auditLog.targetId)))
    .where(where)
    .orderBy(desc(auditLog.createdAt), desc(auditLog.id))
    .limit(JOURNAL_PAGE_SIZE)
    .offset((page - 1) * JOURNAL_PAGE_SIZE);

  return ok({
    rows: rows.map(({ targetUserName, targetCouncilName, ...r }) => ({
      ...r,
      targetName: targetUserName ?? targetCouncilName ?? null,
      details: r.details ?? {},
    })),
    filters: { ...filters, page },
    page,
    pageCount,
    total,
    actions: actionRows.map((r) => r.action),
    councils: councilRows,
  });
}
