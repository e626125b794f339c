import { randomUUID } from "node:crypto";
import { and, asc, desc, eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database, Db } from "@/db/client";
import { createAction } from "@/db/factories";
import { auditLog, contributions, councilMemberships, moderationReasonTemplates, notifications, platformSettings } from "@/db/schema";
import type { ActionResult } from "@/lib/action-result";
import { createDraft } from "@/server/contributions/create-draft";
import { editPendingContribution } from "@/server/contributions/edit-pending";
import { submitContribution } from "@/server/contributions/submit-contribution";
import { approveContribution, bulkDecide, rejectContribution } from "@/server/moderation/decide";
import { hideContribution } from "@/server/moderation/hide";
import { listPublishedForModeration, loadModerationCounts } from "@/server/moderation/lists";
import { listPendingQueue } from "@/server/moderation/queue";
import { createTemplate, listActiveTemplates, listAllTemplates, setTemplateArchived, updateTemplate } from "@/server/moderation/templates";
import { loadActionPage } from "@/server/plan/load-action-page";
import { createCast, createUser, matrixRoles, reload, type Cast, type MatrixRole } from "../support/actors";
import { auditCount, lastAudit } from "../support/db-snapshot";
import { createTestDatabase, onPostgres, type TestDatabase } from "../support/test-database";
import { expectRefusedUnchanged as expectRefused } from "./moderation-helpers";
import { feedbackInput, proposalInput, refusalCode } from "./contributions-helpers";

/*
 * Moderation beyond approve / reject: answer due dates and notifications of decisions, edits of a
 * pending item by its council, hiding after publication, reason templates, bulk decisions and the
 * list of published items. Each function called as each of the 8 roles; races on PostgreSQL.
 */
let testDb: TestDatabase;
let database: Database;
let db: Db;
let cast: Cast;
let actionSlug: string;
beforeAll(async () => {
  testDb = await createTestDatabase("moderation_ext");
  database = await testDb.openPrepared({ demo: false });
  db = database.db;
  cast = await createCast(db);
  actionSlug = (await createAction(db)).slug;
});
afterAll(() => testDb.drop());

const expectRefusedUnchanged = (role: MatrixRole, call: () => Promise<ActionResult<unknown>>, code?: string) => expectRefused(db, role, call, code);

async function pendingOfA(body?: string) {
  const draft = await createDraft(db, cast.actors.memberOfA, feedbackInput(cast.councilA.id, actionSlug, body));
  if (!draft.ok) throw new Error(draft.message);
  const submitted = await submitContribution(db, cast.actors.memberOfA, { id: draft.data.id });
  if (!submitted.ok) throw new Error(submitted.message);
  return draft.data.id;
}

async function pendingProposalOfA(title = `Proposition ${randomUUID().slice(0, 6)}`) {
  const draft = await createDraft(db, cast.actors.memberOfA, proposalInput(cast.councilA.id, actionSlug, title, "Le texte de la proposition du conseil."));
  if (!draft.ok) throw new Error(draft.message);
  await submitContribution(db, cast.actors.memberOfA, { id: draft.data.id });
  return draft.data.id;
}

async function publishedOfA(body?: string) {
  const id = await pendingOfA(body);
  const approved = await approveContribution(db, cast.actors.moderator, { id });
  if (!approved.ok) throw new Error(approved.message);
  return id;
}

const notificationsOf = (contributionId: number) =>
  db.select().from(notifications).where(eq(notifications.contributionId, contributionId)).orderBy(asc(notifications.id));

const moderatorsOnly: MatrixRole[] = ["moderator"];
const writers: MatrixRole[] = ["memberOfA", "referentOfA"];

