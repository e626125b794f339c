import "server-only";
import { and, asc, eq, inArray, or, sql, type SQL } from "drizzle-orm";
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
import { yearsText } from "@/lib/personal-data";
import { can, type MaybeActor } from "@/lib/permissions";
import type { EraseOwnAccountData } from "@/lib/validation/account";
import type { UserEraseData } from "@/lib/validation/admin";
import { writeAudit } from "@/server/audit";
import { verifyPassword } from "@/server/auth/password";
import { accountKey, blockedUntil, recordFailure } from "@/server/auth/throttle";
import { activeReferents, lockMemberships } from "@/server/councils/memberships";
import { LAST_ADMIN_MESSAGE, lockActiveAdmins } from "@/server/users/shared";
import { ERASED_SIGNATURE, erasedEmail, erasedName, redactJson, redactKey, redactText, type Secret } from "./redact";

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
 * - The journal keeps every row; it names people by their id (the users row then reads
 *   « Personne supprimée n°<id> »), and the person's e-mail, name and title, where free text or an
 *   older row holds them, are replaced in details and reasons by the same words.
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
  return erase(db, { kind: "self", actorId: actor.id, userId: actor.id, reason: null });
}

/** An admin erases someone else's account on their request, with the reason in the journal. */
export async function eraseUserByAdmin(db: Db, actor: MaybeActor, data: UserEraseData): Promise<ActionResult<Erased>> {
  if (!actor) return unauthenticated();
  if (!can(actor, "user.erase")) return forbidden();
  if (!can(actor, "user.erase", { targetUserId: data.userId })) {
    return fail("FORBIDDEN", "Vous ne pouvez pas effacer votre propre compte d'ici : utilisez « Mes données » dans votre espace.");
  }
  return erase(db, { kind: "admin", actorId: actor.id, userId: data.userId, reason: data.reason });
}

export const EXPIRED_ACCOUNT_REASON = (years: number) =>
  `Compte désactivé depuis plus de ${yearsText(years)} : effacé à la fin de sa durée de conservation.`;

/**
 * The retention job (server/retention/) erases an account deactivated at or before `deactivatedBefore`,
 * exactly as if the person had asked: same rows deleted, same journal rewriting, « Ancien membre
 * du conseil … » on what they published. The date is checked again under the row's lock, so an
 * account reactivated by an admin in the meantime is left alone (CONFLICT, nothing written). A
 * deactivated referent never blocks it, even the last one of a council: a deactivated person no
 * longer runs a council (the same rule as an admin's erasure); the council's admins name another.
 * No actor: the journal says « le système », with the period in the reason.
 */
export async function eraseExpiredAccount(
  db: Db,
  { userId, deactivatedBefore, years }: { userId: number; deactivatedBefore: Date; years: number },
): Promise<ActionResult<Erased>> {
  return erase(db, { kind: "retention", actorId: null, userId, reason: EXPIRED_ACCOUNT_REASON(years), deactivatedBefore });
}

type Who =
  | { kind: "self" | "admin"; actorId: number; userId: number; reason: string | null }
  | { kind: "retention"; actorId: null; userId: number; reason: string; deactivatedBefore: Date };

const eraseAction: Record<Who["kind"], string> = { self: "account.erase", admin: "user.erase", retention: "retention.erase" };

async function erase(db: Db, who: Who): Promise<ActionResult<Erased>> {
  const self = who.kind === "self";
  return db.transaction(async (tx): Promise<ActionResult<Erased>> => {
    // Lock order as everywhere: the admins, then each council's memberships, then the row.
    const admins = await lockActiveAdmins(tx);
    if (who.kind === "admin" && !admins.includes(who.actorId)) return forbidden();
    const [user] = await tx.select().from(users).where(eq(users.id, who.userId)).for("update");
    if (!user || user.erasedAt) return self ? unauthenticated() : notFound("Personne");
    if (who.kind === "retention" && (user.deactivatedAt === null || user.deactivatedAt > who.deactivatedBefore)) {
      return fail("CONFLICT", "Ce compte a été réactivé : il n'est pas effacé.");
    }
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
      if (user.deactivatedAt === null && referents.length <= 1) return fail("LAST_REFERENT", lastReferentMessage(m.name, self));
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
    const invited = await tx
      .delete(invitations)
      .where(or(sql`lower(${invitations.email}) = ${user.email.toLowerCase()}`, eq(invitations.acceptedUserId, user.id)))
      .returning({ id: invitations.id });
    await tx.delete(contributionComments).where(eq(contributionComments.authorId, user.id));
    await tx.delete(contributions).where(and(eq(contributions.authorId, user.id), eq(contributions.status, "draft")));
    await tx
      .update(contributionAnswers)
      .set({ signatureName: ERASED_SIGNATURE, signatureTitle: null })
      .where(eq(contributionAnswers.authorId, user.id));

    // Journal rows and frozen decks that name the person. Rows written since issue 14 hold ids,
    // never an e-mail or a name, but free text (reasons) may, and older rows did (an invitation's
    // e-mail): only the rows whose text contains one of the strings are read — plus the rows about
    // the person's account or invitations, whose details may hold their title (a role change, a
    // staff invitation), which alone is no name but said with the rest is theirs.
    const mentions = (column: SQL) => or(...secrets.map((s) => sql`strpos(lower(${column}), ${s.text.toLowerCase()}) > 0`))!;
    const aboutThem = or(
      and(eq(auditLog.targetType, "user"), eq(auditLog.targetId, String(user.id))),
      invited.length > 0
        ? and(
            eq(auditLog.targetType, "invitation"),
            inArray(
              auditLog.targetId,
              invited.map((i) => String(i.id)),
            ),
          )
        : undefined,
    )!;
    const journalRows = await tx
      .select({ id: auditLog.id, details: auditLog.details, reason: auditLog.reason, aboutThem: sql<boolean>`${aboutThem}` })
      .from(auditLog)
      .where(or(mentions(sql`${auditLog.details}::text`), mentions(sql`coalesce(${auditLog.reason}, '')`), aboutThem));
    let journalRowsRewritten = 0;
    for (const row of journalRows) {
      const titleToo: Secret[] =
        user.title && (row.aboutThem || JSON.stringify(row.details).toLowerCase().includes(user.email.toLowerCase()))
          ? [{ text: user.title, kind: "name" }]
          : [];
      const redacted = redactJson(row.details, [...secrets, ...titleToo], label);
      const details = row.aboutThem ? redactKey(redacted, "title", label) : redacted;
      const reason = row.reason === null ? null : redactText(row.reason, secrets, label);
      if (JSON.stringify(details) === JSON.stringify(row.details) && reason === row.reason) continue;
      await tx.update(auditLog).set({ details, reason }).where(eq(auditLog.id, row.id));
      journalRowsRewritten++;
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
      action: eraseAction[who.kind],
      targetType: "user",
      targetId: user.id,
      reason: who.reason,
      details: { councils: memberships.map((m) => m.councilId), journalRowsRewritten, decksRewritten: decks.length },
    });
    return ok(
      { userId: user.id },
      self ? "Votre compte est supprimé." : "Le compte est effacé : ses données personnelles ont été supprimées.",
    );
  });
}
