import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database, Db } from "@/db/client";
import { createAction, createCouncil } from "@/db/factories";
import { auditLog, contributionSupports, councilMemberships, notifications } from "@/db/schema";
import type { ActionResult } from "@/lib/action-result";
import { can } from "@/lib/permissions";
import { supportSchema } from "@/lib/validation/contribution";
import { getSupportChoice, supportProposal } from "@/server/supports/support-proposal";
import { loadActionPage } from "@/server/plan/load-action-page";
import { createCast, createUser, matrixRoles, reload, type Cast, type MatrixRole } from "../support/actors";
import { submitForm } from "../support/forms";
import { createTestDatabase, onPostgres, type TestDatabase } from "../support/test-database";
import { refusalCode } from "./contributions-helpers";
import { expectRefusedUnchanged as expectUnchanged, insertItem, snapshotAnswerTables } from "./answers-helpers";

/*
 * A council supports another council's published proposal, once. Called directly as each role:
 * refused calls change nothing; a support writes one row, one journal row, and notifies the
 * proposing council.
 */
let testDb: TestDatabase;
let database: Database;
let db: Db;
let cast: Cast;
let actionSlug: string;
beforeAll(async () => {
  testDb = await createTestDatabase("supports");
  database = await testDb.openPrepared({ demo: false });
  db = database.db;
  cast = await createCast(db);
  actionSlug = (await createAction(db)).slug;
});
afterAll(() => testDb.drop());

const expectRefusedUnchanged = (call: () => Promise<ActionResult<unknown>>, code: string) => expectUnchanged(db, call, code);

/** Council A's members, whatever else they are (staff who belong to it too). */
const membersOfA = ["memberOfA", "referentOfA", "moderatorOfA", "officialOfA"] as const satisfies MatrixRole[];
const isMemberOfA = (role: MatrixRole) => (membersOfA as readonly MatrixRole[]).includes(role);

/** The council each role would speak for: its own, or council B for people without a council. */
const councilOf = (role: MatrixRole) => (isMemberOfA(role) ? cast.councilA.id : cast.councilB.id);

/** Who a proposal of council A notifies: its active members. */
const notifiedOfA = () => new Set(membersOfA.map((role) => cast.userIds[role]));

describe("supportProposal, as each role, on a published proposal of council A", () => {
  for (const role of matrixRoles) {
    const allowed = role === "memberOfB";
    it(`${role} ${allowed ? "may" : "may not"} support it`, async () => {
      const id = await insertItem(db, cast.councilA.id, actionSlug);
      const councilId = councilOf(role);
      expect(
        can(cast.actors[role], "contribution.support", {
          councilId,
          contributionCouncilId: cast.councilA.id,
          contributionKind: "proposal",
          contributionStatus: "published",
        }),
      ).toBe(allowed);
      if (!allowed)
        return expectRefusedUnchanged(() => supportProposal(db, cast.actors[role], { contributionId: id, councilId }), refusalCode(role));
      const before = await snapshotAnswerTables(db);
      const result = await supportProposal(db, cast.actors[role], { contributionId: id, councilId });
      expect(result).toMatchObject({ ok: true, data: { added: true } });
      const after = await snapshotAnswerTables(db);
      expect(after.audit.length).toBe(before.audit.length + 1);
      expect(after.audit.at(-1)).toMatchObject({
        action: "contribution.support",
        actorUserId: cast.userIds.memberOfB,
        targetId: String(id),
        councilId: cast.councilB.id,
      });
      expect(after.supports.length).toBe(before.supports.length + 1);
    });
  }

  it("a council's own proposal: refused with an explanation", async () => {
    const id = await insertItem(db, cast.councilA.id, actionSlug);
    const before = await snapshotAnswerTables(db);
    const result = await supportProposal(db, cast.actors.memberOfA, { contributionId: id, councilId: cast.councilA.id });
    expect(result).toMatchObject({ ok: false, code: "FORBIDDEN", message: expect.stringMatching(/proposition de votre conseil/) });
    expect(await snapshotAnswerTables(db)).toEqual(before);
    const choice = await getSupportChoice(db, cast.actors.memberOfA, id);
    expect(choice.ok).toBe(true);
    if (!choice.ok) return;
    expect(choice.data.councils).toEqual([{ id: cast.councilA.id, name: expect.any(String), own: true, supportedAt: null }]);
  });

  it("staff who are members of council A support council B's proposals in A's name, not in a council they are not in", async () => {
    for (const role of ["moderatorOfA", "officialOfA"] as const) {
      const id = await insertItem(db, cast.councilB.id, actionSlug);
      await expectRefusedUnchanged(
        () => supportProposal(db, cast.actors[role], { contributionId: id, councilId: cast.councilB.id }),
        "FORBIDDEN",
      );
      const result = await supportProposal(db, cast.actors[role], { contributionId: id, councilId: cast.councilA.id });
      expect(result).toMatchObject({ ok: true, data: { added: true, councilId: cast.councilA.id } });
      const choice = await getSupportChoice(db, cast.actors[role], id);
      expect(choice.ok).toBe(true);
      if (!choice.ok) return;
      expect(choice.data.councils).toEqual([{ id: cast.councilA.id, name: expect.any(String), own: false, supportedAt: expect.any(Date) }]);
    }
  });

  it("the form's hidden inputs that are not ids: refused in French, nothing written", async () => {
    const id = await insertItem(db, cast.councilA.id, actionSlug);
    const before = await snapshotAnswerTables(db);
    const send = (contributionId: string, councilId: string) =>
      submitForm(db, cast.actors.memberOfB, supportSchema, { contributionId, councilId }, (input) =>
        supportProposal(db, cast.actors.memberOfB, input),
      );
    const refused = await send("abc", String(cast.councilB.id));
    expect(refused).toMatchObject({
      ok: false,
      code: "VALIDATION_FAILED",
      fieldErrors: { contributionId: ["Proposition introuvable : rechargez la page."] },
    });
    expect(await send(String(id), "2147483648")).toMatchObject({
      ok: false,
      code: "VALIDATION_FAILED",
      fieldErrors: { councilId: ["Choisissez un conseil."] },
    });
    expect(await snapshotAnswerTables(db)).toEqual(before);
    expect(await send(String(id), String(cast.councilB.id))).toMatchObject({ ok: true, data: { added: true } });
  });

  it("avis, drafts, pending, rejected and hidden items cannot be supported", async () => {
    const ids = [
      await insertItem(db, cast.councilA.id, actionSlug, { kind: "feedback" }),
      ...(await Promise.all(
        (["draft", "pending", "rejected", "hidden"] as const).map((status) => insertItem(db, cast.councilA.id, actionSlug, { status })),
      )),
    ];
    for (const id of ids) {
      await expectRefusedUnchanged(
        () => supportProposal(db, cast.actors.memberOfB, { contributionId: id, councilId: cast.councilB.id }),
        "NOT_FOUND",
      );
      expect(await getSupportChoice(db, cast.actors.memberOfB, id)).toMatchObject({ ok: false, code: "NOT_FOUND" });
    }
  });
});