describe("approve and reject: due date, notifications", () => {
  it("a proposal's answer is due publication + the setting's days; an avis has no due date", async () => {
    await db.update(platformSettings).set({ answerDueDays: 30 });
    try {
      const p = await pendingProposalOfA();
      const f = await pendingOfA();
      await approveContribution(db, cast.actors.moderator, { id: p });
      await approveContribution(db, cast.actors.moderator, { id: f });
      const [proposal] = await db.select().from(contributions).where(eq(contributions.id, p));
      const [feedback] = await db.select().from(contributions).where(eq(contributions.id, f));
      expect(proposal!.answerDueAt!.getTime() - proposal!.publishedAt!.getTime()).toBe(30 * 86_400_000);
      expect(feedback!.answerDueAt).toBeNull();
    } finally {
      await db.update(platformSettings).set({ answerDueDays: 60 });
    }
  });

  it("submitting notifies the moderators who may decide (not those of the council), linking to /moderation", async () => {
    const insider = await createUser(db, { isModerator: true });
    await db.insert(councilMemberships).values({ councilId: cast.councilA.id, userId: insider.id, role: "member" });
    const id = await pendingOfA();
    const rows = await notificationsOf(id);
    expect(rows.map((r) => r.userId)).toContain(cast.userIds.moderator);
    expect(rows.map((r) => r.userId)).not.toContain(insider.id);
    expect(rows.every((r) => r.kind === "moderation_waiting" && r.link === "/moderation")).toBe(true);
    await db.delete(councilMemberships).where(eq(councilMemberships.userId, insider.id));
  });

  it("approving notifies the council's active members with a link to their contributions page", async () => {
    const id = await pendingOfA();
    await approveContribution(db, cast.actors.moderator, { id });
    const rows = (await notificationsOf(id)).filter((r) => r.kind === "contribution_approved");
    expect(rows.map((r) => r.userId).sort()).toEqual([cast.userIds.memberOfA, cast.userIds.referentOfA].sort());
    expect(rows[0]!.link).toBe(`/espace/conseils/${cast.councilA.slug}/contributions#contribution-${id}`);
    expect(rows[0]!.message).toMatch(/approuvé par la Ville/);
  });

  it("rejecting notifies the council without copying the reason (they read it in their space)", async () => {
    const id = await pendingOfA();
    const reason = `Raison privée ${randomUUID()}`;
    await rejectContribution(db, cast.actors.moderator, { id, reason });
    const rows = (await notificationsOf(id)).filter((r) => r.kind === "contribution_rejected");
    expect(rows).toHaveLength(2);
    expect(rows.every((r) => !r.message.includes(reason))).toBe(true);
    expect(JSON.stringify(await loadActionPage(actionSlug, db))).not.toContain(reason);
  });

  it("a refused decision notifies nobody", async () => {
    const id = await pendingOfA();
    const before = (await notificationsOf(id)).length;
    await approveContribution(db, cast.actors.memberOfB, { id });
    await approveContribution(db, cast.actors.moderator, { id });
    await rejectContribution(db, cast.actors.moderator, { id, reason: "Trop tard, déjà décidé." });
    expect((await notificationsOf(id)).length).toBe(before + 2);
  });
});

