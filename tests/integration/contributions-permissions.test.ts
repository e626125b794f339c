import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database, Db } from "@/db/client";
import { createAction } from "@/db/factories";
import { contributions, councils } from "@/db/schema";
import type { ActionResult } from "@/lib/action-result";
import { can } from "@/lib/permissions";
import { commentSchema, contributionSchema, contributionStepSchema, editPendingSchema } from "@/lib/validation/contribution";
import { commentDraft } from "@/server/contributions/comment-draft";
import { createDraft } from "@/server/contributions/create-draft";
import { editPendingContribution } from "@/server/contributions/edit-pending";
import { getCouncilContribution, listCouncilContributions } from "@/server/contributions/list-council-contributions";
import { submitContribution } from "@/server/contributions/submit-contribution";
import { withdrawContribution } from "@/server/contributions/withdraw-contribution";
import { approveContribution } from "@/server/moderation/decide";
import { createCast, matrixRoles, type Cast, type MatrixRole } from "../support/actors";
import { auditCount, lastAudit } from "../support/db-snapshot";
import { submitForm, type RawForm } from "../support/forms";
import { createTestDatabase, onPostgres, type TestDatabase } from "../support/test-database";
import { feedbackInput, refusalCode, snapshotContributionTables } from "./contributions-helpers";

/*
 * Every contribution server function called directly as each role of the matrix, about council A.
 * Refused calls change no row (contributions, comments, journal); allowed changes are journaled.
 * Staff who are also members of council A do there what members do. Refused input goes through
 * the forms' path (raw values, one parse): French messages under the right field, nothing written.
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

/** Council A's members, whatever else they are. */
const writers: MatrixRole[] = ["memberOfA", "referentOfA", "moderatorOfA", "officialOfA"];

async function draftOfA() {
  const result = await createDraft(db, cast.actors.memberOfA, feedbackInput(cast.councilA.id, actionSlug));
  if (!result.ok) throw new Error(result.message);
  return result.data.id;
}

/** The new-contribution form as a browser sends it: every value as text, `kind` a hidden input. */
const rawFeedback = (overrides: RawForm = {}): RawForm => ({
  kind: "feedback",
  councilId: String(cast.councilA.id),
  actionSlug,
  position: "favorable_with_reservations",
  body: "Un avis du conseil, assez long.",
  clientRequestId: randomUUID(),
  ...overrides,
});

const sendNew = (values: RawForm) =>
  submitForm(db, cast.actors.memberOfA, contributionSchema, values, (input) => createDraft(db, cast.actors.memberOfA, input));

