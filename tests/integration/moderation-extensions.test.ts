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
import { bulkDecisionSchema, editPendingSchema, hideSchema, reasonTemplateSchema } from "@/lib/validation/contribution";
import { submitForm } from "../support/forms";
import { bulkData, expectRefusedUnchanged as expectRefused, hideData, rejectData } from "./moderation-helpers";
import { feedbackInput, proposalInput, refusalCode } from "./contributions-helpers";

/*
 * Moderation beyond approve / reject: answer due dates and notifications of decisions, edits of a
 * pending item by its council, hiding after publication, reason templates, bulk decisions and the
 * list of published items. Each function called as each role of the matrix (a moderator who belongs
 * to council A lists and decides the other councils' items, never A's); races on PostgreSQL.
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

const expectRefusedUnchanged = (role: MatrixRole, call: () => Promise<ActionResult<unknown>>, code?: string) =>
  expectRefused(db, role, call, code);

async function pendingOfA(body?: string) {
  const draft = await createDraft(db, cast.actors.memberOfA, feedbackInput(cast.councilA.id, actionSlug, body));
  if (!draft.ok) throw new Error(draft.message);
  const submitted = await submitContribution(db, cast.actors.memberOfA, { id: draft.data.id });
  if (!submitted.ok) throw new Error(submitted.message);
  return draft.data.id;
}

async function pendingProposalOfA(title = `Proposition ${randomUUID().slice(0, 6)}`) {
  const draft = await createDraft(
    db,
    cast.actors.memberOfA,
    proposalInput(cast.councilA.id, actionSlug, title, "Le texte de la proposition du conseil."),
  );
  if (!draft.ok) throw new Error(draft.message);
  await submitContribution(db, cast.actors.memberOfA, { id: draft.data.id });
  return draft.data.id;
}

async function publishedOfB() {
  const draft = await createDraft(db, cast.actors.memberOfB, feedbackInput(cast.councilB.id, actionSlug));
  if (!draft.ok) throw new Error(draft.message);
  await submitContribution(db, cast.actors.memberOfB, { id: draft.data.id });
  const approved = await approveContribution(db, cast.actors.moderator, { id: draft.data.id });
  if (!approved.ok) throw new Error(approved.message);
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

/** Who decides, hides, reviews council A's items. */
const moderatorsOnly: MatrixRole[] = ["moderator"];
/** Who opens the moderation pages and manages templates: every moderator, also one of council A. */
const moderationViewers: MatrixRole[] = ["moderator", "moderatorOfA"];
/** Council A's members, whatever their other roles. */
const membersOfA = ["memberOfA", "referentOfA", "moderatorOfA", "officialOfA"] as const;
const writers: MatrixRole[] = [...membersOfA];