describe("editing a pending item, as each role", () => {
  for (const role of matrixRoles) {
    const allowed = writers.includes(role);
    it(`${role} ${allowed ? "may" : "may not"} edit a pending item of council A`, async () => {
      const id = await pendingOfA();
      const input = { id, kind: "feedback" as const, position: "unfavorable" as const, body: `Texte corrigé par ${role}.` };
      if (!allowed) return expectRefusedUnchanged(role, () => editPendingContribution(db, cast.actors[role], input));
      const before = await auditCount(db);
      expect(await editPendingContribution(db, cast.actors[role], input)).toMatchObject({ ok: true });
      expect(await auditCount(db)).toBe(before + 1);
      expect(await lastAudit(db)).toMatchObject({ action: "contribution.edit_pending", actorUserId: cast.userIds[role as "memberOfA"], targetId: String(id) });
      const [row] = await db.select().from(contributions).where(eq(contributions.id, id));
      expect(row).toMatchObject({ status: "pending", position: "unfavorable", body: `Texte corrigé par ${role}.` });
      expect(row!.editedAt).toBeInstanceOf(Date);
      const queue = await listPendingQueue(db, cast.actors.moderator);
      expect(queue.ok && queue.data.items.find((i) => i.id === id)?.editedAt?.getTime()).toBe(row!.editedAt!.getTime());
    });
  }

  it("drafts and decided items cannot be edited this way; the kind cannot change; validation in French", async () => {
    const draft = await createDraft(db, cast.actors.memberOfA, feedbackInput(cast.councilA.id, actionSlug));
    const draftId = (draft as { data: { id: number } }).data.id;
    const body = "Un texte assez long pour passer.";
    await expectRefusedUnchanged("memberOfA", () => editPendingContribution(db, cast.actors.memberOfA, { id: draftId, kind: "feedback", position: "favorable", body }), "CONFLICT");
    const published = await publishedOfA();
    await expectRefusedUnchanged("memberOfA", () => editPendingContribution(db, cast.actors.memberOfA, { id: published, kind: "feedback", position: "favorable", body }), "CONFLICT");
    const id = await pendingOfA();
    await expectRefusedUnchanged("memberOfA", () => editPendingContribution(db, cast.actors.memberOfA, { id, kind: "proposal", title: "Un titre", body }), "VALIDATION_FAILED");
    const short = await editPendingContribution(db, cast.actors.memberOfA, { id, kind: "feedback", position: "favorable", body: "court" });
    expect((short as { fieldErrors: Record<string, string[]> }).fieldErrors.body?.[0]).toMatch(/au moins 10 caractères/);
  });

  it("a moderator who read the text before an edit cannot decide on it: told to read it again", async () => {
    const id = await pendingOfA();
    const seen = "";
    await editPendingContribution(db, cast.actors.memberOfA, { id, kind: "feedback", position: "favorable", body: "Texte modifié entre-temps." });
    await expectRefusedUnchanged("moderator", () => approveContribution(db, cast.actors.moderator, { id, version: seen }), "CONFLICT");
    const stale = await approveContribution(db, cast.actors.moderator, { id, version: seen });
    expect((stale as { message: string }).message).toMatch(/modifié ce texte/);
    const queue = await listPendingQueue(db, cast.actors.moderator);
    const version = queue.ok ? queue.data.items.find((i) => i.id === id)!.editedAt!.toISOString() : "";
    expect((await approveContribution(db, cast.actors.moderator, { id, version })).ok).toBe(true);
  });
});

describe("hiding a published item, as each role", () => {
  for (const role of matrixRoles) {
    const allowed = moderatorsOnly.includes(role);
    it(`${role} ${allowed ? "may" : "may not"} hide a published item`, async () => {
      const marker = `MASQUER-${randomUUID()}`;
      const id = await publishedOfA(`Avis à masquer ${marker}`);
      const input = { id, reason: "Propos injurieux envers une personne." };
      if (!allowed) return expectRefusedUnchanged(role, () => hideContribution(db, cast.actors[role], input));
      expect(JSON.stringify(await loadActionPage(actionSlug, db))).toContain(marker);
      const before = await auditCount(db);
      expect(await hideContribution(db, cast.actors[role], input)).toMatchObject({ ok: true });
      expect(await auditCount(db)).toBe(before + 1);
      expect(await lastAudit(db)).toMatchObject({ action: "contribution.hide", reason: input.reason, actorUserId: cast.userIds.moderator });
      const [row] = await db.select().from(contributions).where(eq(contributions.id, id));
      expect(row).toMatchObject({ status: "hidden", hiddenById: cast.userIds.moderator, hiddenReason: input.reason, reviewRequired: false });
      const page = JSON.stringify(await loadActionPage(actionSlug, db));
      expect(page).not.toContain(marker);
      expect(page).not.toContain(input.reason);
      const told = (await notificationsOf(id)).filter((n) => n.kind === "contribution_hidden");
      expect(told.map((n) => n.userId).sort()).toEqual([cast.userIds.memberOfA, cast.userIds.referentOfA].sort());
    });
  }

  it("needs a reason; a second hide says who hid it; pending items cannot be hidden", async () => {
    const id = await publishedOfA();
    await expectRefusedUnchanged("moderator", () => hideContribution(db, cast.actors.moderator, { id, reason: "" }), "VALIDATION_FAILED");
    expect((await hideContribution(db, cast.actors.moderator, { id, reason: "Hors charte de la plateforme." })).ok).toBe(true);
    const second = await hideContribution(db, cast.actors.moderator, { id, reason: "Hors charte, encore." });
    expect(second).toMatchObject({ ok: false, code: "CONFLICT" });
    expect((second as { message: string }).message).toMatch(/^Déjà masquée par Test /);
    const pending = await pendingOfA();
    await expectRefusedUnchanged("moderator", () => hideContribution(db, cast.actors.moderator, { id: pending, reason: "Pas encore publié." }), "CONFLICT");
  });

  it("a moderator of the item's council can neither hide it nor see it in the published list", async () => {
    const insider = await createUser(db, { isModerator: true });
    await db.insert(councilMemberships).values({ councilId: cast.councilA.id, userId: insider.id, role: "member" });
    const actor = await reload(db, insider.id);
    const id = await publishedOfA();
    await expectRefusedUnchanged("memberOfA", () => hideContribution(db, actor, { id, reason: "Je masque le mien." }));
    const list = await listPublishedForModeration(db, actor);
    expect(list.ok && list.data.items.some((i) => i.id === id)).toBe(false);
  });
});