describe("a support", () => {
  it("counts once per council: a second member of the same council changes nothing; the page says so", async () => {
    const id = await insertItem(db, cast.councilA.id, actionSlug, { title: "Des bancs au square" });
    const other = await createUser(db);
    await db.insert(councilMemberships).values({ councilId: cast.councilB.id, userId: other.id, role: "referent" });
    const first = await supportProposal(db, cast.actors.memberOfB, { contributionId: id, councilId: cast.councilB.id });
    expect(first).toMatchObject({ ok: true, data: { added: true } });
    const before = await snapshotAnswerTables(db);
    const second = await supportProposal(db, await reload(db, other.id), { contributionId: id, councilId: cast.councilB.id });
    expect(second).toMatchObject({ ok: true, data: { added: false }, message: expect.stringMatching(/soutenait déjà/) });
    expect(await snapshotAnswerTables(db)).toEqual(before);
    const choice = await getSupportChoice(db, cast.actors.memberOfB, id);
    expect(choice.ok).toBe(true);
    if (!choice.ok) return;
    expect(choice.data).toMatchObject({ supportCount: 1, councils: [{ id: cast.councilB.id, own: false, supportedAt: expect.any(Date) }] });
  });

  it("notifies the proposing council's members, and the public count names the supporting councils", async () => {
    const fiche = await createAction(db);
    const id = await insertItem(db, cast.councilA.id, fiche.slug, { title: "Un jardin partagé" });
    const third = await createCouncil(db, { name: "Conseil des Trois Ponts" });
    const thirdMember = await createUser(db);
    await db.insert(councilMemberships).values({ councilId: third.id, userId: thirdMember.id, role: "member" });
    await supportProposal(db, cast.actors.memberOfB, { contributionId: id, councilId: cast.councilB.id });
    await supportProposal(db, await reload(db, thirdMember.id), { contributionId: id, councilId: third.id });
    const rows = await db
      .select()
      .from(notifications)
      .where(and(eq(notifications.contributionId, id), eq(notifications.kind, "contribution_supported")));
    expect(new Set(rows.map((r) => r.userId))).toEqual(notifiedOfA());
    expect(rows.map((r) => r.message)).toContain("Le Conseil des Trois Ponts soutient votre proposition « Un jardin partagé ».");
    expect(rows.every((r) => r.link === `/fiches/${fiche.slug}/contribution/${id}`)).toBe(true);
    const page = await loadActionPage(fiche.slug, db);
    const item = page!.contributions.find((c) => c.id === id)!;
    expect(item.supporters.map((s) => s.name)).toEqual([expect.stringMatching(/^Conseil conseil-test-/), "Conseil des Trois Ponts"]);
  });
});

describe.runIf(onPostgres)("supports at once (PostgreSQL)", () => {
  it("25 concurrent supports from one council (several members) → one row, one journal row, one set of notifications", async () => {
    const id = await insertItem(db, cast.councilA.id, actionSlug);
    const council = await createCouncil(db);
    const members = await Promise.all(Array.from({ length: 5 }, () => createUser(db)));
    await db.insert(councilMemberships).values(members.map((m) => ({ councilId: council.id, userId: m.id, role: "member" as const })));
    const actors = await Promise.all(members.map((m) => reload(db, m.id)));
    const results = await Promise.all(
      Array.from({ length: 25 }, (_, i) => supportProposal(db, actors[i % actors.length]!, { contributionId: id, councilId: council.id })),
    );
    expect(results.every((r) => r.ok)).toBe(true);
    expect(results.filter((r) => r.ok && r.data.added)).toHaveLength(1);
    expect(await db.select().from(contributionSupports).where(eq(contributionSupports.contributionId, id))).toHaveLength(1);
    expect(
      await db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.action, "contribution.support"), eq(auditLog.targetId, String(id)))),
    ).toHaveLength(1);
    const notified = await db
      .select()
      .from(notifications)
      .where(and(eq(notifications.contributionId, id), eq(notifications.kind, "contribution_supported")));
    expect(new Set(notified.map((r) => r.userId))).toEqual(notifiedOfA());
    expect(notified).toHaveLength(membersOfA.length);
  });
});
