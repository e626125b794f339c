import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database, Db } from "@/db/client";
import { createCouncil } from "@/db/factories";
import { councilMemberships } from "@/db/schema";
import { removeMember } from "@/server/councils/remove-member";
import { setMemberRole } from "@/server/councils/set-member-role";
import { createCast, createUser } from "../support/actors";
import { snapshotCouncilTables } from "../support/db-snapshot";
import { createTestDatabase, onPostgres, type TestDatabase } from "../support/test-database";

/* « A council always keeps at least one referent », also when two people act at the same moment. */
let testDb: TestDatabase;
let database: Database;
let db: Db;
beforeAll(async () => {
  testDb = await createTestDatabase("councils_ref");
  database = await testDb.openPrepared({ demo: false });
  db = database.db;
});
afterAll(() => testDb.drop());

async function councilWithReferents(count: number) {
  const council = await createCouncil(db);
  const referents = [];
  for (let i = 0; i < count; i++) {
    const user = await createUser(db);
    await db.insert(councilMemberships).values({ councilId: council.id, userId: user.id, role: "referent" });
    referents.push(user);
  }
  return { council, referents };
}

const referentsOf = async (councilId: number) =>
  db
    .select({ userId: councilMemberships.userId })
    .from(councilMemberships)
    .where(and(eq(councilMemberships.councilId, councilId), eq(councilMemberships.role, "referent")));

describe("the last referent", () => {
  it("cannot be made member again, nor removed, nor leave — with a French message, and nothing changes", async () => {
    const cast = await createCast(db);
    const { council, referents } = await councilWithReferents(1);
    const only = referents[0]!;
    const before = await snapshotCouncilTables(db);
    const demoted = await setMemberRole(db, cast.actors.admin, { councilId: council.id, userId: only.id, role: "member" });
    expect(demoted).toMatchObject({ ok: false, code: "LAST_REFERENT" });
    expect(demoted.ok ? "" : demoted.message).toMatch(/au moins un·e référent·e/);
    expect(await removeMember(db, cast.actors.admin, { councilId: council.id, userId: only.id })).toMatchObject({
      ok: false,
      code: "LAST_REFERENT",
    });
    expect(await snapshotCouncilTables(db)).toEqual(before);
  });

  it("a deactivated referent does not count: the last active one stays", async () => {
    const cast = await createCast(db);
    // In the cast, council A has referentOfA (active) and a deactivated referent.
    const result = await setMemberRole(db, cast.actors.referentOfA, {
      councilId: cast.councilA.id,
      userId: cast.userIds.referentOfA,
      role: "member",
    });
    expect(result).toMatchObject({ ok: false, code: "LAST_REFERENT" });
  });

  it("with two referents, one may step down; then the other may not", async () => {
    const cast = await createCast(db);
    const { council, referents } = await councilWithReferents(2);
    expect(await setMemberRole(db, cast.actors.admin, { councilId: council.id, userId: referents[0]!.id, role: "member" })).toMatchObject({
      ok: true,
    });
    expect(await removeMember(db, cast.actors.admin, { councilId: council.id, userId: referents[1]!.id })).toMatchObject({
      ok: false,
      code: "LAST_REFERENT",
    });
    expect(await referentsOf(council.id)).toEqual([{ userId: referents[1]!.id }]);
  });
});

describe.runIf(onPostgres)("the last referent under concurrent changes (PostgreSQL)", () => {
  it("two simultaneous demotions of the two last referents leave exactly one", async () => {
    const cast = await createCast(db);
    for (let round = 0; round < 8; round++) {
      const { council, referents } = await councilWithReferents(2);
      const results = await Promise.all(
        referents.map((r) => setMemberRole(db, cast.actors.admin, { councilId: council.id, userId: r.id, role: "member" })),
      );
      expect(results.filter((r) => r.ok)).toHaveLength(1);
      expect(results.filter((r) => !r.ok && r.code === "LAST_REFERENT")).toHaveLength(1);
      expect(await referentsOf(council.id)).toHaveLength(1);
    }
  });

  it("a simultaneous removal and demotion of the two last referents leave exactly one", async () => {
    const cast = await createCast(db);
    for (let round = 0; round < 8; round++) {
      const { council, referents } = await councilWithReferents(2);
      const results = await Promise.all([
        removeMember(db, cast.actors.admin, { councilId: council.id, userId: referents[0]!.id }),
        setMemberRole(db, cast.actors.admin, { councilId: council.id, userId: referents[1]!.id, role: "member" }),
      ]);
      expect(results.filter((r) => r.ok)).toHaveLength(1);
      expect(await referentsOf(council.id)).toHaveLength(1);
    }
  });
});