describe("published list for moderators", () => {
  it("is refused to non-moderators, newest first, filtered and paginated", async () => {
    for (const role of matrixRoles) {
      const result = await listPublishedForModeration(db, cast.actors[role]);
      if (!moderatorsOnly.includes(role)) expect(result).toMatchObject({ ok: false, code: refusalCode(role) });
    }
    const other = await createAction(db);
    const ids: number[] = [];
    for (let i = 0; i < 22; i++) {
      const draft = await createDraft(db, cast.actors.memberOfB, feedbackInput(cast.councilB.id, other.slug));
      const id = (draft as { data: { id: number } }).data.id;
      await submitContribution(db, cast.actors.memberOfB, { id });
      await approveContribution(db, cast.actors.moderator, { id });
      ids.push(id);
    }
    const first = await listPublishedForModeration(db, cast.actors.moderator, { actionSlug: other.slug });
    if (!first.ok) throw new Error(first.message);
    expect(first.data).toMatchObject({ total: 22, page: 1, pageCount: 2 });
    expect(first.data.items.map((i) => i.id)).toEqual([...ids].reverse().slice(0, 20));
    const second = await listPublishedForModeration(db, cast.actors.moderator, { actionSlug: other.slug }, 2);
    expect(second.ok && second.data.items.map((i) => i.id)).toEqual([ids[1], ids[0]]);
    const byCouncil = await listPublishedForModeration(db, cast.actors.moderator, { councilId: cast.councilA.id, actionSlug: other.slug });
    expect(byCouncil.ok && byCouncil.data.total).toBe(0);
    const proposals = await listPublishedForModeration(db, cast.actors.moderator, { actionSlug: other.slug, kind: "proposal" });
    expect(proposals.ok && proposals.data.total).toBe(0);
  });
});

