import { randomUUID } from "node:crypto";
import { and, eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database, Db } from "@/db/client";
import { createAction } from "@/db/factories";
import { auditLog, councilMemberships, contributions } from "@/db/schema";
import type { ActionResult } from "@/lib/action-result";
import { createDraft } from "@/server/contributions/create-draft";
import { submitContribution } from "@/server/contributions/submit-contribution";
import { getCouncilContribution } from "@/server/contributions/list-council-contributions";
import { approveContribution, rejectContribution } from "@/server/moderation/decide";
import { listPendingQueue } from "@/server/moderation/queue";
import { rejectSchema } from "@/lib/validation/contribution";
import { loadActionPage } from "@/server/plan/load-action-page";
import { createCast, createUser, matrixRoles, reload, type Cast, type MatrixRole } from "../support/actors";
import { auditCount, lastAudit } from "../support/db-snapshot";
import { submitForm } from "../support/forms";
import { createTestDatabase, onPostgres, type TestDatabase } from "../support/test-database";
import { feedbackInput, proposalInput, refusalCode, setStatus, snapshotContributionTables } from "./contributions-helpers";
import { rejectData } from "./moderation-helpers";

/*
 * Moderation called directly as each role of the matrix; a moderator never decides an item of
 * their own council nor sees it in the queue (but sees the other councils'); two moderators at
 * once → one decision; only published items are ever public.
 */
let testDb: TestDatabase;
let database: Database;
let db: Db;
let cast: Cast;
let actionSlug: string;
beforeAll(async () => {
  testDb = await createTestDatabase("moderation");
  database = await testDb.openPrepared({ demo: false });
  db = database.db;
  cast = await createCast(db);
  actionSlug = (await createAction(db)).slug;
});
afterAll(() => testDb.drop());

async function pendingOf(council: "A" | "B", body?: string) {
  const [author, councilId] = council === "A" ? [cast.actors.memberOfA, cast.councilA.id] : [cast.actors.memberOfB, cast.councilB.id];
  const draft = await createDraft(db, author, feedbackInput(councilId, actionSlug, body));
  if (!draft.ok) throw new Error(draft.message);
  const submitted = await submitContribution(db, author, { id: draft.data.id });
  if (!submitted.ok) throw new Error(submitted.message);
  return draft.data.id;
}
const pendingOfA = (body?: string) => pendingOf("A", body);

async function expectRefusedUnchanged(role: MatrixRole, call: () => Promise<ActionResult<unknown>>, code = refusalCode(role)) {
  const before = await snapshotContributionTables(db);
  const result = await call();
  expect(result).toMatchObject({ ok: false, code });
  expect(await snapshotContributionTables(db)).toEqual(before);
}

const moderators: MatrixRole[] = ["moderator"];
/** Moderators, also one who belongs to council A: the queue lists the other councils' items. */
const queueViewers: MatrixRole[] = ["moderator", "moderatorOfA"];

