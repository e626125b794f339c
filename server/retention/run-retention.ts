import "server-only";
import { and, asc, isNull, lte, or } from "drizzle-orm";
import type { Db } from "@/db/client";
import { invitations, notifications, passwordResetTokens, retentionRuns, revokedSessions, signInThrottles, users } from "@/db/schema";
import { cityDay } from "@/lib/dates";
import { retentionKinds, retentionRules, type RetentionKind } from "@/lib/personal-data";
import { eraseExpiredAccount } from "@/server/account/erase-account";
import { writeAudit } from "@/server/audit";
import { getPrivacySettings } from "@/server/settings/platform-settings";
import { countDeleted } from "./count-deleted";

export interface RetentionRun {
  /** The City's calendar day the run is for (its claim). */
  day: string;
  /** False when another run (another process, an earlier tick) already had this day. */
  ran: boolean;
  /** Rows deleted (accounts erased) by kind; null when the run did not happen. */
  purged: Record<RetentionKind, number> | null;
}

/**
 * The daily retention run: applies every period of lib/personal-data.ts at `now` — throttle rows
 * after their quiet day, spent invitations and reset links after 30 days, read notifications
 * after a year, revoked sessions once expired, accounts deactivated longer than the admin's
 * period (default 3 years) erased as by the erasure of issue 14 — at most once per calendar day
 * of the City, whatever the number of app processes.
 *
 * One transaction: the claim (the day's retention_runs row), the deletes, the erasures (each in
 * a savepoint, with its own journal row) and one `retention.purge` journal row with the counts.
 * A second process inserting the same day waits on the first one's row, then finds it taken and
 * does nothing; if the run fails, everything is undone, the claim included, and the next tick
 * tries again.
 *
 * Outside a request (the server's timer, `npm run db:retention`) the public pages cannot be
 * refreshed: a page naming an account erased here shows « Ancien membre du conseil … » after its
 * hourly revalidation (docs/decisions/0017-retention.md).
 */
export async function runRetention(db: Db, now: Date = new Date()): Promise<RetentionRun> {
  const day = cityDay(now);
  return db.transaction(async (tx): Promise<RetentionRun> => {
    const claimed = await tx.insert(retentionRuns).values({ day, ranAt: now }).onConflictDoNothing().returning({ day: retentionRuns.day });
    if (claimed.length === 0) return { day, ran: false, purged: null };

    const { deactivatedAccountYears } = await getPrivacySettings(tx);
    const settings = { deactivatedAccountYears };
    const cutoff = <K extends RetentionKind>(kind: K) => retentionRules[kind].cutoff(now, settings);
    const spentLinks = cutoff("invitations");
    const purged = Object.fromEntries(retentionKinds.map((k) => [k, 0])) as Record<RetentionKind, number>;

    purged.signInThrottles = await countDeleted(tx, signInThrottles, lte(signInThrottles.lastFailureAt, cutoff("signInThrottles")));
    purged.invitations = await countDeleted(
      tx,
      invitations,
      or(lte(invitations.acceptedAt, spentLinks), lte(invitations.revokedAt, spentLinks), lte(invitations.expiresAt, spentLinks))!,
    );
    const spentResets = cutoff("passwordResetTokens");
    purged.passwordResetTokens = await countDeleted(
      tx,
      passwordResetTokens,
      or(lte(passwordResetTokens.usedAt, spentResets), lte(passwordResetTokens.expiresAt, spentResets))!,
    );
    purged.readNotifications = await countDeleted(tx, notifications, lte(notifications.readAt, cutoff("readNotifications")));
    purged.revokedSessions = await countDeleted(tx, revokedSessions, lte(revokedSessions.expiresAt, cutoff("revokedSessions")));

    const deactivatedBefore = cutoff("deactivatedAccounts");
    const expired = await tx
      .select({ id: users.id })
      .from(users)
      .where(and(isNull(users.erasedAt), lte(users.deactivatedAt, deactivatedBefore)))
      .orderBy(asc(users.id));
    for (const { id } of expired) {
      // Refused only if reactivated in the meantime (checked under the row's lock): then it stays.
      const erased = await eraseExpiredAccount(tx, { userId: id, deactivatedBefore, years: deactivatedAccountYears });
      if (erased.ok) purged.deactivatedAccounts++;
    }

    await writeAudit(tx, {
      actorUserId: null,
      action: "retention.purge",
      targetType: "retention",
      details: { day, purged, deactivatedAccountYears },
    });
    return { day, ran: true, purged };
  });
}