describe("reason templates, as each role", () => {
  for (const role of matrixRoles) {
    const allowed = moderatorsOnly.includes(role);
    it(`${role} ${allowed ? "may" : "may not"} create, edit and archive templates`, async () => {
      const input = { label: `Hors sujet ${role}`, body: "Cette contribution ne porte pas sur la fiche action choisie." };
      if (!allowed) {
        await expectRefusedUnchanged(role, () => createTemplate(db, cast.actors[role], input));
        const [existing] = await db.insert(moderationReasonTemplates).values({ label: "Existant", body: "Texte existant du motif." }).returning();
        await expectRefusedUnchanged(role, () => updateTemplate(db, cast.actors[role], { ...input, id: existing!.id }));
        await expectRefusedUnchanged(role, () => setTemplateArchived(db, cast.actors[role], { id: existing!.id, archived: true }));
        expect(await listAllTemplates(db, cast.actors[role])).toMatchObject({ ok: false, code: refusalCode(role) });
        return;
      }
      let before = await auditCount(db);
      const created = await createTemplate(db, cast.actors[role], input);
      if (!created.ok) throw new Error(created.message);
      expect(await auditCount(db)).toBe(before + 1);
      before = await auditCount(db);
      expect((await updateTemplate(db, cast.actors[role], { id: created.data.id, label: "Hors sujet", body: "Ne porte pas sur cette fiche action." })).ok).toBe(true);
      expect(await auditCount(db)).toBe(before + 1);
      expect((await setTemplateArchived(db, cast.actors[role], { id: created.data.id, archived: true })).ok).toBe(true);
      expect(await auditCount(db)).toBe(before + 2);
      expect(await lastAudit(db)).toMatchObject({ action: "moderation.template.archive" });
      await expectRefusedUnchanged(role, () => setTemplateArchived(db, cast.actors[role], { id: created.data.id, archived: true }), "CONFLICT");
      const active = await listActiveTemplates(db, cast.actors[role]);
      expect(active.ok && active.data.some((t) => t.id === created.data.id)).toBe(false);
      const all = await listAllTemplates(db, cast.actors[role]);
      expect(all.ok && all.data.find((t) => t.id === created.data.id)).toMatchObject({ label: "Hors sujet" });
    });
  }

  it("validates in French and writes nothing", async () => {
    const result = await createTemplate(db, cast.actors.moderator, { label: "", body: "x" });
    expect(result).toMatchObject({ ok: false, code: "VALIDATION_FAILED" });
    expect((result as { fieldErrors: Record<string, string[]> }).fieldErrors.label?.[0]).toMatch(/nom/);
  });

  it("a reject with a template: the template's text, then the free text (not twice when the form already copied it)", async () => {
    const created = await createTemplate(db, cast.actors.moderator, { label: "Lieu", body: "Merci de préciser le lieu concerné." });
    const templateId = (created as { data: { id: number } }).data.id;
    const cases = [
      { reason: "", expected: "Merci de préciser le lieu concerné." },
      { reason: "Quelle rue ?", expected: "Merci de préciser le lieu concerné.\n\nQuelle rue ?" },
      { reason: "Merci de préciser le lieu concerné.\n\nQuelle rue ?", expected: "Merci de préciser le lieu concerné.\n\nQuelle rue ?" },
    ];
    for (const c of cases) {
      const id = await pendingOfA();
      expect((await rejectContribution(db, cast.actors.moderator, { id, reason: c.reason, templateId })).ok).toBe(true);
      const [row] = await db.select().from(contributions).where(eq(contributions.id, id));
      expect(row!.rejectionReason).toBe(c.expected);
    }
    const id = await publishedOfA();
    expect((await hideContribution(db, cast.actors.moderator, { id, reason: "", templateId })).ok).toBe(true);
    expect(await lastAudit(db)).toMatchObject({ action: "contribution.hide", reason: "Merci de préciser le lieu concerné." });
  });
});

describe("bulk decisions, as each role", () => {
  for (const role of matrixRoles) {
    const allowed = moderatorsOnly.includes(role);
    it(`${role} ${allowed ? "may" : "may not"} approve a selection`, async () => {
      const ids = [await pendingOfA(), await pendingOfA()];
      if (!allowed) return expectRefusedUnchanged(role, () => bulkDecide(db, cast.actors[role], { ids, decision: "published" }));
      const before = await auditCount(db);
      const result = await bulkDecide(db, cast.actors[role], { ids, decision: "published" });
      expect(result).toMatchObject({ ok: true, data: { decided: 2, conflicts: 0 }, message: "2 approuvées." });
      expect(await auditCount(db)).toBe(before + 2);
    });
  }

  it("says how many were already decided by another moderator; a refusal needs a reason", async () => {
    const ids = [await pendingOfA(), await pendingOfA(), await pendingOfA()];
    await approveContribution(db, cast.actors.moderator, { id: ids[0]! });
    await expectRefusedUnchanged("moderator", () => bulkDecide(db, cast.actors.moderator, { ids, decision: "rejected", reason: " " }), "VALIDATION_FAILED");
    const result = await bulkDecide(db, cast.actors.moderator, { ids, decision: "rejected", reason: "Hors sujet pour cette fiche." });
    expect(result).toMatchObject({ ok: true, message: "2 refusées, 1 déjà décidée par un·e autre modérateur·rice." });
    const rows = await db.select().from(contributions).where(inArray(contributions.id, ids)).orderBy(asc(contributions.id));
    expect(rows.map((r) => r.status)).toEqual(["published", "rejected", "rejected"]);
    expect(await bulkDecide(db, cast.actors.moderator, { ids: [], decision: "published" })).toMatchObject({ ok: false, code: "VALIDATION_FAILED" });
  });

  it("the tabs count pending and reported items, never of the moderator's own councils", async () => {
    const before = await loadModerationCounts(db, cast.actors.moderator!);
    await pendingOfA();
    const after = await loadModerationCounts(db, cast.actors.moderator!);
    expect(after.pending).toBe(before.pending + 1);
    const insider = await createUser(db, { isModerator: true });
    await db.insert(councilMemberships).values({ councilId: cast.councilA.id, userId: insider.id, role: "member" });
    const counts = await loadModerationCounts(db, (await reload(db, insider.id))!);
    const [ofA] = await db.select({ id: contributions.id }).from(contributions).where(and(eq(contributions.councilId, cast.councilA.id), eq(contributions.status, "pending")));
    expect(ofA).toBeDefined();
    expect(counts.pending).toBeLessThan(after.pending);
  });
});