describe("approve and reject: due date, notifications", () => {
  it("a proposal's answer is due publication + the setting's days; an avis has no due date", async () => {
    await db.update(platformSettings).set({ answerDueDays: 30 }).where(eq(platformSettings.id, true));
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
      await db.update(platformSettings).set({ answerDueDays: 60 }).where(eq(platformSettings.id, true));
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
    expect(rows.map((r) => r.userId).sort()).toEqual(membersOfA.map((role) => cast.userIds[role]).sort());
    expect(rows[0]!.link).toBe(`/espace/conseils/${cast.councilA.slug}/contributions#contribution-${id}`);
    expect(rows[0]!.message).toMatch(/approuvé par la Ville/);
  });

  it("rejecting notifies the council without copying the reason (they read it in their space)", async () => {
    const id = await pendingOfA();
    const reason = `Raison privée ${randomUUID()}`;
    await rejectContribution(db, cast.actors.moderator, rejectData(id, reason));
    const rows = (await notificationsOf(id)).filter((r) => r.kind === "contribution_rejected");
    expect(rows).toHaveLength(membersOfA.length);
    expect(rows.every((r) => !r.message.includes(reason))).toBe(true);
    expect(JSON.stringify(await loadActionPage(actionSlug, db))).not.toContain(reason);
  });

  it("a refused decision notifies nobody", async () => {
    const id = await pendingOfA();
    const before = (await notificationsOf(id)).length;
    await approveContribution(db, cast.actors.memberOfB, { id });
    await approveContribution(db, cast.actors.moderator, { id });
    await rejectContribution(db, cast.actors.moderator, rejectData(id, "Trop tard, déjà décidé."));
    // Only the approval notified (each of council A's members, once).
    expect((await notificationsOf(id)).length).toBe(before + membersOfA.length);
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
      expect(await lastAudit(db)).toMatchObject({
        action: "contribution.edit_pending",
        actorUserId: cast.userIds[role as (typeof membersOfA)[number]],
        targetId: String(id),
      });
      const [row] = await db.select().from(contributions).where(eq(contributions.id, id));
      expect(row).toMatchObject({ status: "pending", position: "unfavorable", body: `Texte corrigé par ${role}.` });
      expect(row!.editedAt).toBeInstanceOf(Date);
      const queue = await listPendingQueue(db, cast.actors.moderator);
      expect(queue.ok).toBe(true);
      expect(queue.ok ? queue.data.items.find((i) => i.id === id)?.editedAt?.getTime() : undefined).toBe(row!.editedAt!.getTime());
    });
  }

  it("drafts and decided items cannot be edited this way; the kind cannot change; validation in French", async () => {
    const draft = await createDraft(db, cast.actors.memberOfA, feedbackInput(cast.councilA.id, actionSlug));
    const draftId = (draft as { data: { id: number } }).data.id;
    const body = "Un texte assez long pour passer.";
    await expectRefusedUnchanged(
      "memberOfA",
      () => editPendingContribution(db, cast.actors.memberOfA, { id: draftId, kind: "feedback", position: "favorable", body }),
      "CONFLICT",
    );
    const published = await publishedOfA();
    await expectRefusedUnchanged(
      "memberOfA",
      () => editPendingContribution(db, cast.actors.memberOfA, { id: published, kind: "feedback", position: "favorable", body }),
      "CONFLICT",
    );
    const id = await pendingOfA();
    await expectRefusedUnchanged(
      "memberOfA",
      () => editPendingContribution(db, cast.actors.memberOfA, { id, kind: "proposal", title: "Un titre", body }),
      "VALIDATION_FAILED",
    );
    // Refused input goes through the form's path (one parse of the raw values), writing nothing.
    const short = await submitForm(
      db,
      cast.actors.memberOfA,
      editPendingSchema,
      { id: String(id), kind: "feedback", position: "favorable", body: "court" },
      (input) => editPendingContribution(db, cast.actors.memberOfA, input),
    );
    expect(short.ok).toBe(false);
    if (short.ok) return;
    expect(short.fieldErrors?.body?.[0]).toMatch(/au moins 10 caractères/);
    const [row] = await db.select({ body: contributions.body }).from(contributions).where(eq(contributions.id, id));
    expect(row!.body).not.toBe("court");
  });

  it("a moderator who read the text before an edit cannot decide on it: told to read it again", async () => {
    const id = await pendingOfA();
    // Never edited when the moderator read it.
    const seen = null;
    await editPendingContribution(db, cast.actors.memberOfA, {
      id,
      kind: "feedback",
      position: "favorable",
      body: "Texte modifié entre-temps.",
    });
    await expectRefusedUnchanged("moderator", () => approveContribution(db, cast.actors.moderator, { id, version: seen }), "CONFLICT");
    const stale = await approveContribution(db, cast.actors.moderator, { id, version: seen });
    expect((stale as { message: string }).message).toMatch(/modifié ce texte/);
    const queue = await listPendingQueue(db, cast.actors.moderator);
    if (!queue.ok) throw new Error(queue.message);
    const version = queue.data.items.find((i) => i.id === id)!.editedAt!;
    expect((await approveContribution(db, cast.actors.moderator, { id, version })).ok).toBe(true);
  });
});

