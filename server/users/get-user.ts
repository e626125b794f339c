import "server-only";
import { asc, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { councilMemberships, councils, users } from "@/db/schema";
import { forbidden, notFound, ok, unauthenticated, type ActionResult } from "@/lib/action-result";
import { can, type CouncilRole, type MaybeActor } from "@/lib/permissions";
import { journalAbout } from "../audit-log/journal-about";
import { soleReferentCouncils, type SoleReferentCouncil } from "./sole-referent";

export interface UserJournalEntry {
  action: string;
  actorName: string | null;
  reason: string | null;
  details: Record<string, unknown>;
  createdAt: Date;
}

export interface UserDetail {
  id: number;
  displayName: string;
  email: string;
  title: string | null;
  roles: { moderator: boolean; official: boolean; admin: boolean };
  deactivatedAt: Date | null;
  /** Set once the account was erased (its row then holds no personal data). */
  erasedAt: Date | null;
  createdAt: Date;
  lastSignInAt: Date | null;
  isDemo: boolean;
  councils: { slug: string; name: string; role: CouncilRole; archived: boolean }[];
  /** While active: the councils where they are the only referent, and who could take over. */
  soleReferentOf: SoleReferentCouncil[];
  /** The latest journal entries about this person, newest first. */
  journal: UserJournalEntry[];
}

const JOURNAL_LENGTH = 20;

/**
 * One person's administration page: narrow fields, their councils and the journal about them. Three
 * queries, and for an active referent one per council they alone lead.
 */
export async function getUser(db: Db, actor: MaybeActor, userId: number): Promise<ActionResult<UserDetail>> {
  if (!actor) return unauthenticated();
  if (!can(actor, "user.list")) return forbidden();
  if (!Number.isSafeInteger(userId) || userId <= 0) return notFound("Personne");

  const [user] = await db
    .select({
      id: users.id,
      displayName: users.displayName,
      email: users.email,
      title: users.title,
      isModerator: users.isModerator,
      isOfficial: users.isOfficial,
      isAdmin: users.isAdmin,
      deactivatedAt: users.deactivatedAt,
      erasedAt: users.erasedAt,
      createdAt: users.createdAt,
      lastSignInAt: users.lastSignInAt,
      isDemo: users.isDemo,
    })
    .from(users)
    .where(eq(users.id, userId));
  if (!user) return notFound("Personne");

  const memberships = await db
    .select({ slug: councils.slug, name: councils.name, role: councilMemberships.role, archivedAt: councils.archivedAt })
    .from(councilMemberships)
    .innerJoin(councils, eq(councils.id, councilMemberships.councilId))
    .where(eq(councilMemberships.userId, userId))
    .orderBy(asc(councils.name));

  const journal = await journalAbout(db, "user", userId, JOURNAL_LENGTH);

  const { isModerator, isOfficial, isAdmin, ...rest } = user;
  return ok({
    ...rest,
    roles: { moderator: isModerator, official: isOfficial, admin: isAdmin },
    councils: memberships.map((m) => ({ slug: m.slug, name: m.name, role: m.role as CouncilRole, archived: m.archivedAt !== null })),
    soleReferentOf:
      user.deactivatedAt === null && memberships.some((m) => m.role === "referent") ? await soleReferentCouncils(db, userId) : [],
    journal,
  });
}
