import "server-only";
import { lt, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { revokedSessions } from "@/db/schema";

/**
 * Ends one session on the server (« Se déconnecter »): a copy of its cookie is refused from the
 * next request on (server/auth/actor.ts). Kept until the cookie would have expired, then purged.
 */
export async function revokeSession(db: Db, session: { sessionId: string; userId: number | null; expiresAt: Date }): Promise<void> {
  await db.insert(revokedSessions).values(session).onConflictDoNothing();
  await db.delete(revokedSessions).where(lt(revokedSessions.expiresAt, sql`now()`));
}
