import "server-only";
import { aliasedTable, and, asc, desc, eq, isNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { councilMemberships, invitations, users } from "@/db/schema";
import { fail, notFound, ok, unauthenticated, type ActionResult } from "@/lib/action-result";
import { can, type CouncilRole, type MaybeActor } from "@/lib/permissions";
import { findActiveCouncil } from "./memberships";

export interface SpaceMember {
  userId: number;
  displayName: string;
  role: CouncilRole;
  isMe: boolean;
  deactivated: boolean;
  /** Only for the council's referents and admins. */
  email?: string;
}

export interface SpaceInvitation {
  id: number;
  email: string;
  role: CouncilRole;
  createdAt: Date;
  expiresAt: Date;
  expired: boolean;
  invitedBy: string | null;
}

export interface CouncilSpace {
  council: { id: number; slug: string; name: string; area: string | null; description: string | null; isDemo: boolean };
  myRole: CouncilRole | null;
  /** My own choice about showing my name publicly; null if I am not a member. */
  myNameIsPublic: boolean | null;
  members: SpaceMember[];
  /** Pending (and expired, not yet cancelled) invitations: only with `council.invitations.view`. */
  invitations: SpaceInvitation[] | null;
  allowed: {
    invite: boolean;
    revokeInvitations: boolean;
    removeMembers: boolean;
    setRoles: boolean;
    leave: boolean;
    setVisibility: boolean;
  };
}

/**
 * A council's own space: its members (display names and roles) only for those who may see them
 * (`council.members.view`), emails and invitations only for its referents and admins.
 * Three queries at most.
 */
export async function getCouncilSpace(db: Db, actor: MaybeActor, slug: string): Promise<ActionResult<CouncilSpace>> {
  if (!actor) return unauthenticated();
  const council = await findActiveCouncil(db, slug);
  if (!council) return notFound("Conseil");
  const councilId = council.id;
  if (!can(actor, "council.members.view", { councilId })) {
    return fail("FORBIDDEN", `Cet espace est réservé aux membres du ${council.name}.`);
  }
  const seesEmails = can(actor, "council.invitations.view", { councilId });
  const inviter = aliasedTable(users, "inviter");

  const [memberRows, invitationRows] = await Promise.all([
    db
      .select({
        userId: councilMemberships.userId,
        role: councilMemberships.role,
        showNamePublicly: councilMemberships.showNamePublicly,
        displayName: users.displayName,
        email: users.email,
        deactivatedAt: users.deactivatedAt,
      })
      .from(councilMemberships)
      .innerJoin(users, eq(users.id, councilMemberships.userId))
      .where(eq(councilMemberships.councilId, councilId))
      .orderBy(desc(councilMemberships.role), asc(users.displayName), asc(users.id)),
    seesEmails
      ? db
          .select({
            id: invitations.id,
            email: invitations.email,
            role: invitations.councilRole,
            createdAt: invitations.createdAt,
            expiresAt: invitations.expiresAt,
            invitedBy: inviter.displayName,
          })
          .from(invitations)
          .leftJoin(inviter, eq(inviter.id, invitations.invitedById))
          .where(and(eq(invitations.councilId, councilId), isNull(invitations.acceptedAt), isNull(invitations.revokedAt)))
          .orderBy(desc(invitations.createdAt), desc(invitations.id))
      : Promise.resolve(null),
  ]);

  const me = memberRows.find((m) => m.userId === actor.id);
  const now = Date.now();
  return ok({
    council,
    myRole: me?.role ?? null,
    myNameIsPublic: me ? me.showNamePublicly : null,
    members: memberRows
      // Members see who can act (active accounts); referents and admins also see deactivated ones, to clean up.
      .filter((m) => seesEmails || m.deactivatedAt === null)
      .map((m) => ({
        userId: m.userId,
        displayName: m.displayName,
        role: m.role,
        isMe: m.userId === actor.id,
        deactivated: m.deactivatedAt !== null,
        ...(seesEmails ? { email: m.email } : {}),
      })),
    invitations:
      invitationRows?.map((i) => ({
        id: i.id,
        email: i.email,
        role: i.role ?? "member",
        createdAt: i.createdAt,
        expiresAt: i.expiresAt,
        expired: i.expiresAt.getTime() <= now,
        invitedBy: i.invitedBy,
      })) ?? null,
    allowed: {
      invite: can(actor, "council.members.invite", { councilId }),
      revokeInvitations: can(actor, "council.invitations.revoke", { councilId }),
      removeMembers: can(actor, "council.members.remove", { councilId }),
      setRoles: can(actor, "council.members.set_role", { councilId }),
      leave: can(actor, "council.members.remove", { councilId, targetUserId: actor.id }),
      setVisibility: can(actor, "council.membership.set_visibility", { councilId, targetUserId: actor.id }),
    },
  });
}
