import "server-only";
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { councils, invitations, users } from "@/db/schema";
import type { CouncilRole } from "@/lib/permissions";
import { hashToken } from "@/server/auth/tokens";

export type InvalidReason = "unknown" | "expired" | "used" | "revoked";

export interface InvitationView {
  status: "valid";
  id: number;
  email: string;
  kind: "council" | "staff";
  council: { id: number; slug: string; name: string; isDemo: boolean } | null;
  councilRole: CouncilRole | null;
  grants: { moderator: boolean; official: boolean; admin: boolean };
  expiresAt: Date;
  /** Shown only to the holder of the link (the invited person): they sign in instead of creating an account. */
  hasAccount: boolean;
}

export type InvitationLookup = InvitationView | { status: "invalid"; reason: InvalidReason };

type InvitationRow = typeof invitations.$inferSelect;

/** Why a stored invitation can no longer be used, or null if it can. */
export function invalidReason(
  row: Pick<InvitationRow, "acceptedAt" | "revokedAt" | "expiresAt">,
  councilArchived = false,
  now = new Date(),
): InvalidReason | null {
  if (row.acceptedAt) return "used";
  if (row.revokedAt || councilArchived) return "revoked";
  if (row.expiresAt.getTime() <= now.getTime()) return "expired";
  return null;
}

/** A plausible link token: 43 base64url characters (256 bits). Anything else is not looked up. */
export const looksLikeToken = (token: string) => /^[A-Za-z0-9_-]{20,100}$/.test(token);

/**
 * The invitation behind a link: valid only if not accepted, not revoked and not expired (7 days),
 * and its council is not archived. Looked up by the token's hash; never returns the hash. Three
 * queries at most.
 */
export async function getInvitation(db: Db, token: string): Promise<InvitationLookup> {
  if (!looksLikeToken(token)) return { status: "invalid", reason: "unknown" };
  const [row] = await db
    .select({
      invitation: invitations,
      council: { id: councils.id, slug: councils.slug, name: councils.name, isDemo: councils.isDemo, archivedAt: councils.archivedAt },
    })
    .from(invitations)
    .leftJoin(councils, eq(councils.id, invitations.councilId))
    .where(eq(invitations.tokenHash, hashToken(token)));
  if (!row) return { status: "invalid", reason: "unknown" };
  const { invitation, council } = row;
  if (invitation.kind === "council" && !council) return { status: "invalid", reason: "revoked" };
  const reason = invalidReason(invitation, Boolean(council?.archivedAt));
  if (reason) return { status: "invalid", reason };
  const [existing] = await db.select({ id: users.id }).from(users).where(eq(users.email, invitation.email));
  return {
    status: "valid",
    id: invitation.id,
    email: invitation.email,
    kind: invitation.kind,
    council: council ? { id: council.id, slug: council.slug, name: council.name, isDemo: council.isDemo } : null,
    councilRole: invitation.councilRole,
    grants: { moderator: invitation.grantModerator, official: invitation.grantOfficial, admin: invitation.grantAdmin },
    expiresAt: invitation.expiresAt,
    hasAccount: Boolean(existing),
  };
}
