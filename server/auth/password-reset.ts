import "server-only";
import { type MailIdentity, siteNameOf } from "@/lib/city-identity";
import { getCityIdentity } from "@/server/settings/platform-settings";
import { and, count, eq, gt, inArray, isNull, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { passwordResetTokens, signInThrottles, users } from "@/db/schema";
import { fail, invalidInput, ok, type ActionResult } from "@/lib/action-result";
import { siteOrigin } from "@/lib/env";
import { resetTokenSchema, type PasswordResetData, type PasswordResetRequestData } from "@/lib/validation/auth";
import { writeAudit } from "@/server/audit";
import { sendMail, type OutgoingMail } from "@/server/mail/send";
import { isCommonPasswordHere } from "./common-passwords";
import { hashPassword } from "./password";
import { accountKey } from "./throttle";
import { hashToken, newToken } from "./tokens";

/*
 * Password reset by a one-time emailed link: valid 1 hour, single use, only its hash stored.
 * The request answers the same thing, after the same work, whether the address has an account or
 * not; a successful reset signs the account out everywhere and is written to the journal.
 */

export const RESET_LINK_VALID_HOURS = 1;
/**
 * Once an account has this many unused links from the last hour, further requests send no more
 * mail (same answer): nobody can flood someone's mailbox. Links that were used do not count.
 */
export const MAX_RESET_REQUESTS_PER_HOUR = 5;

export const RESET_REQUESTED_MESSAGE =
  "Si un compte correspond à cette adresse, un courriel vient d'y être envoyé avec un lien pour choisir un nouveau mot de passe. Ce lien est valable 1 heure. Pensez à regarder dans les courriers indésirables.";
export const RESET_LINK_INVALID_MESSAGE =
  "Ce lien n'est plus valable : il a déjà servi, ou il a expiré (il est valable 1 heure). Demandez un nouveau lien.";
export const COMMON_PASSWORD_MESSAGE = "Ce mot de passe est trop courant : choisissez-en un autre.";
export const PASSWORD_CHANGED_MESSAGE = "Votre mot de passe a été changé. Vous pouvez vous connecter avec le nouveau.";

export interface ResetRequestOptions {
  /** Sends one mail. Default: server/mail/send.ts (SMTP, or the development mailbox). */
  send?: (mail: OutgoingMail) => Promise<void>;
  /**
   * Runs the sending. The app passes next/server's `after()`, so the answer never waits for the
   * SMTP server — a slow answer would tell that the address has an account. Default: awaited.
   */
  schedule?: (task: () => Promise<void>) => unknown;
  /** Origin of the links in the mail. Default: NEXTAUTH_URL. */
  baseUrl?: string;
}

export function resetLink(origin: string, token: string): string {
  return `${origin}/mot-de-passe/nouveau/${token}`;
}

/** `identity`: the City's names, from the settings. */
export function resetMail(to: string, link: string, identity: MailIdentity): OutgoingMail {
  return {
    to,
    subject: `Choisir un nouveau mot de passe — ${siteNameOf(identity)}`,
    text: [
      "Bonjour,",
      "",
      `Une demande de nouveau mot de passe a été faite pour votre compte sur la plateforme « ${siteNameOf(identity)} ».`,
      "",
      `Pour choisir un nouveau mot de passe, ouvrez ce lien (valable ${RESET_LINK_VALID_HOURS} heure, une seule fois) :`,
      link,
      "",
      "Si vous n'avez rien demandé, ignorez ce courriel : votre mot de passe actuel reste valable.",
      "",
      `${identity.cityName} — ${identity.serviceName}`,
    ].join("\n"),
  };
}

/**
 * « Mot de passe oublié »: the same answer whether the address belongs to an active account or
 * not, and the answer does not wait for any work that depends on it — the look-up, the token
 * (hash only, 1 hour, not beyond MAX_RESET_REQUESTS_PER_HOUR unused links an hour) and the mail
 * all run in `schedule` (the app passes `after()`: once the answer is sent).
 */
export async function requestPasswordReset(
  db: Db,
  { email }: PasswordResetRequestData,
  options: ResetRequestOptions = {},
): Promise<ActionResult> {
  const send = options.send ?? sendMail;
  const baseUrl = options.baseUrl ?? siteOrigin();
  const work = async () => {
    const [user] = await db
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.email, email), isNull(users.deactivatedAt)));
    if (!user) return;
    const [recent] = await db
      .select({ n: count() })
      .from(passwordResetTokens)
      .where(
        and(
          eq(passwordResetTokens.userId, user.id),
          isNull(passwordResetTokens.usedAt),
          gt(passwordResetTokens.createdAt, sql`now() - interval '1 hour'`),
        ),
      );
    if ((recent?.n ?? 0) >= MAX_RESET_REQUESTS_PER_HOUR) return;
    const { token, tokenHash } = newToken();
    await db.insert(passwordResetTokens).values({
      tokenHash,
      userId: user.id,
      expiresAt: sql`now() + ${sql.raw(`interval '${RESET_LINK_VALID_HOURS} hour'`)}`,
    });
    await send(resetMail(email, resetLink(baseUrl, token), await getCityIdentity(db)));
  };
  await (options.schedule ?? ((task) => task()))(() =>
    work().catch((error: unknown) => {
      console.error("[courriel] échec de la demande de nouveau mot de passe :", error);
    }),
  );
  return ok(undefined, RESET_REQUESTED_MESSAGE);
}

