import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { createCouncil } from "@/db/factories";
import { councilMemberships, users } from "@/db/schema";
import type { SignedInActor } from "@/server/auth/actor";
import { loadActor } from "@/server/auth/actor";

/*
 * Every role of the permission matrix, as real rows in the database, for integration tests that
 * call server functions directly as each role. Unique emails and councils per call, so test files
 * can run in parallel on one database.
 */
export const matrixRoles = [
  "anonymous",
  "memberOfA",
  "referentOfA",
  "memberOfB",
  "moderator",
  "official",
  "admin",
  "deactivated",
  // Staff who also belong to council A: their staff powers stop at their own council.
  "moderatorOfA",
  "officialOfA",
] as const;
export type MatrixRole = (typeof matrixRoles)[number];

export interface Cast {
  councilA: { id: number; slug: string };
  councilB: { id: number; slug: string };
  /** null for anonymous and deactivated: what the server sees for them. */
  actors: Record<MatrixRole, SignedInActor | null>;
  userIds: Record<Exclude<MatrixRole, "anonymous">, number>;
}

// Hash of « mot-de-passe-de-test-123 » (argon2id); computing one per user would slow the suite.
export const TEST_PASSWORD = "mot-de-passe-de-test-123";
let testHash: Promise<string> | undefined;
async function passwordHash() {
  const { hashPassword } = await import("@/server/auth/password");
  testHash ??= hashPassword(TEST_PASSWORD);
  return testHash;
}

export async function createUser(db: Db, overrides: Partial<typeof users.$inferInsert> = {}): Promise<typeof users.$inferSelect> {
  const tag = randomUUID().slice(0, 8);
  const [user] = await db
    .insert(users)
    .values({ email: `test-${tag}@exemple.invalid`, displayName: `Test ${tag}`, passwordHash: await passwordHash(), ...overrides })
    .returning();
  return user!;
}

export async function createCast(db: Db): Promise<Cast> {
  const councilA = await createCouncil(db);
  const councilB = await createCouncil(db);
  const make = async (values: Partial<typeof users.$inferInsert>, memberships: [number, "member" | "referent"][] = []) => {
    const user = await createUser(db, values);
    for (const [councilId, role] of memberships) await db.insert(councilMemberships).values({ councilId, userId: user.id, role });
    return user;
  };
  const memberOfA = await make({}, [[councilA.id, "member"]]);
  const referentOfA = await make({}, [[councilA.id, "referent"]]);
  const memberOfB = await make({}, [[councilB.id, "member"]]);
  const moderator = await make({ isModerator: true });
  const official = await make({ isOfficial: true });
  const admin = await make({ isAdmin: true });
  const deactivated = await make({ deactivatedAt: new Date() }, [[councilA.id, "referent"]]);
  const moderatorOfA = await make({ isModerator: true }, [[councilA.id, "member"]]);
  const officialOfA = await make({ isOfficial: true }, [[councilA.id, "member"]]);
  const ids = {
    memberOfA: memberOfA.id,
    referentOfA: referentOfA.id,
    memberOfB: memberOfB.id,
    moderator: moderator.id,
    official: official.id,
    admin: admin.id,
    deactivated: deactivated.id,
    moderatorOfA: moderatorOfA.id,
    officialOfA: officialOfA.id,
  };
  const actors = { anonymous: null } as Record<MatrixRole, SignedInActor | null>;
  for (const [role, id] of Object.entries(ids)) actors[role as MatrixRole] = await loadActor(db, id, 0);
  return { councilA: { id: councilA.id, slug: councilA.slug }, councilB: { id: councilB.id, slug: councilB.slug }, actors, userIds: ids };
}

/** Re-reads an actor (after a role or membership change). */
export async function reload(db: Db, userId: number): Promise<SignedInActor | null> {
  const [row] = await db.select({ sv: users.sessionVersion }).from(users).where(eq(users.id, userId));
  return row ? loadActor(db, userId, row.sv) : null;
}