describe("approve, reject and the queue, as each role", () => {
  for (const role of matrixRoles) {
    const allowed = moderators.includes(role);
    it(`${role} ${allowed ? "may" : "may not"} approve`, async () => {
      const id = await pendingOfA();
      if (!allowed) return expectRefusedUnchanged(role, () => approveContribution(db, cast.actors[role], { id }));
      const before = await auditCount(db);
      expect(await approveContribution(db, cast.actors[role], { id })).toMatchObject({ ok: true, data: { status: "published" } });
      expect(await auditCount(db)).toBe(before + 1);
      expect(await lastAudit(db)).toMatchObject({
        action: "contribution.approve",
        actorUserId: cast.userIds.moderator,
        targetId: String(id),
      });
    });

    it(`${role} ${allowed ? "may" : "may not"} reject`, async () => {
      const id = await pendingOfA();
      const input = rejectData(id, "Hors sujet pour cette fiche.");
      if (!allowed) return expectRefusedUnchanged(role, () => rejectContribution(db, cast.actors[role], input));
      expect(await rejectContribution(db, cast.actors[role], input)).toMatchObject({ ok: true, data: { status: "rejected" } });
      expect(await lastAudit(db)).toMatchObject({ action: "contribution.reject", reason: "Hors sujet pour cette fiche." });
    });

    const viewer = queueViewers.includes(role);
    const ownCouncil = role === "moderatorOfA";
    it(`${role} ${viewer ? "sees" : "does not see"} the queue${ownCouncil ? ", without the items of their own council" : ""}`, async () => {
      const ofA = await pendingOfA();
      const ofB = await pendingOf("B");
      const result = await listPendingQueue(db, cast.actors[role]);
      if (!viewer) return expect(result).toMatchObject({ ok: false, code: refusalCode(role) });
      expect(result.ok).toBe(true);
      if (!result.ok) return;
      const ids = result.data.items.map((i) => i.id);
      expect(ids).toContain(ofB);
      if (ownCouncil) {
        expect(ids).not.toContain(ofA);
        expect(result.data.councils.map((c) => c.id)).not.toContain(cast.councilA.id);
        // Asking for council A's items by its filter gives nothing either.
        const filtered = await listPendingQueue(db, cast.actors[role], { councilId: cast.councilA.id });
        expect(filtered).toMatchObject({ ok: true, data: { items: [] } });
      } else {
        expect(ids).toContain(ofA);
      }
    });
  }

  it("a reject needs a reason (French message) and changes nothing without one", async () => {
    const id = await pendingOfA();
    const before = await snapshotContributionTables(db);
    const result = await submitForm(
      db,
      cast.actors.moderator,
      rejectSchema,
      { id: String(id), version: "", reason: " ", templateId: "" },
      (input) => rejectContribution(db, cast.actors.moderator, input),
    );
    expect(result).toMatchObject({ ok: false, code: "VALIDATION_FAILED" });
    expect(result.ok ? undefined : result.fieldErrors?.reason?.[0]).toBe("Indiquez la raison du refus : le conseil la lira.");
    expect(await snapshotContributionTables(db)).toEqual(before);
  });

  it("drafts cannot be approved; a second decision is refused and says who decided what", async () => {
    const draft = await createDraft(db, cast.actors.memberOfA, feedbackInput(cast.councilA.id, actionSlug));
    const draftId = (draft as { data: { id: number } }).data.id;
    await expectRefusedUnchanged("moderator", () => approveContribution(db, cast.actors.moderator, { id: draftId }), "CONFLICT");
    const id = await pendingOfA();
    expect((await approveContribution(db, cast.actors.moderator, { id })).ok).toBe(true);
    const second = await rejectContribution(db, cast.actors.moderator, rejectData(id, "Trop tard pour refuser."));
    expect(second).toMatchObject({ ok: false, code: "CONFLICT" });
    expect((second as { message: string }).message).toMatch(/^Déjà décidé par Test .+ : publié\.$/);
  });

  it("nobody moderates an item of a council they belong to, nor sees it in the queue; other councils' items they do", async () => {
    const moderatorInA = await createUser(db, { isModerator: true });
    await db.insert(councilMemberships).values({ councilId: cast.councilA.id, userId: moderatorInA.id, role: "member" });
    const actor = await reload(db, moderatorInA.id);
    const id = await pendingOfA();
    const ofB = await pendingOf("B");
    await expectRefusedUnchanged("memberOfA", () => approveContribution(db, actor, { id }));
    await expectRefusedUnchanged("memberOfA", () => rejectContribution(db, actor, rejectData(id, "Je refuse le mien.")));
    const queue = await listPendingQueue(db, actor);
    expect(queue.ok).toBe(true);
    if (!queue.ok) return;
    expect(queue.data.items.some((i) => i.id === ofB)).toBe(true);
    expect(queue.data.items.some((i) => i.id === id)).toBe(false);
    expect(queue.data.councils.some((c) => c.id === cast.councilB.id)).toBe(true);
    expect(queue.data.councils.some((c) => c.id === cast.councilA.id)).toBe(false);
    // The other councils' items they decide as any moderator.
    expect(await approveContribution(db, actor, { id: ofB })).toMatchObject({ ok: true, data: { status: "published" } });
  });

  it("the queue is oldest first, with ages, and filters by council, fiche and kind", async () => {
    const other = await createAction(db);
    const a = await pendingOfA();
    const p = await createDraft(
      db,
      cast.actors.memberOfB,
      proposalInput(cast.councilB.id, other.slug, "Un banc", "Installer un banc près de l'arrêt."),
    );
    const pId = (p as { data: { id: number } }).data.id;
    await submitContribution(db, cast.actors.memberOfB, { id: pId });
    await db
      .update(contributions)
      .set({ submittedAt: new Date(Date.now() - 50 * 3_600_000) })
      .where(eq(contributions.id, pId));
    const all = await listPendingQueue(db, cast.actors.moderator);
    if (!all.ok) throw new Error(all.message);
    const times = all.data.items.map((i) => i.submittedAt.getTime());
    expect(times).toEqual([...times].sort((x, y) => x - y));
    expect(all.data.items[0]).toMatchObject({ id: pId, ageHours: 50 });
    const byCouncil = await listPendingQueue(db, cast.actors.moderator, { councilId: cast.councilB.id });
    if (!byCouncil.ok) throw new Error(byCouncil.message);
    expect(byCouncil.data.items.map((i) => i.id)).toContain(pId);
    expect(byCouncil.data.items.every((i) => i.council.id === cast.councilB.id)).toBe(true);
    const byAction = await listPendingQueue(db, cast.actors.moderator, { actionSlug: other.slug });
    expect(byAction.ok && byAction.data.items.map((i) => i.id)).toEqual([pId]);
    // Every page of the feedback (25 a page): `a` is there, the proposal never.
    const byKind: number[] = [];
    let after: number | null = null;
    do {
      const page = await listPendingQueue(db, cast.actors.moderator, { kind: "feedback" }, { after });
      if (!page.ok) throw new Error(page.message);
      expect(page.data.items.every((i) => i.kind === "feedback")).toBe(true);
      byKind.push(...page.data.items.map((i) => i.id));
      after = page.data.nextAfter;
    } while (after !== null);
    expect(byKind).toContain(a);
    expect(byKind).not.toContain(pId);
  });

  it("the council sees the rejection reason of its own items", async () => {
    const id = await pendingOfA();
    await rejectContribution(db, cast.actors.moderator, rejectData(id, "Merci de préciser le lieu."));
    const found = await getCouncilContribution(db, cast.actors.memberOfA, cast.councilA.slug, id);
    expect(found.ok).toBe(true);
    expect(found.ok && found.data.item).toMatchObject({
      status: "rejected",
      rejectionReason: "Merci de préciser le lieu.",
    });
  });
});