describe.runIf(onPostgres)("races (PostgreSQL)", () => {
  it("an edit by the council and a decision on the version read before: exactly one applies", async () => {
    for (let round = 0; round < 20; round++) {
      const id = await pendingOfA();
      const body = `Corrigé ${round} ${randomUUID()}`;
      const [edit, decision] = await Promise.all([
        editPendingContribution(db, cast.actors.memberOfA, { id, kind: "feedback", position: "favorable", body }),
        round % 2 === 0
          ? approveContribution(db, cast.actors.moderator, { id, version: "" })
          : rejectContribution(db, cast.actors.moderator, { id, reason: "Refus concurrent.", version: "" }),
      ]);
      expect([edit.ok, decision.ok].filter(Boolean)).toHaveLength(1);
      const [row] = await db.select().from(contributions).where(eq(contributions.id, id));
      if (edit.ok) expect(row).toMatchObject({ status: "pending", body });
      else expect(row!.status).not.toBe("pending");
      const audit = await db.select().from(auditLog).where(and(eq(auditLog.targetId, String(id)), inArray(auditLog.action, ["contribution.edit_pending", "contribution.approve", "contribution.reject"])));
      expect(audit).toHaveLength(1);
    }
  });

  it("two moderators hiding the same item at once: hidden once, one journal row, one notification each", async () => {
    const moderatorTwo = await reload(db, (await createUser(db, { isModerator: true })).id);
    for (let round = 0; round < 20; round++) {
      const id = await publishedOfA();
      const results = await Promise.all([
        hideContribution(db, cast.actors.moderator, { id, reason: "Masqué par le premier." }),
        hideContribution(db, moderatorTwo, { id, reason: "Masqué par le second." }),
      ]);
      expect(results.filter((r) => r.ok)).toHaveLength(1);
      expect(results.find((r) => !r.ok)).toMatchObject({ code: "CONFLICT" });
      const audit = await db.select().from(auditLog).where(and(eq(auditLog.targetId, String(id)), eq(auditLog.action, "contribution.hide")));
      expect(audit).toHaveLength(1);
      const told = await notificationsOf(id);
      // The same people as for the approval (the council's members), once each.
      expect(told.filter((n) => n.kind === "contribution_hidden").length).toBe(told.filter((n) => n.kind === "contribution_approved").length);
    }
  });

  it("two moderators approving the same selection of 50 at once: each item decided once", async () => {
    const moderatorTwo = await reload(db, (await createUser(db, { isModerator: true })).id);
    const ids: number[] = [];
    for (let i = 0; i < 50; i++) ids.push(await pendingOfA());
    const [a, b] = await Promise.all([
      bulkDecide(db, cast.actors.moderator, { ids, decision: "published" }),
      bulkDecide(db, moderatorTwo, { ids: [...ids].reverse(), decision: "rejected", reason: "Refus groupé concurrent." }),
    ]);
    if (!a.ok || !b.ok) throw new Error("bulk failed");
    expect(a.data.decided + b.data.decided).toBe(50);
    expect(a.data.conflicts + b.data.conflicts).toBe(50);
    const audit = await db
      .select({ targetId: auditLog.targetId })
      .from(auditLog)
      .where(and(inArray(auditLog.action, ["contribution.approve", "contribution.reject"]), inArray(auditLog.targetId, ids.map(String))))
      .orderBy(desc(auditLog.id));
    expect(audit).toHaveLength(50);
    expect(new Set(audit.map((r) => r.targetId)).size).toBe(50);
  }, 60_000);
});
