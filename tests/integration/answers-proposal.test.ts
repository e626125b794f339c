import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database, Db } from "@/db/client";
import { createAction, createCouncil } from "@/db/factories";
import { auditLog, contributionAnswers, contributions, councilMemberships, notifications, users } from "@/db/schema";
import type { ActionResult } from "@/lib/action-result";
import { can } from "@/lib/permissions";
import { answerProposal } from "@/server/answers/answer-proposal";
import { getProposalToAnswer, listAnswerableProposals } from "@/server/answers/list-answerable";
import { answerSchema } from "@/lib/validation/answer";
import { createCast, createUser, matrixRoles, reload, type Cast, type MatrixRole } from "../support/actors";
import { submitForm } from "../support/forms";
import { createTestDatabase, onPostgres, type TestDatabase } from "../support/test-database";
import { refusalCode } from "./contributions-helpers";
import { answerInput, expectRefusedUnchanged as expectUnchanged, insertItem, snapshotAnswerTables } from "./answers-helpers";

/*
 * The City's answers (moderators and officials, never about their own council), called directly
 * as each role; staff who belong to council A answer and list the other councils' proposals, never
 * A's. Refused calls change no row (contributions, answers, supports, notifications,
 * journal); an answer writes exactly one journal row and notifies the council in one transaction.
 */
let testDb: TestDatabase;
let database: Database;
let db: Db;
let cast: Cast;
let actionSlug: string;
beforeAll(async () => {
  testDb = await createTestDatabase("answers");
  database = await testDb.openPrepared({ demo: false });
  db = database.db;
  cast = await createCast(db);
  actionSlug = (await createAction(db)).slug;
});
afterAll(() => testDb.drop());

const expectRefusedUnchanged = (call: () => Promise<ActionResult<unknown>>, code: string) => expectUnchanged(db, call, code);

/** Who answers council A's proposals. */
const answerers: MatrixRole[] = ["moderator", "official"];
/** Who opens the list of proposals to answer: the City's staff, also those who belong to council A. */
const staff: MatrixRole[] = ["moderator", "official", "moderatorOfA", "officialOfA"];

describe("answerProposal, as each role", () => {
  for (const role of matrixRoles) {
    const allowed = answerers.includes(role);
    it(`${role} ${allowed ? "may" : "may not"} answer a published proposal of council A`, async () => {
      const id = await insertItem(db, cast.councilA.id, actionSlug);
      expect(
        can(cast.actors[role], "contribution.answer", {
          councilId: cast.councilA.id,
          contributionKind: "proposal",
          contributionStatus: "published",
        }),
      ).toBe(allowed);
      if (!allowed) return expectRefusedUnchanged(() => answerProposal(db, cast.actors[role], answerInput(id)), refusalCode(role));
      const before = await snapshotAnswerTables(db);
      const result = await answerProposal(db, cast.actors[role], answerInput(id));
      expect(result).toMatchObject({ ok: true, data: { contributionId: id, replay: false } });
      const after = await snapshotAnswerTables(db);
      expect(after.audit.length).toBe(before.audit.length + 1);
      expect(after.audit.at(-1)).toMatchObject({
        actorUserId: cast.userIds[role as "moderator"],
        action: "contribution.answer",
        targetId: String(id),
        councilId: cast.councilA.id,
      });
      expect(after.answers.length).toBe(before.answers.length + 1);
    });
  }

  it("a moderator or an official who belongs to the council may not answer its proposals, nor see them in the list; other councils' they do", async () => {
    const id = await insertItem(db, cast.councilA.id, actionSlug);
    for (const role of ["moderatorOfA", "officialOfA"] as const) {
      const actor = cast.actors[role];
      const ofB = await insertItem(db, cast.councilB.id, actionSlug);
      await expectRefusedUnchanged(() => answerProposal(db, actor, answerInput(id)), "FORBIDDEN");
      expect(await getProposalToAnswer(db, actor, id)).toMatchObject({ ok: false, code: "FORBIDDEN" });
      const list = await listAnswerableProposals(db, actor);
      expect(list.ok, role).toBe(true);
      if (!list.ok) return;
      expect(list.data.items.some((i) => i.id === ofB)).toBe(true);
      expect(list.data.items.some((i) => i.id === id)).toBe(false);
      expect(list.data.councils.some((c) => c.id === cast.councilB.id)).toBe(true);
      expect(list.data.councils.some((c) => c.id === cast.councilA.id)).toBe(false);
      const filtered = await listAnswerableProposals(db, actor, { councilId: cast.councilA.id });
      expect(filtered).toMatchObject({ ok: true, data: { items: [] } });
      expect(await getProposalToAnswer(db, actor, ofB)).toMatchObject({ ok: true, data: { id: ofB } });
      expect(await answerProposal(db, actor, answerInput(ofB))).toMatchObject({ ok: true, data: { contributionId: ofB, replay: false } });
    }
  });

  it("only published proposals are answered: avis, drafts, pending, rejected and hidden items are not found", async () => {
    const ids = [
      await insertItem(db, cast.councilA.id, actionSlug, { kind: "feedback" }),
      ...(await Promise.all(
        (["draft", "pending", "rejected", "hidden"] as const).map((status) => insertItem(db, cast.councilA.id, actionSlug, { status })),
      )),
    ];
    for (const id of ids) {
      await expectRefusedUnchanged(() => answerProposal(db, cast.actors.official, answerInput(id)), "NOT_FOUND");
      expect(await getProposalToAnswer(db, cast.actors.official, id)).toMatchObject({ ok: false, code: "NOT_FOUND" });
    }
    await expectRefusedUnchanged(() => answerProposal(db, cast.actors.official, answerInput(999_999)), "NOT_FOUND");
  });
});

