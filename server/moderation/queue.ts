import "server-only";
import { and, asc, count, eq, notInArray, sql, type SQL } from "drizzle-orm";
import type { Db } from "@/db/client";
import { actions, contributions, councils, users } from "@/db/schema";
import { forbidden, ok, unauthenticated, type ActionResult } from "@/lib/action-result";
import { can, type Actor, type MaybeActor } from "@/lib/permissions";
import type { ModerationFilters } from "@/lib/validation/moderation-filters";
import { itemColumns, toItem } from "./item";

/** The filters of the moderation lists, read from the address by lib/validation/moderation-filters.ts. */
export type QueueFilters = ModerationFilters;

export interface QueueItem {
  id: number;
  kind: "feedback" | "proposal";
  position: "favorable" | "favorable_with_reservations" | "unfavorable" | null;
  title: string | null;
  body: string;
  council: { id: number; name: string };
  action: { slug: string; title: string };
  authorName: string | null;
  receivedVia: "paper" | "mail" | "meeting" | null;
  receivedOn: string | null;
  hasScan: boolean;
  /** Who submitted it: for one received outside the site, the moderator who recorded it. */
  submittedBy: string | null;
  submittedAt: Date;
  /** Last edit by the council while pending (null if never edited). */
  editedAt: Date | null;
  /** Whole hours since submission. */
  ageHours: number;
}

/** The items of one page of the queue: bounded whatever the number waiting (10,000 pending drew 3.86 MB). */
export const QUEUE_PAGE_SIZE = 25;

export interface ModerationQueue {
  /** At most QUEUE_PAGE_SIZE, oldest submitted first. */
  items: QueueItem[];
  /** How many pending items match the filters, in all. */
  total: number;
  /** The id to continue after (`?apres=`), when more items follow. */
  nextAfter: number | null;
  /** For the filters: councils and fiches the moderator may moderate. */
  councils: { id: number; name: string }[];
  actions: { slug: string; title: string }[];
}

/**
 * The rows of a moderation list (the queue, the published tab): those in `status`, never of a
 * council the moderator belongs to, narrowed by the filters. Joins `actions` (the fiche filter).
 */
export function moderationListWhere(actor: Actor, status: "pending" | "published", filters: QueueFilters): SQL | undefined {
  const own = [...actor.councils.keys()];
  const conditions: SQL[] = [eq(contributions.status, status)];
  if (own.length > 0) conditions.push(notInArray(contributions.councilId, own));
  if (filters.councilId) conditions.push(eq(contributions.councilId, filters.councilId));
  if (filters.actionSlug) conditions.push(eq(actions.slug, filters.actionSlug));
  if (filters.kind) conditions.push(eq(contributions.kind, filters.kind));
  return and(...conditions);
}

/** The filter form's choices: the councils the moderator may act on, and every fiche. */
export function moderationFilterChoices(db: Db, actor: Actor) {
  const own = [...actor.councils.keys()];
  return Promise.all([
    db
      .select({ id: councils.id, name: councils.name })
      .from(councils)
      .where(own.length > 0 ? notInArray(councils.id, own) : undefined)
      .orderBy(asc(councils.name)),
    db.select({ slug: actions.slug, title: actions.title }).from(actions).orderBy(asc(actions.title)),
  ]);
}

/**
 * The pending items a moderator may decide, oldest first, with their age, one page at a time:
 * those strictly after the item `after` (keyset on submitted_at, id), and how many match the
 * filters in all. Never lists items of a council the moderator belongs to. Four queries, whatever
 * the number waiting.
 */
export async function listPendingQueue(
  db: Db,
  actor: MaybeActor,
  filters: QueueFilters = {},
  page: { after?: number | null } = {},
  now = new Date(),
): Promise<ActionResult<ModerationQueue>> {
  if (!actor) return unauthenticated();
  if (!can(actor, "moderation.view")) return forbidden();
  const where = moderationListWhere(actor, "pending", filters);
  // The cursor row may have been decided since: its (submitted_at, id) still marks the place.
  const after = page.after
    ? sql`(${contributions.submittedAt}, ${contributions.id}) > (select c.submitted_at, c.id from contributions c where c.id = ${page.after})`
    : undefined;

  const [rows, [totalRow], [councilRows, actionRows]] = await Promise.all([
    db
      .select({
        ...itemColumns,
        submittedAt: contributions.submittedAt,
        editedAt: contributions.editedAt,
        submittedBy: sql<string | null>`(select u.display_name from ${users} u where u.id = ${contributions.submittedById})`,
      })
      .from(contributions)
      .innerJoin(councils, eq(councils.id, contributions.councilId))
      .innerJoin(actions, eq(actions.id, contributions.actionId))
      .leftJoin(users, eq(users.id, contributions.authorId))
      .where(and(where, after))
      .orderBy(asc(contributions.submittedAt), asc(contributions.id))
      .limit(QUEUE_PAGE_SIZE + 1),
    db.select({ n: count() }).from(contributions).innerJoin(actions, eq(actions.id, contributions.actionId)).where(where),
    moderationFilterChoices(db, actor),
  ]);
  const shown = rows.slice(0, QUEUE_PAGE_SIZE);
  return ok({
    total: totalRow?.n ?? 0,
    nextAfter: rows.length > QUEUE_PAGE_SIZE ? (shown.at(-1)?.id ?? null) : null,
    items: shown.map((r) => {
      const submittedAt = r.submittedAt ?? now;
      return {
        ...toItem(r),
        submittedAt,
        ageHours: Math.max(0, Math.floor((now.getTime() - submittedAt.getTime()) / 3_600_000)),
      };
    }),
    councils: councilRows,
    actions: actionRows,
  });
}
