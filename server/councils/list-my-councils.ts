import "server-only";
import { and, asc, count, eq, gt, inArray, isNull, lte, notInArray, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { councilMemberships, councils, invitations, users } from "@/db/schema";
import { ok, unauthenticated, type ActionResult } from "@/lib/action-result";
import { can, type CouncilRole, type MaybeActor } from "@/lib/permissions";

export interface MyCouncil {
  slug: string;
  name: string;
  area: string | null;
  isDemo: boolean;
  role: CouncilRole;
  memberCount: number;
  /** Only for those who may see the council's invitations (its referents); null otherwise. */
  invitations: { pending: number; expired: number } | null;
}

export interface MySpace {
  councils: MyCouncil[];
  /** For admins only: the other councils, which they may manage without being members. */
  otherCouncils: { slug: string; name: string; isDemo: boolean }[];
}

const councilOrder = [sql`${councils.number} asc nulls last`, asc(councils.name)] as const;

/**
 * The councils of the signed-in person, with what needs their attention (for referents: the
 * invitations still waiting or expired). Public members' counts only; no names, no emails.
 * At most four queries, whatever the number of councils.
 */
export async function listMyCouncils(db: Db, actor: MaybeActor): Promise<ActionResult<MySpace>> {
  if (!actor || !can(actor, "space.view")) return unauthenticated();
  const mine = await db
    .select({
      id: councils.id,
      slug: councils.slug,
      name: councils.name,
      area: councils.area,
      isDemo: councils.isDemo,
      role: councilMemberships.role,
    })
    .from(councilMemberships)
    .innerJoin(councils, eq(councils.id, councilMemberships.councilId))
    .where(and(eq(councilMemberships.userId, actor.id), isNull(councils.archivedAt)))
    .orderBy(...councilOrder);
  const ids = mine.map((c) => c.id);
  const invitationIds = ids.filter((id) => can(actor, "council.invitations.view", { councilId: id }));

  const [counts, invitationCounts, others] = await Promise.all([
    ids.length === 0
      ? []
      : db
          .select({ councilId: councilMemberships.councilId, n: count() })
          .from(councilMemberships)
          .innerJoin(users, eq(users.id, councilMemberships.userId))
          .where(and(inArray(councilMemberships.councilId, ids), isNull(users.deactivatedAt)))
          .groupBy(councilMemberships.councilId),
    invitationIds.length === 0
      ? []
      : db
          .select({
            councilId: invitations.councilId,
            pending: sql<number>`count(*) filter (where ${gt(invitations.expiresAt, sql`now()`)})`.mapWith(Number),
            expired: sql<number>`count(*) filter (where ${lte(invitations.expiresAt, sql`now()`)})`.mapWith(Number),
          })
          .from(invitations)
          .where(and(inArray(invitations.councilId, invitationIds), isNull(invitations.acceptedAt), isNull(invitations.revokedAt)))
          .groupBy(invitations.councilId),
    actor.isAdmin
      ? db
          .select({ slug: councils.slug, name: councils.name, isDemo: councils.isDemo })
          .from(councils)
          .where(and(isNull(councils.archivedAt), ids.length > 0 ? notInArray(councils.id, ids) : undefined))
          .orderBy(...councilOrder)
      : [],
  ]);

  const countOf = new Map(counts.map((c) => [c.councilId, Number(c.n)]));
  const invitationsOf = new Map(invitationCounts.map((c) => [c.councilId, { pending: c.pending, expired: c.expired }]));
  return ok({
    councils: mine.map(({ id, ...c }) => ({
      ...c,
      memberCount: countOf.get(id) ?? 0,
      invitations: invitationIds.includes(id) ? (invitationsOf.get(id) ?? { pending: 0, expired: 0 }) : null,
    })),
    otherCouncils: others,
  });
}
