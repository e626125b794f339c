import { and, eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database, Db } from "@/db/client";
import { auditLog, users } from "@/db/schema";
import { loadActor } from "@/server/auth/actor";
import { revokeAllSessions } from "@/server/auth/revoke-sessions";
import { createCast, matrixRoles, type Cast } from "../support/actors";
import { createTestDatabase, type TestDatabase } from "../support/test-database";

/*
 * « Se déconnecter de tous les appareils », called directly as every role of the matrix: a
 * signed-in person bumps their own session version (every older session is refused at once) and
 * the journal says so; anonymous and deactivated get UNAUTHENTICATED and nothing changes.
 */
let testDb: TestDatabase;
let database: Database;
let db: Db;
let cast: Cast;
beforeAll(async () => {
  testDb = await createTestDatabase("auth_revoke");
  database = await testDb.openPrepared({ demo: false });
  db = database.db;
  cast = await createCast(db);
});
afterAll(() => testDb.drop());

const allUserIds = () => Object.values(cast.userIds);
const versions = async () =>
  new Map(
    (await db.select({ id: users.id, sv: users.sessionVersion }).from(users).where(inArray(users.id, allUserIds()))).map((r) => [
      r.id,
      r.sv,
    ]),
  );
const revokeAudit = () =>
  db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.action, "session.revoke_all"), inArray(auditLog.targetId, allUserIds().map(String))));

describe("revokeAllSessions, as every role", () => {
  for (const role of matrixRoles) {
    const allowed = role !== "anonymous" && role !== "deactivated";
    it(`${role}: ${allowed ? "bumps their own session version only, audited" : "refused, nothing changes"}`, async () => {
      const before = await versions();
      const auditBefore = (await revokeAudit()).length;
      const actor = cast.actors[role];
      const result = await revokeAllSessions(db, actor);
      const after = await versions();
      if (!allowed) {
        expect(result).toMatchObject({ ok: false, code: "UNAUTHENTICATED" });
        expect(after).toEqual(before);
        expect(await revokeAudit()).toHaveLength(auditBefore);
        return;
      }
      const id = cast.userIds[role as Exclude<typeof role, "anonymous">];
      expect(result).toEqual({ ok: true, data: { sessionVersion: before.get(id)! + 1 }, message: expect.any(String) });
      for (const [userId, version] of before) expect(after.get(userId)).toBe(userId === id ? version + 1 : version);
      const audit = (await revokeAudit()).filter((row) => row.targetId === String(id));
      expect(audit.at(-1)).toMatchObject({ actorUserId: id, targetType: "user", action: "session.revoke_all" });
      // The session that made the call (and any other older one) no longer loads an actor.
      expect(await loadActor(db, id, before.get(id)!)).toBeNull();
      expect(await loadActor(db, id, after.get(id)!)).not.toBeNull();
    });
  }

  it("a stale actor object cannot act for an account deactivated since", async () => {
    const id = cast.userIds.memberOfB;
    const [row] = await db.select({ sv: users.sessionVersion }).from(users).where(eq(users.id, id));
    const actor = await loadActor(db, id, row!.sv);
    await db.update(users).set({ deactivatedAt: new Date() }).where(eq(users.id, id));
    const before = await versions();
    expect(await revokeAllSessions(db, actor)).toMatchObject({ ok: false, code: "UNAUTHENTICATED" });
    expect(await versions()).toEqual(before);
  });
});
