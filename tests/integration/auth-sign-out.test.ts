import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database, Db } from "@/db/client";
import { revokedSessions } from "@/db/schema";
import { loadActor } from "@/server/auth/actor";
import { revokeSession } from "@/server/auth/revoke-session";
import { createUser } from "../support/actors";
import { createTestDatabase, type TestDatabase } from "../support/test-database";

/*
 * « Se déconnecter » ends this session on the server: the same cookie (its session id) is refused
 * from then on, while the person's other sessions go on.
 */
let testDb: TestDatabase;
let database: Database;
let db: Db;
beforeAll(async () => {
  testDb = await createTestDatabase("auth_sign_out");
  database = await testDb.openPrepared({ demo: false });
  db = database.db;
});
afterAll(() => testDb.drop());

describe("revokeSession", () => {
  it("refuses the revoked session only", async () => {
    const user = await createUser(db);
    const [phone, laptop] = [randomUUID(), randomUUID()];
    expect(await loadActor(db, user.id, 0, phone)).not.toBeNull();
    await revokeSession(db, { sessionId: phone, userId: user.id, expiresAt: new Date(Date.now() + 3600_000) });
    expect(await loadActor(db, user.id, 0, phone)).toBeNull();
    expect((await loadActor(db, user.id, 0, laptop))?.id).toBe(user.id);
    // Twice is harmless (a double click, two tabs).
    await revokeSession(db, { sessionId: phone, userId: user.id, expiresAt: new Date(Date.now() + 3600_000) });
    expect(await loadActor(db, user.id, 0, phone)).toBeNull();
  });

  it("forgets sessions whose cookie has expired anyway", async () => {
    const user = await createUser(db);
    const old = randomUUID();
    await db.insert(revokedSessions).values({ sessionId: old, userId: user.id, expiresAt: new Date(Date.now() - 1000) });
    await revokeSession(db, { sessionId: randomUUID(), userId: user.id, expiresAt: new Date(Date.now() + 3600_000) });
    expect(await db.select().from(revokedSessions).where(eq(revokedSessions.sessionId, old))).toEqual([]);
  });
});
