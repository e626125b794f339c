import "server-only";
import { and, asc, eq, isNull, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { councilMemberships, users } from "@/db/schema";
import { loadPublishedContributions, type ContributionList } from "@/server/plan/load-published-contributions";
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
  /** The first page of the council's published avis and propositions, newest first. */
  contributions: ContributionList;
}

/**
 * The public page of a council: public fields, the number of members, only the names members
 * chose to show, and its published contributions (never drafts, pending, rejected or hidden ones).
 * Never an email, never a hidden name, never an id. Five queries.
 */
export async function getPublicCouncil(db: Db, slug: string): Promise<PublicCouncil | null> {
  const council = await findActiveCouncil(db, slug);
  if (!council) return null;
  const [members, contributions] = await Promise.all([
    db
      // A hidden name never leaves the database.
      .select({ publicName: sql<string | null>`case when ${councilMemberships.showNamePublicly} then ${users.displayName} end` })
      .from(councilMemberships)
      .innerJoin(users, eq(users.id, councilMemberships.userId))
      .where(and(eq(councilMemberships.councilId, council.id), isNull(users.deactivatedAt)))
      .orderBy(asc(users.displayName)),
    loadPublishedContributions(db, { councilId: council.id }),
  ]);
  const { id: _id, ...publicFields } = council;
  return {
    ...publicFields,
    memberCount: members.length,
    publicMemberNames: members.map((m) => m.publicName).filter((name): name is string => name !== null),
    contributions,
  };
}

/** Page `page` (from 1) of a council's published contributions; null past the last page. Four queries. */
export async function getPublicCouncilContributions(
  db: Db,
  slug: string,
  page: number,
): Promise<{ council: { slug: string; name: string }; contributions: ContributionList } | null> {
  if (!Number.isInteger(page) || page < 1) return null;
  const council = await findActiveCouncil(db, slug);
  if (!council) return null;
  const contributions = await loadPublishedContributions(db, { councilId: council.id }, page);
  if (contributions.items.length === 0 && page > 1) return null;
  return { council: { slug: council.slug, name: council.name }, contributions };
}