const liveToken = (tokenHash: string) =>
  and(
    eq(passwordResetTokens.tokenHash, tokenHash),
    isNull(passwordResetTokens.usedAt),
    gt(passwordResetTokens.expiresAt, sql`now()`),
    inArray(passwordResetTokens.userId, sql`(select ${users.id} from ${users} where ${users.deactivatedAt} is null)`),
  );

/** True if the link can still be used: known token, not used, not expired, account active. */
export async function isResetTokenValid(db: Db, token: string): Promise<boolean> {
  if (!resetTokenSchema.safeParse(token).success) return false;
  const rows = await db
    .select({ id: passwordResetTokens.id })
    .from(passwordResetTokens)
    .where(liveToken(hashToken(token)));
  return rows.length > 0;
}

const invalidLink = () => fail("TOKEN_INVALID", RESET_LINK_INVALID_MESSAGE);

/**
 * Sets a new password through a reset link. The token is consumed, the password changed, every
 * session revoked (session version bumped), other pending links voided and the journal written
 * in one transaction: either all of it happens, or none of it. The length rule was checked when
 * the form was parsed; the list of common passwords lives on the server only, so it is checked here.
 */
export async function resetPassword(db: Db, { token, password: newPassword }: PasswordResetData): Promise<ActionResult> {
  if (!(await isResetTokenValid(db, token))) return invalidLink();
  if (await isCommonPasswordHere(db, newPassword))
    return invalidInput({ issues: [{ path: ["password"], message: COMMON_PASSWORD_MESSAGE }] });
  // Hashing is slow (argon2id): done before the transaction, which stays short.
  const passwordHash = await hashPassword(newPassword);
  const tokenHash = hashToken(token);
  return db.transaction(async (tx) => {
    // Consumes the token only if it is still live: of two simultaneous uses, exactly one wins.
    const [consumed] = await tx
      .update(passwordResetTokens)
      .set({ usedAt: sql`now()` })
      .where(liveToken(tokenHash))
      .returning({ userId: passwordResetTokens.userId });
    if (!consumed) return invalidLink();
    const [user] = await tx
      .update(users)
      .set({ passwordHash, sessionVersion: sql`${users.sessionVersion} + 1` })
      .where(eq(users.id, consumed.userId))
      .returning({ id: users.id, email: users.email, sessionVersion: users.sessionVersion });
    if (!user) throw new Error("password reset: account vanished inside the transaction");
    await tx
      .update(passwordResetTokens)
      .set({ usedAt: sql`now()` })
      .where(and(eq(passwordResetTokens.userId, user.id), isNull(passwordResetTokens.usedAt)));
    // The owner proved they read the mailbox: lift the account's sign-in wait.
    await tx.delete(signInThrottles).where(eq(signInThrottles.key, accountKey(user.email)));
    await writeAudit(tx, {
      actorUserId: user.id,
      action: "user.password_reset",
      targetType: "user",
      targetId: user.id,
      details: { sessionVersion: user.sessionVersion },
    });
    return ok(undefined, PASSWORD_CHANGED_MESSAGE);
  });
}
