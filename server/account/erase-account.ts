import "server-only";
import { and, asc, eq, or, sql, type SQL } from "drizzle-orm";
import type { Db } from "@/db/client";
import {
  actionOfficials,
  auditLog,
  contributionAnswers,
  contributionComments,
  contributions,
  councilMemberships,
  councils,
  invitations,
  meetingSnapshots,
  notificationPreferences,
  notifications,
  passwordResetTokens,
  revokedSessions,
  signInThrottles,
  users,
} from "@/db/schema";
import { fail, forbidden, notFound, ok, unauthenticated, type ActionResult } from "@/lib/action-result";
import { can, type MaybeActor } from "@/lib/permissions";
import type { EraseOwnAccountData } from "@/lib/validation/account";
import type { UserEraseData } from "@/lib/validation/admin";
import { writeAudit } from "@/server/audit";
import { verifyPassword } from "@/server/auth/password";
import { accountKey, blockedUntil, recordFailure } from "@/server/auth/throttle";
import { activeReferents, lockMemberships } from "@/server/councils/memberships";
import { LAST_ADMIN_MESSAGE, lockActiveAdmins } from "@/server/users/shared";
import { ERASED_SIGNATURE, erasedEmail, erasedName, redactJson, redactText, type Secret } from "./redact";

/*
 * Erasure of an account (RGPD art. 17), by the person (« Mes données ») or by an admin on their
 * request. The users row stays, emptied: published contributions and journal rows keep pointing
 * at it, and the public pages show « Ancien membre du conseil … » from `erased_at`
 * (server/plan/author-name.ts). Everything happens in one transaction, after the checks that can
 * refuse (last referent of a council, last active admin), so a refusal writes nothing.
 *
 * What goes, and why:
 * - e-mail, name, title, password hash, roles: the account itself;
 * - memberships, notifications (with those not mailed yet: the digest reads them, there is no
 *   other mail queue), notification preferences, reset tokens, revoked-session rows, throttle
 *   row of the e-mail, invitations sent to the e-mail, the fiches an official was in charge of;
 * - their drafts and their comments: never public, never submitted by the council, the person's
 *   own unfinished words (others' comments on those drafts go with them);
 * - kept, author anonymised: what the council submitted (pending, published, rejected, hidden)
 *   — it is the council's, moderators may still decide on it — and their reports and supports
 *   (a moderation decision or a council's support rests on them).
 * - The journal keeps every row; the person's e-mail, name and title are replaced in details
 *   and reasons by « personne supprimée n°<id> », and the users row reads the same.
 * - Frozen decks and answer signatures of staff: the name becomes « La Ville ».
 */

export const lastReferentMessage = (council: string, self: boolean) =>
  self
    ? `Vous êtes la dernière personne référente du conseil « ${council} » : nommez d'abord une autre personne référente, puis recommencez.`
    : `Cette personne est la dernière personne référente du conseil « ${council} » : nommez d'abord une autre personne référente, puis recommencez.`;

export const WRONG_PASSWORD_MESSAGE = "Mot de passe incorrect : votre compte n'a pas été supprimé.";

interface Erased {
  userId: number;
}

/** The person erases their own account: password typed again, box ticked. */
export async function eraseOwnAccount(db: Db, actor: MaybeActor, data: EraseOwnAccountData): Promise<ActionResult<Erased>> {
  if (!actor) return unauthenticated();
  if (!can(actor, "account.erase", { targetUserId: actor.id })) return forbidden();
  const [row] = await db.select({ email: users.email, passwordHash: users.passwordHash }).from(users).where(eq(users.id, actor.id));
  if (!row) return unauthenticated();
  // The same throttle as the sign-in, on the account: an open session does not give unlimited guesses.
  const key = accountKey(row.email);
  if (await blockedUntil(db, [key]))
    return fail("RATE_LIMITED", "Trop d'essais de mot de passe : attendez quelques minutes, puis réessayez.");
  if (!(await verifyPassword(row.passwordHash, data.password))) {
    await recordFailure(db, [key]);
    return fail("SIGN_IN_FAILED", WRONG_PASSWORD_MESSAGE, { password: ["Mot de passe incorrect."] });
  }
  return erase(db, { actorId: actor.id, userId: actor.id, self: true, reason: null });
}

/** An admin erases someone else's account on their request, with the reason in the journal. */
export async function eraseUserByAdmin(db: Db, actor: MaybeActor, data: UserEraseData): Promise<ActionResult<Erased>> {
  if (!actor) return unauthenticated();
  if (!can(actor, "user.erase")) return forbidden();
  if (!can(actor, "user.erase", { targetUserId: data.userId })) {
    return fail("FORBIDDEN", "Vous ne pouvez pas effacer votre propre compte d'ici : utilisez « Mes données » dans votre espace.");
  }
  return erase(db, { actorId: actor.id, userId: data.userId, self: false, reason: data.reason });
}

