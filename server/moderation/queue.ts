import "server-only";
import { and, asc, eq, notInArray, type SQL } from "drizzle-orm";
import type { Db } from "@/db/client";
import { actions, contributions, councils, users } from "@/db/schema";
import { forbidden, ok, unauthenticated, type ActionResult } from "@/lib/action-result";
import { can, type MaybeActor } from "@/lib/permissions";
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
  submittedAt: Date;
  /** Last edit by the council while pending (null if never edited). */
  editedAt: Date | null;
  /** Whole hours since submission. */
  ageHours: number;
}

export interface ModerationQueue {
  items: QueueItem[];
  /** For the filters: councils and fiches the moderator may moderate. */
  councils: { id: number; name: string }[];
  actions: { slug: string; title: string }[];
}

/**
 * The pending items a moderator may decide, oldest first, with their age. Never lists items of a
 * council the moderator belongs to. Three queries.
 */
export async function listPendingQueue(
  db: Db,
  actor: MaybeActor,
  filters: QueueFilters = {},
  now = new Date(),
): Promise<ActionResult<ModerationQueue>> {
  if (!actor) return unauthenticated();
  if (!can(actor, "moderation.view")) return forbidden();
  const own = [...actor.councils.keys()];
  const conditions: SQL[] = [eq(contributions.status, "pending")];
  if (own.length > 0) conditions.push(notInArray(contributions.councilId, own));
  if (filters.councilId) conditions.push(eq(contributions.councilId, filters.councilId));
  if (filters.actionSlug) conditions.push(eq(actions.slug, filters.actionSlug));
  if (filters.kind) conditions.push(eq(contributions.kind, filters.kind));

  const [rows, councilRows, actionRows] = await Promise.all([
    db
      .select({ ...itemColumns, submittedAt: contributions.submittedAt, editedAt: contributions.editedAt })
      .from(contributions)
      .innerJoin(councils, eq(councils.id, contributions.councilId))
      .innerJoin(actions, eq(actions.id, contributions.actionId))
      .leftJoin(users, eq(users.id, contributions.authorId))
      .where(and(...conditions))
      .orderBy(asc(contributions.submittedAt), asc(contributions.id))
      .limit(500),
    db
      .select({ id: councils.id, name: councils.name })
      .from(councils)
      .where(own.length > 0 ? notInArray(councils.id, own) : undefined)
      .orderBy(asc(councils.name)),
    db.select({ slug: actions.slug, title: actions.title }).from(actions).orderBy(asc(actions.title)),
  ]);
  return ok({
    items: rows.map((r) => {
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
