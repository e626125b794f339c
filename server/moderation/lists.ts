import "server-only";
import { and, asc, count, desc, eq, inArray, isNull, notInArray, or, sql, type SQL } from "drizzle-orm";
import type { Db } from "@/db/client";
import { actions, contributionReports, contributions, councils, users } from "@/db/schema";
import { forbidden, ok, unauthenticated, type ActionResult } from "@/lib/action-result";
import { can, type Actor, type MaybeActor } from "@/lib/permissions";
import { itemColumns, toItem, type ModeratedItem } from "./item";
import { moderationFilterChoices, moderationListWhere, type QueueFilters } from "./queue";

export type { ModeratedItem };

/*
 * The other tabs of the moderation pages: published items (to hide one), reported items, and the
 * counts of the tabs. Never an item of a council the moderator belongs to.
 */

const notOwn = (actor: Actor): SQL[] => {
  const own = [...actor.councils.keys()];
  return own.length > 0 ? [notInArray(contributions.councilId, own)] : [];
};

export const PUBLISHED_PAGE_SIZE = 20;

export interface PublishedList {
  /** At most PUBLISHED_PAGE_SIZE. */
  items: ModeratedItem[];
  /** For the filters: councils the moderator may act on, and the fiches. */
  councils: { id: number; name: string }[];
  actions: { slug: string; title: string }[];
  /** How many published items match the filters, in all. */
  total: number;
  /** The id to continue after (`?apres=`), when more items follow. */
  nextAfter: number | null;
}

/**
 * Published items a moderator may hide, newest first, filtered like the queue, one page at a time:
 * those strictly older than the item `after` (keyset — an offset would read every skipped row,
 * 100,000 of them at the end of the list).
 */
export async function listPublishedForModeration(
  db: Db,
  actor: MaybeActor,
  filters: QueueFilters = {},
  page: { after?: number | null } = {},
): Promise<ActionResult<PublishedList>> {
  if (!actor) return unauthenticated();
  if (!can(actor, "moderation.view")) return forbidden();
  const where = moderationListWhere(actor, "published", filters);
  // The cursor row's key, in a subquery whose own alias hides the outer table.
  const after = page.after
    ? sql`(${contributions.publishedAt}, ${contributions.id}) < (select c.published_at, c.id from contributions c where c.id = ${page.after})`
    : undefined;
  const [[totalRow], rows, [councilRows, actionRows]] = await Promise.all([
    db.select({ n: count() }).from(contributions).innerJoin(actions, eq(actions.id, contributions.actionId)).where(where),
    db
      .select(itemColumns)
      .from(contributions)
      .innerJoin(councils, eq(councils.id, contributions.councilId))
      .innerJoin(actions, eq(actions.id, contributions.actionId))
      .leftJoin(users, eq(users.id, contributions.authorId))
      .where(and(where, after))
      .orderBy(desc(contributions.publishedAt), desc(contributions.id))
      .limit(PUBLISHED_PAGE_SIZE + 1),
    moderationFilterChoices(db, actor),
  ]);
  const shown = rows.slice(0, PUBLISHED_PAGE_SIZE);
  return ok({
    items: shown.map(toItem),
    councils: councilRows,
    actions: actionRows,
    total: totalRow?.n ?? 0,
    nextAfter: rows.length > PUBLISHED_PAGE_SIZE ? (shown.at(-1)?.id ?? null) : null,
  });
}

export interface ReportedItem extends ModeratedItem {
  status: "published" | "hidden";
  /** Hidden automatically by reports, waiting for a moderator. */
  reviewRequired: boolean;
  reports: { id: number; reporterName: string; reason: string; createdAt: Date }[];
}

/** The items of one page of the reports tab. */
export const REPORTED_PAGE_SIZE = 25;

export interface ReportedList {
  /** At most REPORTED_PAGE_SIZE. */
  items: ReportedItem[];
  /** The id to continue after (`?apres=`), when more items follow. */
  nextAfter: number | null;
}