describe("public read of a fiche", () => {
  it("shows published items only, newest first — never drafts, pending, rejected or hidden ones", async () => {
    const fiche = await createAction(db);
    const marker = (state: string) => `MARQUEUR-${state}-${randomUUID()}`;
    const texts = {
      draft: marker("draft"),
      pending: marker("pending"),
      rejected: marker("rejected"),
      hidden: marker("hidden"),
      published: marker("published"),
    };
    const ids: Record<string, number> = {};
    for (const [state, body] of Object.entries(texts)) {
      const r = await createDraft(db, cast.actors.referentOfA, feedbackInput(cast.councilA.id, fiche.slug, body));
      ids[state] = (r as { data: { id: number } }).data.id;
      await setStatus(db, ids[state]!, state as "draft");
    }
    const secret = await createDraft(
      db,
      cast.actors.referentOfA,
      proposalInput(cast.councilA.id, fiche.slug, `TITRE-${randomUUID()}`, "Texte en attente."),
    );
    await setStatus(db, (secret as { data: { id: number } }).data.id, "pending");

    const page = await loadActionPage(fiche.slug, db);
    const json = JSON.stringify(page);
    expect(json).toContain(texts.published);
    for (const state of ["draft", "pending", "rejected", "hidden"] as const) expect(json).not.toContain(texts[state]);
    expect(json).not.toContain("TITRE-");
    expect(json).not.toContain("Raison de test");
    expect(page!.contributions).toHaveLength(1);
    // Public fields only: no state, no reasons, no ids of people.
    const keys = Object.keys(page!.contributions[0]!);
    expect(keys).toEqual(expect.arrayContaining(["authorName", "body", "councilName", "id", "kind", "position", "publishedAt", "title"]));
    for (const secret of [
      "status",
      "rejectionReason",
      "hiddenReason",
      "hiddenById",
      "authorId",
      "decidedById",
      "submittedById",
      "reviewRequired",
    ])
      expect(keys).not.toContain(secret);
    // The author is told on the form that their display name is published with the item.
    expect(page!.contributions[0]!.authorName).toBe(cast.actors.referentOfA!.displayName);
  });
});

describe.runIf(onPostgres)("two moderators at once (PostgreSQL)", () => {
  it("decide each of 200 pending items exactly once, with one journal row each", async () => {
    const moderatorTwo = await reload(db, (await createUser(db, { isModerator: true })).id);
    const ids: number[] = [];
    for (let i = 0; i < 200; i++) ids.push(await pendingOfA(`Course ${i} ${randomUUID()}`));
    const results = await Promise.all(
      ids.flatMap((id) => [
        approveContribution(db, cast.actors.moderator, { id }),
        rejectContribution(db, moderatorTwo, rejectData(id, "Refus concurrent.")),
      ]),
    );
    const wins = results.filter((r) => r.ok).length;
    const conflicts = results.filter((r) => !r.ok && r.code === "CONFLICT");
    expect(wins).toBe(200);
    expect(conflicts).toHaveLength(200);
    for (const c of conflicts) expect((c as { message: string }).message).toMatch(/^Déjà décidé par .+ : (publié|refusé)\.$/);
    const rows = await db.select().from(contributions).where(inArray(contributions.id, ids));
    expect(rows.every((r) => r.status === "published" || r.status === "rejected")).toBe(true);
    const audit = await db
      .select({ targetId: auditLog.targetId })
      .from(auditLog)
      .where(
        and(
          eq(auditLog.targetType, "contribution"),
          inArray(auditLog.action, ["contribution.approve", "contribution.reject"]),
          inArray(auditLog.targetId, ids.map(String)),
        ),
      );
    expect(audit).toHaveLength(200);
    expect(new Set(audit.map((a) => a.targetId)).size).toBe(200);
  }, 120_000);
});
