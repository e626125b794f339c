import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { councilMemberships, councils, users } from "@/db/schema";
import type { CouncilRole } from "@/lib/permissions";

export const LAST_REFERENT_MESSAGE =
  "Un conseil garde toujours au moins un·e référent·e : nommez d'abord une autre personne référente, puis recommencez.";

export interface LockedMembership {
  userId: number;
  role: CouncilRole;
  active: boolean;
}

/**
 * Locks every membership row of a council for the rest of the transaction (SELECT … FOR UPDATE)
 * and returns them. Two changes to one council's referents are serialised: the second one sees
 * the first one's result, so « at least one referent » cannot be broken by a race.
 */
export async function lockMemberships(tx: Db, councilId: number): Promise<LockedMembership[]> {
  const rows = await tx
    .select({ userId: councilMemberships.userId, role: councilMemberships.role, deactivatedAt: users.deactivatedAt })
    .from(councilMemberships)
    .innerJoin(users, eq(users.id, councilMemberships.userId))
    .where(eq(councilMemberships.councilId, councilId))
    .orderBy(councilMemberships.userId)
    .for("update", { of: councilMemberships });
  return rows.map((r) => ({ userId: r.userId, role: r.role, active: r.deactivatedAt === null }));
}

/** Referents who can still sign in: a deactivated referent does not keep a council running. */
export const activeReferents = (rows: LockedMembership[]) => rows.filter((r) => r.role === "referent" && r.active);

/** A council that is not archived, by its slug: the public fields both its space and its public page start from. */
export async function findActiveCouncil(db: Db, slug: string) {
  const [council] = await db
    .select({
      id: councils.id,
      slug: councils.slug,
      name: councils.name,
      area: councils.area,
      description: councils.description,
      isDemo: councils.isDemo,
    })
    .from(councils)
    .where(and(eq(councils.slug, slug), isNull(councils.archivedAt)));
  return council ?? null;
}
