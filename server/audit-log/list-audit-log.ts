import "server-only";
import { and, asc, desc, eq, inArray, or, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Db } from "@/db/client";
import { auditLog, councils, invitations, users } from "@/db/schema";
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
  /** The names of the people its details name by id (user id → display name). */
  people: Record<number, string>;
}

export interface AuditLogPage {
  /** At most JOURNAL_PAGE_SIZE rows, newest first. */
  rows: AuditLogRow[];
  filters: JournalFilters;
  /** The cursor of the next page (`?avant=`, the last row's id), when older rows follow; null otherwise. */
  nextBefore: number | null;
  /** For the filter form: every council (archived ones too). The actions come from the code's labels. */
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
 * One page of the journal's rows (at most `limit`), newest first, after the filters and the cursor:
 * keyset on (created_at, id), never OFFSET nor a count over the table. Each filter has its index
 * (audit_log_created, audit_log_action_created, audit_log_council_created): the read stops after
 * one page whatever the journal holds. Exported so a test can EXPLAIN the very query the page runs.
 */
export function journalPageQuery(db: Db, filters: JournalFilters, limit: number) {
  const conditions: SQL[] = [];
  if (filters.action) conditions.push(eq(auditLog.action, filters.action));
  if (filters.actor) {
    const pattern = `%${likeEscape(foldText(filters.actor))}%`;
    conditions.push(
      inArray(
        auditLog.actorUserId,
        db
          .select({ id: users.id })
          .from(users)
          .where(or(sql`${fold(sql`${users.displayName}`)} like ${pattern}`, sql`lower(${users.email}) like ${pattern}`)),
      ),
    );
  }
  if (filters.council) conditions.push(eq(auditLog.councilId, filters.council));
  if (filters.from) conditions.push(sql`${auditLog.createdAt} >= ${cityDayStart(filters.from)}`);
  if (filters.to) conditions.push(sql`${auditLog.createdAt} < ${cityDayStart(filters.to, 1)}`);
  // Strictly older than the cursor's row; a cursor that names no row gives an empty page.
  if (filters.before) {
    conditions.push(
      sql`(${auditLog.createdAt}, ${auditLog.id}) < (select cursor_row.created_at, cursor_row.id from audit_log cursor_row where cursor_row.id = ${filters.before})`,
    );
  }

  // The page's rows first, from audit_log alone (an index read that stops after `limit` rows);
  // the names are looked up for those rows only, whatever the planner thinks of the joins.
  const page = db
    .select({
      id: auditLog.id,
      action: auditLog.action,
      createdAt: auditLog.createdAt,
      actorUserId: auditLog.actorUserId,
      targetType: auditLog.targetType,
      targetId: auditLog.targetId,
      councilId: auditLog.councilId,
      reason: auditLog.reason,
      details: auditLog.details,
    })
    .from(auditLog)
    .where(conditions.length > 0 ? and(...conditions) : undefined)
    .orderBy(desc(auditLog.createdAt), desc(auditLog.id))
    .limit(limit)
    .as("page");
  const actorUser = alias(users, "actor_user");
  const targetUser = alias(users, "target_user");
  const targetCouncil = alias(councils, "target_council");
  const targetInvitation = alias(invitations, "target_invitation");
  const invitee = alias(users, "invitee");

  return db
    .select({
      id: page.id,
      action: page.action,
      createdAt: page.createdAt,
      actorName: actorUser.displayName,
      actorEmail: actorUser.email,
      targetType: page.targetType,
      targetId: page.targetId,
      targetUserName: targetUser.displayName,
      targetCouncilName: targetCouncil.name,
      // An invitation's rows hold no e-mail (issue 14): the account that accepted it, or its address
      // while the invitation is kept (the retention job deletes it 30 days after it was spent).
      targetInvitationName: sql<string | null>`coalesce(${invitee.displayName}, ${targetInvitation.email})`,
      councilName: councils.name,
      reason: page.reason,
      details: page.details,
    })
    .from(page)
    .leftJoin(actorUser, eq(actorUser.id, page.actorUserId))
    .leftJoin(councils, eq(councils.id, page.councilId))
    .leftJoin(targetUser, and(eq(page.targetType, "user"), eq(sql`${targetUser.id}::text`, page.targetId)))
    .leftJoin(targetCouncil, and(eq(page.targetType, "council"), eq(sql`${targetCouncil.id}::text`, page.targetId)))
    .leftJoin(targetInvitation, and(eq(page.targetType, "invitation"), eq(sql`${targetInvitation.id}::text`, page.targetId)))
    .leftJoin(invitee, eq(invitee.id, targetInvitation.acceptedUserId))
    .orderBy(desc(page.createdAt), desc(page.id));
}

/**
 * The user ids a row's details name people by (issue 14: ids, never e-mails nor names, so that an
 * erasure leaves nothing behind): the officials in charge of a fiche, before and after.
 */
function peopleIn({ action, details }: { action: string; details: Record<string, unknown> | null }): number[] {
  if (action !== "action.officials.assign") return [];
  const ids = [details?.before, details?.after].flatMap((list) => (Array.isArray(list) ? list : []));
  return ids.filter((id): id is number => Number.isInteger(id));
}

/** Display names by id, in one query (an erased account reads « Personne supprimée n°… »). */
async function peopleNamed(db: Db, ids: number[]): Promise<Map<number, string>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await db.select({ id: users.id, name: users.displayName }).from(users).where(inArray(users.id, unique));
  return new Map(rows.map((r) => [r.id, r.name]));
}

/**
 * The journal, for administrators: newest first, 50 a page (`before`: the rows strictly older
 * than that one), filtered by action, by the actor's name or email, by council and by day (from /
 * to, inclusive, in the City's time zone). Two queries whatever the journal holds: the page's rows
 * (one more than shown, to know whether older ones follow) and the councils for the filter form;
 * a third when the page's details name people by id, for their names (at most 50 rows' worth).
 * Everything returned is data: the page renders it as text.
 */
export async function listAuditLog(db: Db, actor: MaybeActor, input: JournalFiltersInput = {}): Promise<ActionResult<AuditLogPage>> {
  if (!actor) return unauthenticated();
  if (!can(actor, "audit.view")) return forbidden();
  const filters = journalFiltersSchema.parse(input);

  const [rows, councilRows] = await Promise.all([
    journalPageQuery(db, filters, JOURNAL_PAGE_SIZE + 1),
    db
      .select({ id: councils.id, name: councils.name, archived: sql<boolean>`${councils.archivedAt} is not null` })
      .from(councils)
      .orderBy(asc(councils.number), asc(councils.name)),
  ]);
  const shown = rows.slice(0, JOURNAL_PAGE_SIZE);
  const people = await peopleNamed(
    db,
    shown.flatMap((r) => peopleIn(r)),
  );

  return ok({
    rows: shown.map(({ targetUserName, targetCouncilName, targetInvitationName, ...r }) => ({
      ...r,
      targetName: targetUserName ?? targetCouncilName ?? targetInvitationName ?? null,
      details: r.details ?? {},
      people: Object.fromEntries(peopleIn(r).map((id) => [id, people.get(id) ?? `personne n°${id}`])),
    })),
    filters,
    nextBefore: rows.length > JOURNAL_PAGE_SIZE ? (shown.at(-1)?.id ?? null) : null,
    councils: councilRows,
  });
}