function fieldErrors(result: ActionResult<unknown>): Record<string, string[]> {
  expect(result).toMatchObject({ ok: false, code: "VALIDATION_FAILED" });
  return result.ok ? {} : (result.fieldErrors ?? {});
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
      expect(result).toMatchObject({ ok: true, data: { councilSlug: cast.councilA.slug } });
      if (!result.ok) return;
      expect(await auditCount(db)).toBe(before + 1);
      expect(await lastAudit(db)).toMatchObject({ actorUserId: cast.userIds[role as "memberOfA"], action: "contribution.draft" });
      const [row] = await db.select().from(contributions).where(eq(contributions.id, result.data.id));
      expect(row).toMatchObject({ status: "draft", councilId: cast.councilA.id, authorId: cast.userIds[role as "memberOfA"] });
    });
  }

  it("validates the form with French messages, counting characters as people do, and writes nothing", async () => {
    const before = await snapshotContributionTables(db);
    expect(fieldErrors(await sendNew(rawFeedback({ body: "court" }))).body?.[0]).toMatch(/au moins 10 caractères/);
    expect(fieldErrors(await sendNew(rawFeedback({ body: "   " }))).body).toEqual(["Écrivez le texte de la contribution."]);
    // 5001 emoji are 5001 characters (10002 UTF-16 units): refused.
    const emoji = "👍🏽";
    expect(fieldErrors(await sendNew(rawFeedback({ body: emoji.repeat(5001) }))).body?.[0]).toMatch(/5000 caractères/);
    const noTitle = await sendNew(
      rawFeedback({ kind: "proposal", position: undefined, title: " ", body: "Une proposition assez longue." }),
    );
    expect(fieldErrors(noTitle).title).toEqual(["Donnez un titre à la proposition."]);
    expect(fieldErrors(await sendNew(rawFeedback({ position: "bof" }))).position?.[0]).toMatch(/Choisissez la position du conseil/);
    expect(fieldErrors(await sendNew(rawFeedback({ position: undefined }))).position?.[0]).toMatch(/Choisissez la position du conseil/);
    expect(fieldErrors(await sendNew(rawFeedback({ actionSlug: "" }))).actionSlug).toEqual(["Choisissez une fiche action."]);
    expect(fieldErrors(await sendNew(rawFeedback({ body: "Un texte avec \u0007 une sonnerie." }))).body?.[0]).toMatch(
      /caractères invalides/,
    );
    // A fiche that does not exist: checked by the server function, under the same field.
    expect(fieldErrors(await sendNew(rawFeedback({ actionSlug: "fiche-inexistante" }))).actionSlug).toEqual([
      "Choisissez une fiche action de la liste.",
    ]);
    // Hidden inputs that are not the page's (a stale or crafted form): one message, reload.
    expect(fieldErrors(await sendNew(rawFeedback({ kind: undefined }))).kind).toEqual(["Ce formulaire est incomplet : rechargez la page."]);
    expect(fieldErrors(await sendNew(rawFeedback({ kind: "sondage" }))).kind).toEqual(["Ce formulaire est incomplet : rechargez la page."]);
    expect(fieldErrors(await sendNew(rawFeedback({ clientRequestId: "court" }))).clientRequestId).toEqual([
      "Ce formulaire est incomplet : rechargez la page.",
    ]);
    for (const councilId of ["", "abc", "0", "-1", "1.5", "2147483648"]) {
      expect(fieldErrors(await sendNew(rawFeedback({ councilId }))).councilId, councilId).toEqual(["Conseil inconnu : rechargez la page."]);
    }
    expect(await snapshotContributionTables(db)).toEqual(before);

    // 5000 emoji are 5000 characters: accepted; the text is trimmed.
    const long = await sendNew(rawFeedback({ body: `  ${emoji.repeat(5000)}  ` }));
    expect(long).toMatchObject({ ok: true });
    if (!long.ok) return;
    const [row] = await db.select().from(contributions).where(eq(contributions.id, long.data.id));
    expect(row!.body).toBe(emoji.repeat(5000));
    // A proposal: the title is kept, no position.
    const proposal = await sendNew(
      rawFeedback({ kind: "proposal", position: "favorable", title: " Des bancs au square ", body: "Une proposition assez longue." }),
    );
    expect(proposal).toMatchObject({ ok: true });
    if (!proposal.ok) return;
    const [saved] = await db.select().from(contributions).where(eq(contributions.id, proposal.data.id));
    expect(saved).toMatchObject({ kind: "proposal", title: "Des bancs au square", position: null });
  });

  it("the same form sent twice creates one contribution", async () => {
    const input = feedbackInput(cast.councilA.id, actionSlug);
    const first = await createDraft(db, cast.actors.memberOfA, input);
    const second = await createDraft(db, cast.actors.memberOfA, input);
    expect(first.ok && second.ok).toBe(true);
    if (!first.ok || !second.ok) return;
    expect(second.data.id).toBe(first.data.id);
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
      const found = await getCouncilContribution(db, cast.actors.memberOfA, cast.councilA.slug, id);
      expect(found.ok).toBe(true);
      if (!found.ok) return;
      expect(found.data.item.comments.map((c) => c.body)).toEqual([`Commentaire de ${role}`]);
    });
  }

  it("a comment needs a text, in French; nothing is written", async () => {
    const id = await draftOfA();
    const before = await snapshotContributionTables(db);
    const send = (values: RawForm) =>
      submitForm(db, cast.actors.memberOfA, commentSchema, values, (input) => commentDraft(db, cast.actors.memberOfA, input));
    expect(fieldErrors(await send({ contributionId: String(id), body: " \n " })).body).toEqual(["Écrivez votre commentaire."]);
    expect(fieldErrors(await send({ contributionId: String(id), body: "é".repeat(2001) })).body).toEqual([
      "Le commentaire ne peut pas dépasser 2000 caractères.",
    ]);
    expect(fieldErrors(await send({ contributionId: "2147483648", body: "Un commentaire." })).contributionId).toEqual([
      "Brouillon introuvable : rechargez la page.",
    ]);
    expect(await snapshotContributionTables(db)).toEqual(before);
    expect(await send({ contributionId: String(id), body: " Un commentaire. " })).toMatchObject({ ok: true });
  });
});

