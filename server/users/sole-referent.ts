import "server-only";
import { and, asc, eq, isNull, ne, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { councilMemberships, councils, users } from "@/db/schema";
import { frenchQuote, joinFrench } from "@/lib/french";

/*
 * Deactivating the only active referent of a council would leave it with nobody to invite or
 * manage its members. When someone else in the council could take over, the admin is asked to
 * choose who first (a member made referent, journaled as every role change); when nobody could,
 * the account is deactivated and the council waits for an invited referent.
 */

/** How many members are offered to take over: the list stays short on the page. */
export const SUCCESSOR_CHOICES = 50;

export interface SoleReferentCouncil {
  councilId: number;
  name: string;
  slug: string;
  /** Active members who could take over, by name (the first SUCCESSOR_CHOICES). */
  candidates: { userId: number; displayName: string }[];
  /** More members than those listed. */
  more: boolean;
}

/** An active member of the council other than `userId` (a referent if `referent`). */
const activeOther = (userId: number, referent: boolean) =>
  sql`exists (select 1 from council_memberships other join users other_user on other_user.id = other.user_id
    where other.council_id = ${councils.id} and other.user_id <> ${userId} and other_user.deactivated_at is null
    ${referent ? sql`and other.role = 'referent'` : sql``})`;

/** The councils (not archived) where `userId` is the only active referent and someone else could take over. */
export async function councilsNeedingSuccessor(db: Db, userId: number): Promise<{ councilId: number; name: string; slug: string }[]> {
  return db
    .select({ councilId: councils.id, name: councils.name, slug: councils.slug })
    .from(councilMemberships)
    .innerJoin(councils, eq(councils.id, councilMemberships.councilId))
    .where(
      and(
        eq(councilMemberships.userId, userId),
        eq(councilMemberships.role, "referent"),
        isNull(councils.archivedAt),
        sql`not ${activeOther(userId, true)}`,
        activeOther(userId, false),
      ),
    )
    .orderBy(asc(councils.name));
}

/** The same councils with the members who could take over, for the person's administration page. */
export async function soleReferentCouncils(db: Db, userId: number): Promise<SoleReferentCouncil[]> {
  const needing = await councilsNeedingSuccessor(db, userId);
  return Promise.all(
    needing.map(async (council) => {
      const rows = await db
        .select({ userId: users.id, displayName: users.displayName })
        .from(councilMemberships)
        .innerJoin(users, eq(users.id, councilMemberships.userId))
        .where(and(eq(councilMemberships.councilId, council.councilId), ne(users.id, userId), isNull(users.deactivatedAt)))
        .orderBy(asc(users.displayName), asc(users.id))
        .limit(SUCCESSOR_CHOICES + 1);
      return { ...council, candidates: rows.slice(0, SUCCESSOR_CHOICES), more: rows.length > SUCCESSOR_CHOICES };
    }),
  );
}

/** The refusal's words: which councils, and what to do. */
export function successorNeededMessage(names: string[]): string {
  const councilsText = joinFrench(names.map((name) => frenchQuote(name)));
  return `Cette personne est la seule référente ${names.length > 1 ? "des conseils" : "du conseil"} ${councilsText}. Choisissez d'abord qui reprend ce rôle (« Qui reprend le rôle de référent·e ? » sur cette page), puis désactivez le compte.`;
}
