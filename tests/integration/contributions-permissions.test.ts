import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database, Db } from "@/db/client";
import { createAction } from "@/db/factories";
import { contributions, councils } from "@/db/schema";
import type { ActionResult } from "@/lib/action-result";
import { can } from "@/lib/permissions";
import { commentDraft } from "@/server/contributions/comment-draft";
import { createDraft } from "@/server/contributions/create-draft";
import { listCouncilContributions } from "@/server/contributions/list-council-contributions";
import { submitContribution } from "@/server/contributions/submit-contribution";
import { withdrawContribution } from "@/server/contributions/withdraw-contribution";
import { approveContribution } from "@/server/moderation/decide";
import { createCast, matrixRoles, type Cast, type MatrixRole } from "../support/actors";
import { auditCount, lastAudit } from "../support/db-snapshot";
import { createTestDatabase, onPostgres, type TestDatabase } from "../support/test-database";
import { feedbackInput, proposalInput, refusalCode, snapshotContributionTables } from "./contributions-helpers";

/*
 * Every contribution server function called directly as each of the 8 roles, about council A.
 * Refused calls change no row (contributions, comments, journal); allowed changes are journaled.
 */
let testDb: TestDatabase;
let database: Database;
let db: Db;
let cast: Cast;
let actionSlug: string;
beforeAll(async () => {
  testDb = await createTestDatabase("contrib_perm");
  database = await testDb.openPrepared({ demo: false });
  db = database.db;
  cast = await createCast(db);
  actionSlug = (await createAction(db)).slug;
});
afterAll(() => testDb.drop());

async function expectRefusedUnchanged(role: MatrixRole, call: () => Promise<ActionResult<unknown>>, code = refusalCode(role)) {
  const before = await snapshotContributionTables(db);
  const result = await call();
  expect(result).toMatchObject({ ok: false, code });
  expect(await snapshotContributionTables(db)).toEqual(before);
}

const writers: MatrixRole[] = ["memberOfA", "referentOfA"];

async function draftOfA() {
  const result = await createDraft(db, cast.actors.memberOfA, feedbackInput(cast.councilA.id, actionSlug));
  if (!result.ok) throw new Error(result.message);
  return result.data.id;
}