describe("submitContribution, as each role", () => {
  for (const role of matrixRoles) {
    const allowed = writers.includes(role);
    it(`${role} ${allowed ? "may" : "may not"} submit a draft of council A`, async () => {
      const id = await draftOfA();
      if (!allowed) return expectRefusedUnchanged(role, () => submitContribution(db, cast.actors[role], { id }));
      const before = await auditCount(db);
      expect(await submitContribution(db, cast.actors[role], { id })).toMatchObject({
        ok: true,
        data: { id, councilSlug: cast.councilA.slug },
      });
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
      expect(await withdrawContribution(db, cast.actors[role], { id })).toMatchObject({
        ok: true,
        data: { id, councilSlug: cast.councilA.slug },
      });
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

describe("a step (submit, withdraw) and an edit, through their forms", () => {
  it("a step's hidden id that is not an id: refused, nothing written", async () => {
    const before = await snapshotContributionTables(db);
    for (const id of ["", "abc", "0", "2147483648"]) {
      const result = await submitForm(db, cast.actors.memberOfA, contributionStepSchema, { id }, (input) =>
        submitContribution(db, cast.actors.memberOfA, input),
      );
      expect(fieldErrors(result).id, id).toEqual(["Contribution introuvable : rechargez la page."]);
    }
    expect(await snapshotContributionTables(db)).toEqual(before);
  });

  it("an edit of a pending item: French messages, the kind cannot change, nothing written; then saved", async () => {
    const id = await draftOfA();
    await submitContribution(db, cast.actors.memberOfA, { id });
    const send = (values: RawForm) =>
      submitForm(db, cast.actors.memberOfA, editPendingSchema, values, (input) =>
        editPendingContribution(db, cast.actors.memberOfA, input),
      );
    const raw = { id: String(id), kind: "feedback", position: "unfavorable", body: "Un avis corrigé, assez long." };
    const before = await snapshotContributionTables(db);
    expect(fieldErrors(await send({ ...raw, body: "court" })).body?.[0]).toMatch(/au moins 10 caractères/);
    expect(fieldErrors(await send({ ...raw, position: "" })).position?.[0]).toMatch(/Choisissez la position du conseil/);
    expect(fieldErrors(await send({ ...raw, id: "x" })).id).toEqual(["Contribution introuvable : rechargez la page."]);
    expect(fieldErrors(await send({ ...raw, kind: "" })).kind).toEqual(["Ce formulaire est incomplet : rechargez la page."]);
    expect(await send({ id: String(id), kind: "proposal", title: "Un titre", body: raw.body })).toMatchObject({
      ok: false,
      code: "VALIDATION_FAILED",
      message: "Un avis reste un avis, une proposition reste une proposition.",
    });
    expect(await snapshotContributionTables(db)).toEqual(before);

    expect(await send(raw)).toMatchObject({ ok: true, data: { id, councilSlug: cast.councilA.slug } });
    const [row] = await db.select().from(contributions).where(eq(contributions.id, id));
    expect(row).toMatchObject({ status: "pending", position: "unfavorable", body: "Un avis corrigé, assez long." });
  });
});

describe("listCouncilContributions, as each role", () => {
  for (const role of matrixRoles) {
    const allowed = writers.includes(role);
    it(`${role} ${allowed ? "sees" : "does not see"} council A's contributions`, async () => {
      const result = await listCouncilContributions(db, cast.actors[role], cast.councilA.slug);
      if (!allowed) return expect(result).toMatchObject({ ok: false, code: refusalCode(role) });
      expect(result.ok).toBe(true);
      if (!result.ok) return;
      expect(result.data.council.id).toBe(cast.councilA.id);
      expect(result.data.sections.flatMap((s) => s.items).length).toBeGreaterThan(0);
    });
  }

  it("a member of B sees only B's items", async () => {
    const result = await listCouncilContributions(db, cast.actors.memberOfB, cast.councilB.slug);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.data.sections.flatMap((s) => s.items)).toEqual([]);
    expect(result.data.sections.map((s) => s.total)).toEqual([0, 0, 0, 0]);
  });
});

describe.runIf(onPostgres)("withdraw and approve at the same moment (PostgreSQL)", () => {
  it("exactly one applies", async () => {
    for (let round = 0; round < 20; round++) {
      const id = await draftOfA();
      await submitContribution(db, cast.actors.memberOfA, { id });
      const [w, a] = await Promise.all([
        withdrawContribution(db, cast.actors.memberOfA, { id }),
        approveContribution(db, cast.actors.moderator, { id }),
      ]);
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