describe("hiding a published item, as each role", () => {
  for (const role of matrixRoles) {
    const allowed = moderatorsOnly.includes(role);
    it(`${role} ${allowed ? "may" : "may not"} hide a published item`, async () => {
      const marker = `MASQUER-${randomUUID()}`;
      const id = await publishedOfA(`Avis à masquer ${marker}`);
      const input = hideData(id, "Propos injurieux envers une personne.");
      if (!allowed) return expectRefusedUnchanged(role, () => hideContribution(db, cast.actors[role], input));
      expect(JSON.stringify(await loadActionPage(actionSlug, db))).toContain(marker);
      const before = await auditCount(db);
      expect(await hideContribution(db, cast.actors[role], input)).toMatchObject({ ok: true });
      expect(await auditCount(db)).toBe(before + 1);
      expect(await lastAudit(db)).toMatchObject({ action: "contribution.hide", reason: input.reason, actorUserId: cast.userIds.moderator });
      const [row] = await db.select().from(contributions).where(eq(contributions.id, id));
      expect(row).toMatchObject({
        status: "hidden",
        hiddenById: cast.userIds.moderator,
        hiddenReason: input.reason,
        reviewRequired: false,
      });
      const page = JSON.stringify(await loadActionPage(actionSlug, db));
      expect(page).not.toContain(marker);
      expect(page).not.toContain(input.reason);
      const told = (await notificationsOf(id)).filter((n) => n.kind === "contribution_hidden");
      expect(told.map((n) => n.userId).sort()).toEqual(membersOfA.map((r) => cast.userIds[r]).sort());
    });
  }

  it("needs a reason; a second hide says who hid it; pending items cannot be hidden", async () => {
    const id = await publishedOfA();
    const hideForm = (reason: string) =>
      submitForm(db, cast.actors.moderator, hideSchema, { id: String(id), reason, templateId: "" }, (input) =>
        hideContribution(db, cast.actors.moderator, input),
      );
    await expectRefusedUnchanged("moderator", () => hideForm(""), "VALIDATION_FAILED");
    const empty = await hideForm("  ");
    expect(empty.ok ? undefined : empty.fieldErrors?.reason).toEqual([
      "Indiquez la raison du masquage : elle est inscrite au journal et le conseil la lira.",
    ]);
    const invalid = await hideForm("Hors charte\u0000 de la plateforme.");
    expect(invalid.ok ? undefined : invalid.fieldErrors?.reason?.[0]).toMatch(/caractères invalides/);
    expect((await hideContribution(db, cast.actors.moderator, hideData(id, "Hors charte de la plateforme."))).ok).toBe(true);
    const second = await hideContribution(db, cast.actors.moderator, hideData(id, "Hors charte, encore."));
    expect(second).toMatchObject({ ok: false, code: "CONFLICT" });
    expect((second as { message: string }).message).toMatch(/^Déjà masquée par Test /);
    const pending = await pendingOfA();
    await expectRefusedUnchanged(
      "moderator",
      () => hideContribution(db, cast.actors.moderator, hideData(pending, "Pas encore publié.")),
      "CONFLICT",
    );
  });

  it("a moderator of the item's council can neither hide it nor see it in the published list; other councils' items they can", async () => {
    const actor = cast.actors.moderatorOfA;
    const id = await publishedOfA();
    const ofB = await publishedOfB();
    await expectRefusedUnchanged("moderatorOfA", () => hideContribution(db, actor, hideData(id, "Je masque le mien.")));
    const list = await listPublishedForModeration(db, actor);
    expect(list.ok).toBe(true);
    if (!list.ok) return;
    expect(list.data.items.some((i) => i.id === ofB)).toBe(true);
    expect(list.data.items.some((i) => i.id === id)).toBe(false);
    expect(list.data.councils.some((c) => c.id === cast.councilA.id)).toBe(false);
    expect(await hideContribution(db, actor, hideData(ofB, "Hors charte de la plateforme."))).toMatchObject({ ok: true });
  });
});

