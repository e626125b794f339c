import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database, Db } from "@/db/client";
import { createCouncil } from "@/db/factories";
import { councilMemberships } from "@/db/schema";
import { getPublicCouncil } from "@/server/councils/get-public-council";
import { createUser } from "../support/actors";
import { createTestDatabase, type TestDatabase } from "../support/test-database";

let testDb: TestDatabase;
let database: Database;
let db: Db;
beforeAll(async () => {
  testDb = await createTestDatabase("councils_pub");
  database = await testDb.openPrepared({ demo: true });
  db = database.db;
});
afterAll(() => testDb.drop());

describe("the public page of a council", () => {
  it("gives public fields, the number of active members and only the names shown by choice — never an email", async () => {
    const council = await createCouncil(db, { area: "Centre-ville", description: "Un conseil de test." });
    const shown = await createUser(db, { displayName: "Jeanne Visible" });
    const hidden = await createUser(db, { displayName: "Paul Discret" });
    const gone = await createUser(db, { displayName: "Compte Désactivé", deactivatedAt: new Date() });
    await db.insert(councilMemberships).values([
      { councilId: council.id, userId: shown.id, role: "referent", showNamePublicly: true },
      { councilId: council.id, userId: hidden.id, role: "member" },
      { councilId: council.id, userId: gone.id, role: "member", showNamePublicly: true },
    ]);
    const page = await getPublicCouncil(db, council.slug);
    expect(page).toEqual({
      slug: council.slug,
      name: council.name,
      area: "Centre-ville",
      description: "Un conseil de test.",
      isDemo: false,
      memberCount: 2,
      publicMemberNames: ["Jeanne Visible"],
      contributions: { items: [], page: 1, pageCount: 1, total: 0 },
    });
    const text = JSON.stringify(page);
    for (const secret of [shown.email, hidden.email, gone.email, "Paul Discret", "Compte Désactivé", "@"])
      expect(text).not.toContain(secret);
  });

  it("the demo council n°1 is marked as demo; the demo members' names stay hidden by default", async () => {
    const page = await getPublicCouncil(db, "conseil-de-quartier-1");
    expect(page).toMatchObject({ name: "Conseil de quartier n°1", isDemo: true, publicMemberNames: [] });
    expect(page!.memberCount).toBeGreaterThanOrEqual(2);
    expect(JSON.stringify(page)).not.toMatch(/@/);
  });

  it("an unknown or archived council has no public page", async () => {
    const archived = await createCouncil(db, { archivedAt: new Date() });
    expect(await getPublicCouncil(db, archived.slug)).toBeNull();
    expect(await getPublicCouncil(db, "conseil-inconnu")).toBeNull();
  });
});