async function erase(
  db: Db,
  who: { actorId: number; userId: number; self: boolean; reason: string | null },
): Promise<ActionResult<Erased>> {
  return db.transaction(async (tx): Promise<ActionResult<Erased>> => {
    // Lock order as everywhere: the admins, then each council's memberships, then the row.
    const admins = await lockActiveAdmins(tx);
    if (!who.self && !admins.includes(who.actorId)) return forbidden();
    const [user] = await tx.select().from(users).where(eq(users.id, who.userId)).for("update");
    if (!user || user.erasedAt) return who.self ? unauthenticated() : notFound("Personne");
    if (admins.includes(user.id) && admins.length <= 1) return fail("CONFLICT", LAST_ADMIN_MESSAGE);

    const memberships = await tx
      .select({ councilId: councilMemberships.councilId, role: councilMemberships.role, name: councils.name })
      .from(councilMemberships)
      .innerJoin(councils, eq(councils.id, councilMemberships.councilId))
      .where(eq(councilMemberships.userId, user.id))
      .orderBy(asc(councilMemberships.councilId));
    for (const m of memberships.filter((m) => m.role === "referent")) {
      const referents = activeReferents(await lockMemberships(tx, m.councilId));
      // A deactivated referent does not keep a council running (nor block its erasure).
      if (user.deactivatedAt === null && referents.length <= 1) return fail("LAST_REFERENT", lastReferentMessage(m.name, who.self));
    }

    const label = erasedName(user.id);
    const secrets: Secret[] = [
      { text: user.email, kind: "email" },
      ...(user.title ? [{ text: `${user.displayName}, ${user.title}`, kind: "name" as const }] : []),
      { text: user.displayName, kind: "name" },
    ];

    await tx.delete(councilMemberships).where(eq(councilMemberships.userId, user.id));
    await tx.delete(actionOfficials).where(eq(actionOfficials.userId, user.id));
    await tx.delete(notifications).where(eq(notifications.userId, user.id));
    await tx.delete(notificationPreferences).where(eq(notificationPreferences.userId, user.id));
    await tx.delete(passwordResetTokens).where(eq(passwordResetTokens.userId, user.id));
    await tx.delete(revokedSessions).where(eq(revokedSessions.userId, user.id));
    await tx.delete(signInThrottles).where(eq(signInThrottles.key, accountKey(user.email)));
    await tx
      .delete(invitations)
      .where(or(sql`lower(${invitations.email}) = ${user.email.toLowerCase()}`, eq(invitations.acceptedUserId, user.id)));
    await tx.delete(contributionComments).where(eq(contributionComments.authorId, user.id));
    await tx.delete(contributions).where(and(eq(contributions.authorId, user.id), eq(contributions.status, "draft")));
    await tx
      .update(contributionAnswers)
      .set({ signatureName: ERASED_SIGNATURE, signatureTitle: null })
      .where(eq(contributionAnswers.authorId, user.id));

    // Journal rows and frozen decks that name the person (their e-mail in an invitation's row,
    // a signature in a deck): only the rows whose text contains one of the strings are read.
    const mentions = (column: SQL) => or(...secrets.map((s) => sql`strpos(lower(${column}), ${s.text.toLowerCase()}) > 0`))!;
    const journalRows = await tx
      .select({ id: auditLog.id, details: auditLog.details, reason: auditLog.reason })
      .from(auditLog)
      .where(or(mentions(sql`${auditLog.details}::text`), mentions(sql`coalesce(${auditLog.reason}, '')`)));
    for (const row of journalRows) {
      const titleToo: Secret[] =
        user.title && JSON.stringify(row.details).toLowerCase().includes(user.email.toLowerCase())
          ? [{ text: user.title, kind: "name" }]
          : [];
      await tx
        .update(auditLog)
        .set({
          details: redactJson(row.details, [...secrets, ...titleToo], label),
          reason: row.reason === null ? null : redactText(row.reason, secrets, label),
        })
        .where(eq(auditLog.id, row.id));
    }
    const decks = await tx
      .select({ meetingId: meetingSnapshots.meetingId, data: meetingSnapshots.data })
      .from(meetingSnapshots)
      .where(mentions(sql`${meetingSnapshots.data}::text`));
    for (const deck of decks) {
      await tx
        .update(meetingSnapshots)
        .set({ data: redactJson(deck.data, secrets, ERASED_SIGNATURE) })
        .where(eq(meetingSnapshots.meetingId, deck.meetingId));
    }

    await tx
      .update(users)
      .set({
        email: erasedEmail(user.id),
        displayName: label,
        title: null,
        // Not a hash: no password ever verifies against it (verifyPassword answers false).
        passwordHash: "",
        isModerator: false,
        isOfficial: false,
        isAdmin: false,
        // Signed out everywhere: every session token carries the old version.
        sessionVersion: sql`${users.sessionVersion} + 1`,
        deactivatedAt: user.deactivatedAt ?? sql`now()`,
        erasedAt: sql`now()`,
        lastSignInAt: null,
        lastDigestAt: null,
      })
      .where(eq(users.id, user.id));
    await writeAudit(tx, {
      actorUserId: who.actorId,
      action: who.self ? "account.erase" : "user.erase",
      targetType: "user",
      targetId: user.id,
      reason: who.reason,
      details: { councils: memberships.map((m) => m.councilId), journalRowsRewritten: journalRows.length, decksRewritten: decks.length },
    });
    return ok(
      { userId: user.id },
      who.self ? "Votre compte est supprimé." : "Le compte est effacé : ses données personnelles ont été supprimées.",
    );
  });
}
