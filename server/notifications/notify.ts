import "server-only";
import { and, eq, inArray, isNull, notInArray } from "drizzle-orm";
import type { Db } from "@/db/client";
import { councilMemberships, notifications, users } from "@/db/schema";

export type NotificationKind = (typeof notifications.$inferInsert)["kind"];

export interface NotificationDraft {
  kind: NotificationKind;
  /** One plain-text sentence in French: shown in the list and in the email digest. */
  message: string;
  /** A path on this site. */
  link: string;
  contributionId?: number | null;
  councilId?: number | null;
}

/*
 * Notifications are rows written in the transaction of the change they announce: a decision that
 * rolls back announces nothing. Emails are not sent here: the digest (server/notifications/digest.ts)
 * mails what is unread, at most once a day per person — call requestDigests() after the commit.
 */

async function insertFor(tx: Db, userIds: number[], draft: NotificationDraft): Promise<number> {
  const unique = [...new Set(userIds)];
  if (unique.length === 0) return 0;
  if (!draft.link.startsWith("/") || draft.link.startsWith("//")) throw new Error(`Lien de notification hors du site : ${draft.link}`);
  await tx.insert(notifications).values(
    unique.map((userId) => ({
      userId,
      kind: draft.kind,
      message: draft.message,
      link: draft.link,
      contributionId: draft.contributionId ?? null,
      councilId: draft.councilId ?? null,
    })),
  );
  return unique.length;
}

/** Notifies the given people (deactivated accounts are skipped). Returns how many were notified. */
export async function notifyUsers(tx: Db, userIds: number[], draft: NotificationDraft): Promise<number> {
  if (userIds.length === 0) return 0;
  const active = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(isNull(users.deactivatedAt), inArray(users.id, userIds)));
  return insertFor(
    tx,
    active.map((u) => u.id),
    draft,
  );
}

/** Notifies every active member (and referent) of a council, except `exceptUserId` (the one who acted). */
export async function notifyCouncilMembers(tx: Db, councilId: number, draft: NotificationDraft, exceptUserId?: number): Promise<number> {
  const members = await tx
    .select({ id: users.id })
    .from(councilMemberships)
    .innerJoin(users, eq(users.id, councilMemberships.userId))
    .where(and(eq(councilMemberships.councilId, councilId), isNull(users.deactivatedAt)));
  return insertFor(
    tx,
    members.map((m) => m.id).filter((id) => id !== exceptUserId),
    { ...draft, councilId: draft.councilId ?? councilId },
  );
}

/**
 * Notifies the active moderators who may act on an item of `councilId`: moderators who belong to
 * that council are left out (they cannot moderate it, and it is not theirs to see in the queue).
 */
export async function notifyModerators(tx: Db, councilId: number, draft: NotificationDraft): Promise<number> {
  const insiders = tx.select({ id: councilMemberships.userId }).from(councilMemberships).where(eq(councilMemberships.councilId, councilId));
  const moderators = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.isModerator, true), isNull(users.deactivatedAt), notInArray(users.id, insiders)));
  return insertFor(
    tx,
    moderators.map((m) => m.id),
    draft,
  );
}
