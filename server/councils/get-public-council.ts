import "server-only";
import { and, asc, eq, isNull, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { councilMemberships, users } from "@/db/schema";
import { findActiveCouncil } from "./memberships";

export interface PublicCouncil {
  slug: string;
  name: string;
  area: string | null;
  description: string | null;
  isDemo: boolean;
  memberCount: number;
  /** Display names of the members who chose to show them, nothing else about anyone. */
  publicMemberNames: string[];
}

/**
 * The public page of a council: public fields, the number of members, and only the names members
 * chose to show. Never an email, never a hidden name, never an id. Two queries.
 */
export async function getPublicCouncil(db: Db, slug: string): Promise<PublicCouncil | null> {
  const council = await findActiveCouncil(db, slug);
  if (!council) return null;
  const members = await db
    // A hidden name never leaves the database.
    .select({ publicName: sql<string | null>`case when ${councilMemberships.showNamePublicly} then ${users.displayName} end` })
    .from(councilMemberships)
    .innerJoin(users, eq(users.id, councilMemberships.userId))
    .where(and(eq(councilMemberships.councilId, council.id), isNull(users.deactivatedAt)))
    .orderBy(asc(users.displayName));
  const { id: _id, ...publicFields } = council;
  return {
    ...publicFields,
    memberCount: members.length,
    publicMemberNames: members.map((m) => m.publicName).filter((name): name is string => name !== null),
  };
}
