import "server-only";
import { and, count, desc, eq, isNull, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { notifications } from "@/db/schema";
import { notFound, ok, unauthenticated, type ActionResult } from "@/lib/action-result";
import type { MaybeActor } from "@/lib/permissions";
import { pageNumber } from "@/lib/validation/fields";
import { isLocalPath } from "@/lib/safe-redirect";
import { upgradeContributionLink } from "@/server/plan/locate-contribution";

/*
 * A person's own notifications: the list (newest first, 20 a page), opening one (marks it read,
 * then goes to its link) and « tout marquer comme lu ». Nobody reads or marks anyone else's.
 */
export const NOTIFICATIONS_PAGE_SIZE = 20;

export interface NotificationRow {
  id: number;
  kind: (typeof notifications.$inferSelect)["kind"];
  message: string;
  createdAt: Date;
  read: boolean;
}

export interface NotificationPage {
  rows: NotificationRow[];
  page: number;
  pageCount: number;
  total: number;
  unread: number;
}

/** The `page` of the address: anything odd is page 1. */
const pageSchema = pageNumber();

/** One page of my notifications, newest first. Three queries. */
export async function listMyNotifications(
  db: Db,
  actor: MaybeActor,
  input: { page?: unknown } = {},
): Promise<ActionResult<NotificationPage>> {
  if (!actor) return unauthenticated();
  const mine = eq(notifications.userId, actor.id);
  const [[totals], [unreadRow]] = await Promise.all([
    db.select({ n: count() }).from(notifications).where(mine),
    db
      .select({ n: count() })
      .from(notifications)
      .where(and(mine, isNull(notifications.readAt))),
  ]);
  const total = totals?.n ?? 0;
  const pageCount = Math.max(1, Math.ceil(total / NOTIFICATIONS_PAGE_SIZE));
  const page = Math.min(pageSchema.parse(input.page), pageCount);
  const rows = await db
    .select({
      id: notifications.id,
      kind: notifications.kind,
      message: notifications.message,
      createdAt: notifications.createdAt,
      read: sql<boolean>`${notifications.readAt} is not null`,
    })
    .from(notifications)
    .where(mine)
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(NOTIFICATIONS_PAGE_SIZE)
    .offset((page - 1) * NOTIFICATIONS_PAGE_SIZE);
  return ok({ rows, page, pageCount, total, unread: unreadRow?.n ?? 0 });
}

/** A link is always a path on this site; anything else (never written, but never trusted) goes to the list. */
export function safeNotificationLink(link: string): string {
  return isLocalPath(link, new URL("http://site.invalid")) ? link : "/espace/notifications";
}

/** Opens one of my notifications: marks it read and returns where it leads. Someone else's is « not found ». */
export async function openNotification(db: Db, actor: MaybeActor, id: unknown): Promise<ActionResult<{ link: string }>> {
  if (!actor) return unauthenticated();
  const n = Number(id);
  if (!Number.isInteger(n) || n <= 0 || n > 2_147_483_647) return notFound("Notification");
  const mine = and(eq(notifications.id, n), eq(notifications.userId, actor.id));
  const [row] = await db
    .update(notifications)
    .set({ readAt: sql`coalesce(${notifications.readAt}, now())` })
    .where(mine)
    .returning({ link: notifications.link });
  if (!row) return notFound("Notification");
  return ok({ link: safeNotificationLink(upgradeContributionLink(row.link)) });
}

/** Marks all my notifications read. Returns how many were unread. */
export async function markAllNotificationsRead(db: Db, actor: MaybeActor): Promise<ActionResult<{ marked: number }>> {
  if (!actor) return unauthenticated();
  const rows = await db
    .update(notifications)
    .set({ readAt: sql`now()` })
    .where(and(eq(notifications.userId, actor.id), isNull(notifications.readAt)))
    .returning({ id: notifications.id });
  return ok(
    { marked: rows.length },
    rows.length === 0 ? "Toutes vos notifications étaient déjà lues." : "Toutes vos notifications sont marquées comme lues.",
  );
}