describe("createDraft, as each role", () => {
  for (const role of matrixRoles) {
    const allowed = writers.includes(role);
    it(`${role} ${allowed ? "may" : "may not"} write a draft for council A`, async () => {
      expect(can(cast.actors[role], "contribution.draft", { councilId: cast.councilA.id })).toBe(allowed);
      const input = feedbackInput(cast.councilA.id, actionSlug);
      if (!allowed) return expectRefusedUnchanged(role, () => createDraft(db, cast.actors[role], input));
      const before = await auditCount(db);
      const result = await createDraft(db, cast.actors[role], input);
      expect(result.ok).toBe(true);
      expect(await auditCount(db)).toBe(before + 1);
      expect(await lastAudit(db)).toMatchObject({ actorUserId: cast.userIds[role as "memberOfA"], action: "contribution.draft" });
      const [row] = await db.select().from(contributions).where(eq(contributions.id, (result as { data: { id: number } }).data.id));
      expect(row).toMatchObject({ status: "draft", councilId: cast.councilA.id, authorId: cast.userIds[role as "memberOfA"] });
    });
  }

  it("validates with French messages, counting characters as people do, and writes nothing", async () => {
    const before = await snapshotContributionTables(db);
    const tooShort = await createDraft(db, cast.actors.memberOfA, { ...feedbackInput(cast.councilA.id, actionSlug), body: "court" });
    expect(tooShort).toMatchObject({ ok: false, code: "VALIDATION_FAILED" });
    expect((tooShort as { fieldErrors: Record<string, string[]> }).fieldErrors.body?.[0]).toMatch(/au moins 10 caractères/);
    // 5000 emoji are 5000 characters (10000 UTF-16 units): accepted; 5001 are not.
    const emoji = "👍🏽";
    const ok = await createDraft(db, cast.actors.memberOfA, { ...feedbackInput(cast.councilA.id, actionSlug), body: emoji.repeat(5000) });
    expect(ok.ok).toBe(true);
    const tooLong = await createDraft(db, cast.actors.memberOfA, { ...feedbackInput(cast.councilA.id, actionSlug), body: emoji.repeat(5001) });
    expect(tooLong).toMatchObject({ ok: false, code: "VALIDATION_FAILED" });
    const noTitle = await createDraft(db, cast.actors.memberOfA, proposalInput(cast.councilA.id, actionSlug, "", "Une proposition assez longue."));
    expect((noTitle as { fieldErrors: Record<string, string[]> }).fieldErrors.title?.[0]).toMatch(/titre/);
    const badPosition = await createDraft(db, cast.actors.memberOfA, { ...feedbackInput(cast.councilA.id, actionSlug), position: "bof" } as never);
    expect(badPosition).toMatchObject({ ok: false, code: "VALIDATION_FAILED" });
    const unknownFiche = await createDraft(db, cast.actors.memberOfA, feedbackInput(cast.councilA.id, "fiche-inexistante"));
    expect(unknownFiche).toMatchObject({ ok: false, code: "VALIDATION_FAILED" });
    const after = await snapshotContributionTables(db);
    expect(after.contributions.length).toBe(before.contributions.length + 1);
  });

  it("the same form sent twice creates one contribution", async () => {
    const input = feedbackInput(cast.councilA.id, actionSlug);
    const first = await createDraft(db, cast.actors.memberOfA, input);
    const second = await createDraft(db, cast.actors.memberOfA, input);
    expect(first.ok && second.ok).toBe(true);
    expect((second as { data: { id: number } }).data.id).toBe((first as { data: { id: number } }).data.id);
    const rows = await db.select().from(contributions).where(eq(contributions.clientRequestId, input.clientRequestId));
    expect(rows).toHaveLength(1);
    // Someone else replaying the same id gets nothing of it.
    const other = await createDraft(db, cast.actors.referentOfA, input);
    expect(other).toMatchObject({ ok: false, code: "CONFLICT" });
  });
});

describe("commentDraft, as each role", () => {
  for (const role of matrixRoles) {
    const allowed = writers.includes(role);
    it(`${role} ${allowed ? "may" : "may not"} comment a draft of council A`, async () => {
      const id = await draftOfA();
      const input = { contributionId: id, body: `Commentaire de ${role}` };
      if (!allowed) return expectRefusedUnchanged(role, () => commentDraft(db, cast.actors[role], input));
      expect((await commentDraft(db, cast.actors[role], input)).ok).toBe(true);
      const list = await listCouncilContributions(db, cast.actors.memberOfA, cast.councilA.slug);
      expect(list.ok && list.data.items.find((i) => i.id === id)?.comments.map((c) => c.body)).toEqual([`Commentaire de ${role}`]);
    });
  }
});

describe("submitContribution, as each role", () => {
  for (const role of matrixRoles) {
    const allowed = writers.includes(role);
    it(`${role} ${allowed ? "may" : "may not"} submit a draft of council A`, async () => {
      const id = await draftOfA();
      if (!allowed) return expectRefusedUnchanged(role, () => submitContribution(db, cast.actors[role], { id }));
      const before = await auditCount(db);
      expect((await submitContribution(db, cast.actors[role], { id })).ok).toBe(true);
      expect(await auditCount(db)).toBe(before + 1);
      const [row] = await db.select().from(contributions).where(eq(contributions.id, id));
      expect(row).toMatchObject({ status: "pending", submittedById: cast.userIds[role as "memberOfA"] });
      // Only once; and no more comments on it.
      await expectRefusedUnchanged(role, () => submitContribution(db, cast.actors[role], { id }), "CONFLICT");
      await expectRefusedUnchanged(role, () => commentDraft(db, cast.actors[role], { contributionId: id, body: "trop tard" }), "FORBIDDEN");
    });
  }

  it("only referents submit when the council says so", async () => {
    await db.update(councils).set({ submissionPolicy: "referents_only" }).where(eq(councils.id, cast.councilA.id));
    try {
      const id = await draftOfA();
      await expectRefusedUnchanged("memberOfA", () => submitContribution(db, cast.actors.memberOfA, { id }));
      expect((await submitContribution(db, cast.actors.referentOfA, { id })).ok).toBe(true);
    } finally {
      await db.update(councils).set({ submissionPolicy: "any_member" }).where(eq(councils.id, cast.councilA.id));
    }
  });
});

