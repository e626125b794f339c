import "server-only";
import { type MailIdentity, siteNameOf } from "@/lib/city-identity";
import { getCityIdentity } from "@/server/settings/platform-settings";
import { and, eq, isNull, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { councils, invitations, users } from "@/db/schema";
import { formatDateTime } from "@/lib/dates";
import { siteOrigin } from "@/lib/env";
import { frenchQuote, joinFrench } from "@/lib/french";
import { councilRoleLabel, type CouncilRole } from "@/lib/permissions";
import { newToken } from "@/server/auth/tokens";
import { sendMail } from "@/server/mail/send";

/** An invitation link works for 7 days. */
export const INVITATION_LIFETIME_MS = 7 * 24 * 3600 * 1000;

export type IssueInvitationInput =
  | {
      kind: "council";
      email: string;
      councilId: number;
      councilRole: CouncilRole;
      invitedById: number | null;
    }
  | {
      kind: "staff";
      email: string;
      grantModerator?: boolean;
      grantOfficial?: boolean;
      grantAdmin?: boolean;
      title?: string | null;
      invitedById: number | null;
    };

/**
 * What `sendInvitationMail` needs. `hasAccount` only changes the wording of the mail sent to the
 * invited address; never show it (or anything derived from it) to the person who invites.
 */
export interface IssuedInvitation {
  id: number;
  /** The secret for the link; only its hash is stored. */
  token: string;
  email: string;
  kind: "council" | "staff";
  expiresAt: Date;
  councilName: string | null;
  councilRole: CouncilRole | null;
  grants: { moderator: boolean; official: boolean; admin: boolean };
  inviterName: string | null;
  hasAccount: boolean;
}

/**
 * Creates one invitation row (only the token's hash is stored) and returns the token for the link.
 * Older pending invitations for the same address and the same council (or, for staff, any older
 * pending staff invitation of that address) are revoked: only the newest link works.
 * Run it inside the caller's transaction, after authorizing the caller and before `writeAudit`;
 * it does not check permissions and writes no journal row itself.
 */
export async function issueInvitation(tx: Db, input: IssueInvitationInput): Promise<IssuedInvitation> {
  const email = input.email.trim().toLowerCase();
  const { token, tokenHash } = newToken();
  const expiresAt = new Date(Date.now() + INVITATION_LIFETIME_MS);

  let councilName: string | null = null;
  if (input.kind === "council") {
    const [council] = await tx.select({ name: councils.name }).from(councils).where(eq(councils.id, input.councilId));
    if (!council) throw new Error(`issueInvitation: conseil ${input.councilId} introuvable`);
    councilName = council.name;
  }

  const sameTarget =
    input.kind === "council"
      ? and(eq(invitations.kind, "council"), eq(invitations.councilId, input.councilId))
      : eq(invitations.kind, "staff");
  await tx
    .update(invitations)
    .set({ revokedAt: sql`now()` })
    .where(and(eq(invitations.email, email), sameTarget, isNull(invitations.acceptedAt), isNull(invitations.revokedAt)));

  const grants =
    input.kind === "staff"
      ? { moderator: Boolean(input.grantModerator), official: Boolean(input.grantOfficial), admin: Boolean(input.grantAdmin) }
      : { moderator: false, official: false, admin: false };

  const [row] = await tx
    .insert(invitations)
    .values({
      tokenHash,
      email,
      kind: input.kind,
      grantModerator: grants.moderator,
      grantOfficial: grants.official,
      grantAdmin: grants.admin,
      councilId: input.kind === "council" ? input.councilId : null,
      councilRole: input.kind === "council" ? input.councilRole : null,
      title: input.kind === "staff" ? (input.title ?? null) : null,
      invitedById: input.invitedById,
      expiresAt,
    })
    .returning({ id: invitations.id });

  const [existing] = await tx.select({ id: users.id }).from(users).where(eq(users.email, email));
  const [inviter] = input.invitedById
    ? await tx.select({ name: users.displayName }).from(users).where(eq(users.id, input.invitedById))
    : [];

  return {
    id: row!.id,
    token,
    email,
    kind: input.kind,
    expiresAt,
    councilName,
    councilRole: input.kind === "council" ? input.councilRole : null,
    grants,
    inviterName: inviter?.name ?? null,
    hasAccount: Boolean(existing),
  };
}

/** The absolute link of an invitation: `${NEXTAUTH_URL}/invitation/${token}`. */
export function invitationLink(token: string): string {
  return `${siteOrigin()}/invitation/${token}`;
}

const staffRoleNames = (grants: IssuedInvitation["grants"]) =>
  [grants.admin ? "administrateur·rice" : null, grants.moderator ? "modérateur·rice" : null, grants.official ? "élu·e" : null].filter(
    (x): x is string => x !== null,
  );

/** The French mail for an invitation: subject and plain text. Pure, so it is unit-tested. */
export function invitationMail(issued: IssuedInvitation, identity: MailIdentity): { to: string; subject: string; text: string } {
  const site = `le site « ${siteNameOf(identity)} »`;
  const who = issued.inviterName ? `${issued.inviterName} vous invite` : "Vous êtes invité·e";
  const what =
    issued.kind === "council"
      ? `à rejoindre le ${frenchQuote(issued.councilName ?? "conseil de quartier")} comme ${councilRoleLabel[issued.councilRole ?? "member"]}`
      : staffRoleNames(issued.grants).length > 0
        ? `à rejoindre l'équipe de la Ville comme ${joinFrench(staffRoleNames(issued.grants))}`
        : "à rejoindre l'équipe de la Ville";
  const subject =
    issued.kind === "council"
      ? `Invitation au ${issued.councilName ?? "conseil de quartier"} — ${siteNameOf(identity)}`
      : `Invitation à l'équipe — ${siteNameOf(identity)}`;
  const how = issued.hasAccount
    ? [
        "Vous avez déjà un compte sur ce site avec cette adresse électronique.",
        "Ouvrez le lien ci-dessous, connectez-vous avec ce compte, puis appuyez sur « Accepter l'invitation ».",
      ]
    : ["Ouvrez le lien ci-dessous. Vous choisirez le nom que les autres verront et votre mot de passe (au moins 12 caractères)."];
  const text = [
    "Bonjour,",
    "",
    `${who} ${what} sur ${site}.`,
    "",
    ...how,
    "",
    invitationLink(issued.token),
    "",
    `Ce lien ne sert qu'une fois. Il est valable 7 jours, jusqu'au ${formatDateTime(issued.expiresAt)}.`,
    "",
    "Si vous ne vous attendiez pas à ce courriel, ignorez-le : sans action de votre part, rien ne change.",
    "",
    `— ${identity.cityName}, ${identity.serviceName.toLowerCase()}`,
    "(Ce courriel est envoyé automatiquement : merci de ne pas y répondre.)",
  ].join("\n");
  return { to: issued.email, subject, text };
}

/**
 * Sends the invitation mail (SMTP, or the development mailbox). Call it inside the transaction
 * that issued the invitation, after the journal row: if sending fails, the transaction rolls back
 * and no dead invitation is left behind.
 */
export async function sendInvitationMail(tx: Db, issued: IssuedInvitation): Promise<void> {
  await sendMail(invitationMail(issued, await getCityIdentity(tx)));
}