describe("an answer", () => {
  it("is signed with the answerer's name and title, copied at answer time; without a title, « pour la Ville d'Aurillac »", async () => {
    const id = await insertItem(db, cast.councilA.id, actionSlug);
    const titled = await createUser(db, {
      isOfficial: true,
      displayName: "Claire Élue",
      title: "Adjointe au maire chargée des solidarités",
    });
    await answerProposal(db, await reload(db, titled.id), answerInput(id, "Nous étudions la faisabilité de cette idée."));
    await db.update(users).set({ title: "Ancienne adjointe", displayName: "Claire Renommée" }).where(eq(users.id, titled.id));
    await answerProposal(db, cast.actors.moderator, answerInput(id, "Retenue pour le budget de l'an prochain.", "accepted"));
    const rows = await db
      .select()
      .from(contributionAnswers)
      .where(eq(contributionAnswers.contributionId, id))
      .orderBy(contributionAnswers.id);
    expect(rows.map((r) => [r.signatureName, r.signatureTitle, r.state])).toEqual([
      ["Claire Élue", "Adjointe au maire chargée des solidarités", "under_review"],
      [cast.actors.moderator!.displayName, "pour la Ville d'Aurillac", "accepted"],
    ]);
    const page = await getProposalToAnswer(db, cast.actors.official, id);
    expect(page.ok && page.data.answers.map((a) => a.state)).toEqual(["under_review", "accepted"]);
  });

  it("sets the first answer time once: later answers keep it", async () => {
    const id = await insertItem(db, cast.councilA.id, actionSlug);
    await answerProposal(db, cast.actors.official, answerInput(id));
    const [first] = await db.select({ at: contributions.firstAnsweredAt }).from(contributions).where(eq(contributions.id, id));
    expect(first!.at).toBeInstanceOf(Date);
    await new Promise((r) => setTimeout(r, 20));
    await answerProposal(db, cast.actors.moderator, answerInput(id, "Proposition réalisée cet automne.", "done"));
    const [second] = await db.select({ at: contributions.firstAnsweredAt }).from(contributions).where(eq(contributions.id, id));
    expect(second!.at!.getTime()).toBe(first!.at!.getTime());
    const journal = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "contribution.answer"), eq(auditLog.targetId, String(id))));
    expect(journal.map((j) => (j.details as { first: boolean }).first)).toEqual([true, false]);
  });

  it("notifies the council's active members (in the same transaction), with a link to the proposal on its fiche", async () => {
    const council = await createCouncil(db);
    const [member, referent, gone] = await Promise.all([createUser(db), createUser(db), createUser(db, { deactivatedAt: new Date() })]);
    await db.insert(councilMemberships).values([
      { councilId: council.id, userId: member.id, role: "member" },
      { councilId: council.id, userId: referent.id, role: "referent" },
      { councilId: council.id, userId: gone.id, role: "member" },
    ]);
    const id = await insertItem(db, council.id, actionSlug, { title: "Un banc à l'ombre" });
    const result = await answerProposal(db, cast.actors.official, answerInput(id, "Retenue : le banc sera posé en mai.", "accepted"));
    expect(result.ok).toBe(true);
    const rows = await db.select().from(notifications).where(eq(notifications.contributionId, id));
    expect(rows.map((r) => r.userId).sort()).toEqual([member.id, referent.id].sort());
    for (const row of rows) {
      expect(row).toMatchObject({ kind: "contribution_answered", councilId: council.id, link: `/fiches/${actionSlug}/contribution/${id}` });
      expect(row.message).toBe("La Ville a répondu à votre proposition « Un banc à l'ombre » : retenue.");
    }
  });

  it("validates with French messages, counting characters as people do, and writes nothing", async () => {
    const id = await insertItem(db, cast.councilA.id, actionSlug);
    const official = cast.actors.official;
    const send = (values: { state?: string; body?: string; contributionId?: string; clientRequestId?: string }) =>
      submitForm(
        db,
        official,
        answerSchema,
        { contributionId: String(id), clientRequestId: randomUUID(), state: "under_review", body: "", ...values },
        (input) => answerProposal(db, official, input),
      );
    const short = await send({ body: "Court" });
    expect(short).toMatchObject({ ok: false, code: "VALIDATION_FAILED" });
    expect(short.ok ? undefined : short.fieldErrors?.body).toEqual(["La réponse doit faire au moins 10 caractères."]);
    const empty = await send({ state: "", body: " " });
    expect(empty.ok ? undefined : empty.fieldErrors).toEqual({
      state: ["Choisissez où en est la proposition : à l'étude, retenue, non retenue ou réalisée."],
      body: ["Écrivez la réponse de la Ville."],
    });
    const unknownState = await send({ state: "approved", body: "Une réponse assez longue." });
    expect(unknownState.ok ? undefined : unknownState.fieldErrors?.state?.[0]).toMatch(/à l'étude, retenue, non retenue ou réalisée/);
    const badId = await send({ contributionId: "2147483648", body: "Une réponse assez longue." });
    expect(badId.ok ? undefined : badId.fieldErrors?.contributionId).toEqual(["Proposition introuvable."]);
    const emoji = "👍🏽";
    await expectRefusedUnchanged(() => send({ body: emoji.repeat(5001) }), "VALIDATION_FAILED");
    await expectRefusedUnchanged(() => send({ body: "Une réponse\u0007 avec un caractère de contrôle." }), "VALIDATION_FAILED");
    expect((await send({ body: emoji.repeat(5000) })).ok).toBe(true);
  });

  it("the same form sent twice records one answer; another person's replay of the id is refused", async () => {
    const id = await insertItem(db, cast.councilA.id, actionSlug);
    const input = answerInput(id);
    const first = await answerProposal(db, cast.actors.official, input);
    const second = await answerProposal(db, cast.actors.official, input);
    expect(first).toMatchObject({ ok: true, data: { replay: false } });
    expect(second).toMatchObject({ ok: true, data: { replay: true, answerId: (first as { data: { answerId: number } }).data.answerId } });
    await expectRefusedUnchanged(() => answerProposal(db, cast.actors.moderator, input), "CONFLICT");
    expect(await db.select().from(contributionAnswers).where(eq(contributionAnswers.contributionId, id))).toHaveLength(1);
  });
});