describe("withdrawContribution, as each role", () => {
  for (const role of matrixRoles) {
    const allowed = writers.includes(role);
    it(`${role} ${allowed ? "may" : "may not"} take a pending item of council A back`, async () => {
      const id = await draftOfA();
      await submitContribution(db, cast.actors.memberOfA, { id });
      if (!allowed) return expectRefusedUnchanged(role, () => withdrawContribution(db, cast.actors[role], { id }));
      const before = await auditCount(db);
      expect((await withdrawContribution(db, cast.actors[role], { id })).ok).toBe(true);
      expect(await auditCount(db)).toBe(before + 1);
      const [row] = await db.select().from(contributions).where(eq(contributions.id, id));
      expect(row).toMatchObject({ status: "draft", submittedAt: null });
    });
  }

  it("a published item cannot be withdrawn", async () => {
    const id = await draftOfA();
    await submitContribution(db, cast.actors.memberOfA, { id });
    expect((await approveContribution(db, cast.actors.moderator, { id })).ok).toBe(true);
    await expectRefusedUnchanged("memberOfA", () => withdrawContribution(db, cast.actors.memberOfA, { id }), "CONFLICT");
  });
});

describe("listCouncilContributions, as each role", () => {
  for (const role of matrixRoles) {
    const allowed = writers.includes(role);
    it(`${role} ${allowed ? "sees" : "does not see"} council A's contributions`, async () => {
      const result = await listCouncilContributions(db, cast.actors[role], cast.councilA.slug);
      if (!allowed) return expect(result).toMatchObject({ ok: false, code: refusalCode(role) });
      expect(result.ok).toBe(true);
      if (result.ok) expect(result.data.items.length).toBeGreaterThan(0);
    });
  }

  it("a member of B sees only B's items", async () => {
    const result = await listCouncilContributions(db, cast.actors.memberOfB, cast.councilB.slug);
    expect(result.ok && result.data.items).toEqual([]);
  });
});

describe.runIf(onPostgres)("withdraw and approve at the same moment (PostgreSQL)", () => {
  it("exactly one applies", async () => {
    for (let round = 0; round < 20; round++) {
      const id = await draftOfA();
      await submitContribution(db, cast.actors.memberOfA, { id });
      const [w, a] = await Promise.all([withdrawContribution(db, cast.actors.memberOfA, { id }), approveContribution(db, cast.actors.moderator, { id })]);
      expect([w.ok, a.ok].filter(Boolean)).toHaveLength(1);
      const [row] = await db.select().from(contributions).where(eq(contributions.id, id));
      expect(row!.status).toBe(w.ok ? "draft" : "published");
    }
  });
});

describe.runIf(onPostgres)("the same form submitted twice at once (PostgreSQL)", () => {
  it("creates one contribution", async () => {
    for (let round = 0; round < 10; round++) {
      const input = feedbackInput(cast.councilA.id, actionSlug);
      const results = await Promise.all([createDraft(db, cast.actors.memberOfA, input), createDraft(db, cast.actors.memberOfA, input)]);
      expect(results.every((r) => r.ok)).toBe(true);
      const rows = await db.select().from(contributions).where(eq(contributions.clientRequestId, input.clientRequestId));
      expect(rows).toHaveLength(1);
    }
  });
});