describe("published list for moderators", () => {
  it("is refused to non-moderators, newest first, filtered and paginated", async () => {
    for (const role of matrixRoles) {
      const result = await listPublishedForModeration(db, cast.actors[role]);
      if (moderationViewers.includes(role)) expect(result.ok, role).toBe(true);
      else expect(result).toMatchObject({ ok: false, code: refusalCode(role) });
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
    expect(first.data).toMatchObject({ total: 22, nextAfter: ids[2] });
    expect(first.data.items.map((i) => i.id)).toEqual([...ids].reverse().slice(0, 20));
    const second = await listPublishedForModeration(db, cast.actors.moderator, { actionSlug: other.slug }, { after: first.data.nextAfter });
    if (!second.ok) throw new Error(second.message);
    expect(second.data).toMatchObject({ total: 22, nextAfter: null });
    expect(second.data.items.map((i) => i.id)).toEqual([ids[1], ids[0]]);
    const byCouncil = await listPublishedForModeration(db, cast.actors.moderator, { councilId: cast.councilA.id, actionSlug: other.slug });
    expect(byCouncil).toMatchObject({ ok: true, data: { total: 0 } });
    const proposals = await listPublishedForModeration(db, cast.actors.moderator, { actionSlug: other.slug, kind: "proposal" });
    expect(proposals).toMatchObject({ ok: true, data: { total: 0 } });
  });
});

describe("reason templates, as each role", () => {
  for (const role of matrixRoles) {
    const allowed = moderationViewers.includes(role);
    it(`${role} ${allowed ? "may" : "may not"} create, edit and archive templates`, async () => {
      const input = { label: `Hors sujet ${role}`, body: "Cette contribution ne porte pas sur la fiche action choisie." };
      if (!allowed) {
        await expectRefusedUnchanged(role, () => createTemplate(db, cast.actors[role], input));
        const [existing] = await db
          .insert(moderationReasonTemplates)
          .values({ label: "Existant", body: "Texte existant du motif." })
          .returning();
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
      expect(
        (
          await updateTemplate(db, cast.actors[role], {
            id: created.data.id,
            label: "Hors sujet",
            body: "Ne porte pas sur cette fiche action.",
          })
        ).ok,
      ).toBe(true);
      expect(await auditCount(db)).toBe(before + 1);
      expect((await setTemplateArchived(db, cast.actors[role], { id: created.data.id, archived: true })).ok).toBe(true);
      expect(await auditCount(db)).toBe(before + 2);
      expect(await lastAudit(db)).toMatchObject({ action: "moderation.template.archive" });
      await expectRefusedUnchanged(
        role,
        () => setTemplateArchived(db, cast.actors[role], { id: created.data.id, archived: true }),
        "CONFLICT",
      );
      const active = await listActiveTemplates(db, cast.actors[role]);
      expect(active.ok).toBe(true);
      if (!active.ok) return;
      expect(active.data.some((t) => t.id === created.data.id)).toBe(false);
      const all = await listAllTemplates(db, cast.actors[role]);
      expect(all.ok && all.data.find((t) => t.id === created.data.id)).toMatchObject({ label: "Hors sujet" });
    });
  }

  it("validates in French and writes nothing", async () => {
    const send = (values: { label: string; body: string }) =>
      submitForm(db, cast.actors.moderator, reasonTemplateSchema, values, (input) => createTemplate(db, cast.actors.moderator, input));
    await expectRefusedUnchanged("moderator", () => send({ label: "", body: "x" }), "VALIDATION_FAILED");
    const result = await send({ label: "", body: "x" });
    expect(result.ok ? undefined : result.fieldErrors).toEqual({
      label: ["Donnez un nom court au motif."],
      body: ["Le texte doit faire au moins 5 caractères."],
    });
    const long = await send({ label: "é".repeat(101), body: "Un texte de motif." });
    expect(long.ok ? undefined : long.fieldErrors?.label).toEqual(["Le nom ne peut pas dépasser 100 caractères."]);
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
      expect((await rejectContribution(db, cast.actors.moderator, rejectData(id, c.reason, { templateId }))).ok).toBe(true);
      const [row] = await db.select().from(contributions).where(eq(contributions.id, id));
      expect(row!.rejectionReason).toBe(c.expected);
    }
    const id = await publishedOfA();
    expect((await hideContribution(db, cast.actors.moderator, hideData(id, null, { templateId }))).ok).toBe(true);
    expect(await lastAudit(db)).toMatchObject({ action: "contribution.hide", reason: "Merci de préciser le lieu concerné." });
  });

  it("a template archived meanwhile leaves only the typed text, checked like any reason; nothing is written", async () => {
    const created = await createTemplate(db, cast.actors.moderator, { label: "Éphémère", body: "Un motif bientôt archivé." });
    if (!created.ok) throw new Error(created.message);
    await setTemplateArchived(db, cast.actors.moderator, { id: created.data.id, archived: true });
    const id = await pendingOfA();
    const refused = await rejectContribution(db, cast.actors.moderator, rejectData(id, null, { templateId: created.data.id }));
    expect(refused).toMatchObject({
      ok: false,
      code: "VALIDATION_FAILED",
      fieldErrors: { reason: ["Indiquez la raison du refus : le conseil la lira."] },
    });
    await expectRefusedUnchanged(
      "moderator",
      () => rejectContribution(db, cast.actors.moderator, rejectData(id, null, { templateId: created.data.id })),
      "VALIDATION_FAILED",
    );
    // A template and the typed text together may not pass the reason's length either.
    const long = await createTemplate(db, cast.actors.moderator, { label: "Long", body: "é".repeat(900) });
    if (!long.ok) throw new Error(long.message);
    const tooLong = await rejectContribution(db, cast.actors.moderator, rejectData(id, "è".repeat(200), { templateId: long.data.id }));
    expect(tooLong).toMatchObject({
      ok: false,
      code: "VALIDATION_FAILED",
      fieldErrors: { reason: ["La raison ne peut pas dépasser 1000 caractères."] },
    });
  });
});

describe("bulk decisions, as each role", () => {
  for (const role of matrixRoles) {
    const allowed = moderatorsOnly.includes(role);
    it(`${role} ${allowed ? "may" : "may not"} approve a selection of council A's items`, async () => {
      const ids = [await pendingOfA(), await pendingOfA()];
      if (!allowed) return expectRefusedUnchanged(role, () => bulkDecide(db, cast.actors[role], bulkData(ids, "published")));
      const before = await auditCount(db);
      const result = await bulkDecide(db, cast.actors[role], bulkData(ids, "published"));
      expect(result).toMatchObject({ ok: true, data: { decided: 2, conflicts: 0 }, message: "2 approuvées." });
      expect(await auditCount(db)).toBe(before + 2);
    });
  }

  it("a moderator of council A decides the other councils' items of a selection, never A's", async () => {
    const ofA = await pendingOfA();
    const draft = await createDraft(db, cast.actors.memberOfB, feedbackInput(cast.councilB.id, actionSlug));
    if (!draft.ok) throw new Error(draft.message);
    await submitContribution(db, cast.actors.memberOfB, { id: draft.data.id });
    const result = await bulkDecide(db, cast.actors.moderatorOfA, bulkData([ofA, draft.data.id], "published"));
    expect(result).toMatchObject({ ok: true, data: { decided: 1, conflicts: 0, refused: 1 } });
    const rows = await db
      .select()
      .from(contributions)
      .where(inArray(contributions.id, [ofA, draft.data.id]))
      .orderBy(asc(contributions.id));
    expect(rows.map((r) => r.status)).toEqual(["pending", "published"]);
  });

  it("says how many were already decided by another moderator; a refusal needs a reason", async () => {
    const ids = [await pendingOfA(), await pendingOfA(), await pendingOfA()];
    await approveContribution(db, cast.actors.moderator, { id: ids[0]! });
    const send = (values: Record<string, string | string[]>) =>
      submitForm(db, cast.actors.moderator, bulkDecisionSchema, values, (input) => bulkDecide(db, cast.actors.moderator, input));
    await expectRefusedUnchanged("moderator", () => send({ ids: ids.map(String), decision: "rejected", reason: " " }), "VALIDATION_FAILED");
    const noReason = await send({ ids: ids.map(String), decision: "rejected", reason: " " });
    expect(noReason.ok ? undefined : noReason.fieldErrors).toEqual({ reason: ["Indiquez la raison du refus : le conseil la lira."] });
    const result = await send({ ids: ids.map(String), decision: "rejected", reason: "Hors sujet pour cette fiche.", templateId: "" });
    expect(result).toMatchObject({ ok: true, message: "2 refusées, 1 déjà décidée par un·e autre modérateur·rice." });
    const rows = await db.select().from(contributions).where(inArray(contributions.id, ids)).orderBy(asc(contributions.id));
    expect(rows.map((r) => r.status)).toEqual(["published", "rejected", "rejected"]);
    const none = await send({ decision: "published" });
    expect(none.ok ? undefined : none.fieldErrors).toEqual({ ids: ["Cochez au moins une contribution."] });
    const tooMany = await send({ ids: Array.from({ length: 201 }, (_, i) => String(i + 1)), decision: "published" });
    expect(tooMany.ok ? undefined : tooMany.fieldErrors?.ids).toEqual(["200 contributions au plus à la fois."]);
    const outOfRange = await send({ ids: "2147483648", decision: "published" });
    expect(outOfRange).toMatchObject({ ok: false, code: "VALIDATION_FAILED" });
  });

  it("the tabs count pending and reported items, never of the moderator's own councils", async () => {
    const before = await loadModerationCounts(db, cast.actors.moderator!);
    await pendingOfA();
    const after = await loadModerationCounts(db, cast.actors.moderator!);
    expect(after.pending).toBe(before.pending + 1);
    const insider = await createUser(db, { isModerator: true });
    await db.insert(councilMemberships).values({ councilId: cast.councilA.id, userId: insider.id, role: "member" });
    const counts = await loadModerationCounts(db, (await reload(db, insider.id))!);
    const [ofA] = await db
      .select({ id: contributions.id })
      .from(contributions)
      .where(and(eq(contributions.councilId, cast.councilA.id), eq(contributions.status, "pending")));
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
          ? approveContribution(db, cast.actors.moderator, { id, version: null })
          : rejectContribution(db, cast.actors.moderator, rejectData(id, "Refus concurrent.", { version: null })),
      ]);
      expect([edit.ok, decision.ok].filter(Boolean)).toHaveLength(1);
      const [row] = await db.select().from(contributions).where(eq(contributions.id, id));
      if (edit.ok) expect(row).toMatchObject({ status: "pending", body });
      else expect(row!.status).not.toBe("pending");
      const audit = await db
        .select()
        .from(auditLog)
        .where(
          and(
            eq(auditLog.targetId, String(id)),
            inArray(auditLog.action, ["contribution.edit_pending", "contribution.approve", "contribution.reject"]),
          ),
        );
      expect(audit).toHaveLength(1);
    }
  });

  it("two moderators hiding the same item at once: hidden once, one journal row, one notification each", async () => {
    const moderatorTwo = await reload(db, (await createUser(db, { isModerator: true })).id);
    for (let round = 0; round < 20; round++) {
      const id = await publishedOfA();
      const results = await Promise.all([
        hideContribution(db, cast.actors.moderator, hideData(id, "Masqué par le premier.")),
        hideContribution(db, moderatorTwo, hideData(id, "Masqué par le second.")),
      ]);
      expect(results.filter((r) => r.ok)).toHaveLength(1);
      expect(results.find((r) => !r.ok)).toMatchObject({ code: "CONFLICT" });
      const audit = await db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.targetId, String(id)), eq(auditLog.action, "contribution.hide")));
      expect(audit).toHaveLength(1);
      const told = await notificationsOf(id);
      // The same people as for the approval (the council's members), once each.
      expect(told.filter((n) => n.kind === "contribution_hidden").length).toBe(
        told.filter((n) => n.kind === "contribution_approved").length,
      );
    }
  });

  it("two moderators approving the same selection of 50 at once: each item decided once", async () => {
    const moderatorTwo = await reload(db, (await createUser(db, { isModerator: true })).id);
    const ids: number[] = [];
    for (let i = 0; i < 50; i++) ids.push(await pendingOfA());
    const [a, b] = await Promise.all([
      bulkDecide(db, cast.actors.moderator, bulkData(ids, "published")),
      bulkDecide(db, moderatorTwo, bulkData([...ids].reverse(), "rejected", "Refus groupé concurrent.")),
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