describe("the list of proposals to answer", () => {
  it("is for moderators and officials only (those who belong to council A see the other councils' proposals, never A's)", async () => {
    const ofA = await insertItem(db, cast.councilA.id, actionSlug);
    const ofB = await insertItem(db, cast.councilB.id, actionSlug);
    for (const role of matrixRoles) {
      const result = await listAnswerableProposals(db, cast.actors[role]);
      if (!staff.includes(role)) {
        expect(result, role).toMatchObject({ ok: false, code: refusalCode(role) });
        continue;
      }
      expect(result.ok, role).toBe(true);
      if (!result.ok) continue;
      const ids = result.data.items.map((i) => i.id);
      expect(ids, role).toContain(ofB);
      if (role.endsWith("OfA")) expect(ids, role).not.toContain(ofA);
      else expect(ids, role).toContain(ofA);
    }
  });

  it("puts late ones first, then the due soonest, then the answered ones; filters by fiche, council and state", async () => {
    const fiche = await createAction(db);
    // Fallback due dates (answer_due_at null): publication + 60 days.
    const late = await insertItem(db, cast.councilB.id, fiche.slug, { publishedDaysAgo: 90 });
    const dueSoon = await insertItem(db, cast.councilA.id, fiche.slug, { publishedDaysAgo: 50 });
    const dueLater = await insertItem(db, cast.councilA.id, fiche.slug, { publishedDaysAgo: 1, answerDueDays: 30 });
    const answered = await insertItem(db, cast.councilA.id, fiche.slug, { publishedDaysAgo: 100 });
    await insertItem(db, cast.councilA.id, fiche.slug, { kind: "feedback" });
    await insertItem(db, cast.councilA.id, fiche.slug, { status: "hidden", publishedDaysAgo: 200 });
    await answerProposal(db, cast.actors.official, answerInput(answered, "Non retenue : le terrain est privé.", "rejected"));
    const all = await listAnswerableProposals(db, cast.actors.moderator, { actionSlug: fiche.slug });
    if (!all.ok) throw new Error(all.message);
    expect(all.data.items.map((i) => i.id)).toEqual([late, dueSoon, dueLater, answered]);
    expect(all.data.items[0]).toMatchObject({ late: true, answerCount: 0, currentState: null });
    expect(all.data.items[3]).toMatchObject({ late: false, answerCount: 1, currentState: "rejected" });
    const dueLaterItem = all.data.items[2]!;
    expect(Math.round((dueLaterItem.dueAt.getTime() - dueLaterItem.publishedAt.getTime()) / 86_400_000)).toBe(30);
    const ids = async (filters: Parameters<typeof listAnswerableProposals>[2]) => {
      const r = await listAnswerableProposals(db, cast.actors.moderator, { actionSlug: fiche.slug, ...filters });
      return r.ok ? r.data.items.map((i) => i.id) : null;
    };
    expect(await ids({ state: "en-retard" })).toEqual([late]);
    expect(await ids({ state: "sans-reponse" })).toEqual([late, dueSoon, dueLater]);
    expect(await ids({ state: "repondues" })).toEqual([answered]);
    expect(await ids({ councilId: cast.councilB.id })).toEqual([late]);
    expect(all.data.actions.some((a) => a.slug === fiche.slug)).toBe(true);
  });
});

describe.runIf(onPostgres)("the same answer form sent at once (PostgreSQL)", () => {
  it("10 concurrent sends of one form → one answer, one journal row, one set of notifications", async () => {
    const id = await insertItem(db, cast.councilA.id, actionSlug);
    const input = { ...answerInput(id), clientRequestId: randomUUID() };
    const results = await Promise.all(Array.from({ length: 10 }, () => answerProposal(db, cast.actors.official, input)));
    expect(results.every((r) => r.ok)).toBe(true);
    expect(results.filter((r) => r.ok && !r.data.replay)).toHaveLength(1);
    expect(await db.select().from(contributionAnswers).where(eq(contributionAnswers.contributionId, id))).toHaveLength(1);
    expect(
      await db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.action, "contribution.answer"), eq(auditLog.targetId, String(id)))),
    ).toHaveLength(1);
    const members = await db
      .select()
      .from(councilMemberships)
      .innerJoin(users, eq(users.id, councilMemberships.userId))
      .where(eq(councilMemberships.councilId, cast.councilA.id));
    const active = members.filter((m) => m.users.deactivatedAt === null).length;
    expect(await db.select().from(notifications).where(eq(notifications.contributionId, id))).toHaveLength(active);
  });
});