/**
 * Items with open reports (still published, or hidden automatically), those waiting for review
 * first, then by first open report, one page at a time: those strictly after the item `after`
 * (keyset on « not waiting for review », first open report, id). Two queries.
 */
export async function listReportedQueue(
  db: Db,
  actor: MaybeActor,
  page: { after?: number | null } = {},
): Promise<ActionResult<ReportedList>> {
  if (!actor) return unauthenticated();
  if (!can(actor, "moderation.view")) return forbidden();
  const openReport = and(eq(contributionReports.contributionId, contributions.id), isNull(contributionReports.resolvedAt));
  const firstReport = sql<Date>`min(${contributionReports.createdAt})`;
  // The cursor's place in the order, read from its row now (null once its reports are all resolved: nothing after).
  const after = page.after
    ? sql`(not ${contributions.reviewRequired}, ${firstReport}, ${contributions.id}) > (select not c.review_required, (select min(r.created_at) from contribution_reports r where r.contribution_id = c.id and r.resolved_at is null), c.id from contributions c where c.id = ${page.after})`
    : undefined;
  const rows = await db
    .select({
      ...itemColumns,
      status: contributions.status,
      reviewRequired: contributions.reviewRequired,
      firstReport,
    })
    .from(contributions)
    .innerJoin(contributionReports, openReport)
    .innerJoin(councils, eq(councils.id, contributions.councilId))
    .innerJoin(actions, eq(actions.id, contributions.actionId))
    .leftJoin(users, eq(users.id, contributions.authorId))
    .where(
      and(
        or(eq(contributions.status, "published"), and(eq(contributions.status, "hidden"), eq(contributions.reviewRequired, true))),
        ...notOwn(actor),
      ),
    )
    .groupBy(contributions.id, councils.id, actions.id, users.id)
    .having(after)
    .orderBy(sql`not ${contributions.reviewRequired}`, asc(firstReport), asc(contributions.id))
    .limit(REPORTED_PAGE_SIZE + 1);
  const nextAfter = rows.length > REPORTED_PAGE_SIZE ? rows[REPORTED_PAGE_SIZE - 1]!.id : null;
  rows.splice(REPORTED_PAGE_SIZE);
  const ids = rows.map((r) => r.id);
  const reports =
    ids.length === 0
      ? []
      : await db
          .select({
            id: contributionReports.id,
            contributionId: contributionReports.contributionId,
            reporterName: users.displayName,
            reason: contributionReports.reason,
            createdAt: contributionReports.createdAt,
          })
          .from(contributionReports)
          .innerJoin(users, eq(users.id, contributionReports.reporterId))
          .where(and(inArray(contributionReports.contributionId, ids), isNull(contributionReports.resolvedAt)))
          .orderBy(asc(contributionReports.createdAt), asc(contributionReports.id));
  return ok({
    items: rows.map(({ status, reviewRequired, firstReport: _f, ...r }) => ({
      ...toItem(r),
      status: status as "published" | "hidden",
      reviewRequired,
      reports: reports.filter((p) => p.contributionId === r.id).map(({ contributionId: _c, ...p }) => p),
    })),
    nextAfter,
  });
}

export interface ModerationCounts {
  pending: number;
  reported: number;
}

/** The counts shown on the tabs. */
export async function loadModerationCounts(db: Db, actor: Actor): Promise<ModerationCounts> {
  const [pending, reported] = await Promise.all([
    db
      .select({ n: count() })
      .from(contributions)
      .where(and(eq(contributions.status, "pending"), ...notOwn(actor))),
    db
      .select({ n: sql<number>`count(distinct ${contributions.id})::int` })
      .from(contributions)
      .innerJoin(contributionReports, and(eq(contributionReports.contributionId, contributions.id), isNull(contributionReports.resolvedAt)))
      .where(
        and(
          or(eq(contributions.status, "published"), and(eq(contributions.status, "hidden"), eq(contributions.reviewRequired, true))),
          ...notOwn(actor),
        ),
      ),
  ]);
  return { pending: pending[0]?.n ?? 0, reported: Number(reported[0]?.n ?? 0) };
}
