import "server-only";
import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { notificationPreferences, notifications } from "@/db/schema";
import { ok, unauthenticated, type ActionResult } from "@/lib/action-result";
import type { Actor, MaybeActor } from "@/lib/permissions";
import {
  memberNotificationKinds,
  moderatorNotificationKinds,
  type NotificationKindName,
  type NotificationPreferencesData,
} from "@/lib/validation/settings";
import type { NotificationKind } from "./notify";

// The kinds listed for the forms (lib/validation/settings.ts) are exactly the database enum's.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const kindsMatchTheSchema: Same<NotificationKindName, NotificationKind> = true;
void kindsMatchTheSchema;

/*
 * Email per kind of notification, for oneself only. No row means « email on ». Not journaled:
 * a person's own mail preferences are not an act on the platform (decision, issue 4).
 */

/** The kinds this person can receive: a council member's, a moderator's, or both. */
export function relevantKinds(actor: Pick<Actor, "isModerator" | "councils">): NotificationKindName[] {
  return [...(actor.councils.size > 0 ? memberNotificationKinds : []), ...(actor.isModerator ? moderatorNotificationKinds : [])];
}

export interface NotificationPreference {
  kind: NotificationKindName;
  email: boolean;
}

export async function getNotificationPreferences(db: Db, actor: MaybeActor): Promise<ActionResult<NotificationPreference[]>> {
  if (!actor) return unauthenticated();
  const kinds = relevantKinds(actor);
  const rows = await db
    .select({ kind: notificationPreferences.kind, email: notificationPreferences.email })
    .from(notificationPreferences)
    .where(eq(notificationPreferences.userId, actor.id));
  const stored = new Map(rows.map((r) => [r.kind, r.email]));
  return ok(kinds.map((kind) => ({ kind, email: stored.get(kind) ?? true })));
}

/**
 * Saves my email choices: the kinds listed get mail, the other kinds relevant to me do not.
 * A kind turned back on mails only what comes next: its notifications written while it was off
 * are settled (emailed_at) in the same transaction, so they are never mailed.
 */
export async function setNotificationPreferences(
  db: Db,
  actor: MaybeActor,
  input: NotificationPreferencesData,
): Promise<ActionResult<NotificationPreference[]>> {
  if (!actor) return unauthenticated();
  const wanted = new Set(input.email);
  const choices = relevantKinds(actor).map((kind) => ({ kind, email: wanted.has(kind) }));
  if (choices.length === 0) return ok([], "Vous ne recevez aucune notification pour l'instant : rien à régler.");

  await db.transaction(async (tx) => {
    const before = await tx
      .select({ kind: notificationPreferences.kind, email: notificationPreferences.email })
      .from(notificationPreferences)
      .where(eq(notificationPreferences.userId, actor.id))
      .for("update");
    const wasOff = new Set(before.filter((r) => !r.email).map((r) => r.kind));
    const turnedOn = choices.filter((c) => c.email && wasOff.has(c.kind)).map((c) => c.kind);
    await tx
      .insert(notificationPreferences)
      .values(choices.map((c) => ({ userId: actor.id, kind: c.kind, email: c.email })))
      .onConflictDoUpdate({ target: [notificationPreferences.userId, notificationPreferences.kind], set: { email: sql`excluded.email` } });
    if (turnedOn.length > 0) {
      await tx
        .update(notifications)
        .set({ emailedAt: sql`now()` })
        .where(and(eq(notifications.userId, actor.id), inArray(notifications.kind, turnedOn), isNull(notifications.emailedAt)));
    }
  });
  return ok(choices, "Vos choix de courriels sont enregistrés.");
}
