import "server-only";
import { and, eq, isNull, notExists } from "drizzle-orm";
import { getServerSession } from "next-auth";
import { redirect } from "next/navigation";
import { connection } from "next/server";
import { cache } from "react";
import { getDb, type Db } from "@/db/client";
import { councilMemberships, revokedSessions, users } from "@/db/schema";
import type { Actor, CouncilRole } from "@/lib/permissions";
import { authOptions } from "./options";

export interface SignedInActor extends Actor {
  displayName: string;
  email: string;
}

/**
 * The person behind a session, as the database says now: a deactivated account, a session older
 * than the account's last « sign out everywhere », or a session ended by « Se déconnecter »
 * (`sessionId` revoked) gives null. Roles are read fresh on every request, so a role change takes
 * effect on the next one. Two queries.
 */
export async function loadActor(db: Db, userId: number, sessionVersion: number, sessionId?: string): Promise<SignedInActor | null> {
  const [user] = await db
    .select({
      id: users.id,
      email: users.email,
      displayName: users.displayName,
      isModerator: users.isModerator,
      isOfficial: users.isOfficial,
      isAdmin: users.isAdmin,
      sessionVersion: users.sessionVersion,
    })
    .from(users)
    .where(
      and(
        eq(users.id, userId),
        isNull(users.deactivatedAt),
        sessionId
          ? notExists(db.select({ one: revokedSessions.sessionId }).from(revokedSessions).where(eq(revokedSessions.sessionId, sessionId)))
          : undefined,
      ),
    );
  if (!user || user.sessionVersion !== sessionVersion) return null;
  const memberships = await db
    .select({ councilId: councilMemberships.councilId, role: councilMemberships.role })
    .from(councilMemberships)
    .where(eq(councilMemberships.userId, user.id));
  const { sessionVersion: _sv, ...rest } = user;
  return { ...rest, councils: new Map(memberships.map((m) => [m.councilId, m.role as CouncilRole])) };
}

/** The id of this request's session (to end it on the server), or null. */
/**
 * A session belongs to a request: said before anything reads the secret that signs it, so that
 * `next build` stops prerendering such a page there (it is rendered per request anyway) instead of
 * reading NEXTAUTH_SECRET — which the build does not have (decision 0001: secrets are read at start).
 */
const perRequest = () => connection();

export async function getSessionId(): Promise<string | null> {
  await perRequest();
  const session = await getServerSession(authOptions());
  return session?.user?.sessionId ?? null;
}

/** The signed-in person for this request, or null. Memoised per request. */
export const getActor = cache(async (): Promise<SignedInActor | null> => {
  await perRequest();
  const session = await getServerSession(authOptions());
  const id = session?.user?.id;
  if (!id) return null;
  return loadActor(await getDb(), id, session.user.sessionVersion, session.user.sessionId);
});

/** The signed-in person, or a redirect to the sign-in page that comes back to `returnTo`. */
export async function requireActor(returnTo: string): Promise<SignedInActor> {
  const actor = await getActor();
  if (!actor) redirect(`/connexion?callbackUrl=${encodeURIComponent(returnTo)}`);
  return actor;
}
