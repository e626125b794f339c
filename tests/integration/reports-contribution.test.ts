import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database, Db } from "@/db/client";
import { createAction } from "@/db/factories";
import { auditLog, contributionReports, contributions, notifications, platformSettings } from "@/db/schema";
import type { ActionResult } from "@/lib/action-result";
import { createDraft } from "@/server/contributions/create-draft";
import { submitContribution } from "@/server/contributions/submit-contribution";
import { approveContribution } from "@/server/moderation/decide";
import { hideContribution } from "@/server/moderation/hide";
import { listReportedQueue, loadModerationCounts } from "@/server/moderation/lists";
import { loadActionPage } from "@/server/plan/load-action-page";
import { loadReportable, reportContribution } from "@/server/reports/report-contribution";
import { keepPublished } from "@/server/reports/review";
import { createCast, createUser, matrixRoles, reload, type Cast, type MatrixRole } from "../support/actors";
import { auditCount, lastAudit } from "../support/db-snapshot";
import { createTestDatabase, onPostgres, type TestDatabase } from "../support/test-database";
import { reportSchema } from "@/lib/validation/contribution";
import { submitForm } from "../support/forms";
import { expectRefusedUnchanged as expectRefused, hideData } from "./moderation-helpers";
import { feedbackInput, refusalCode, setStatus } from "./contributions-helpers";

/*
 * Reports of published items: anyone signed in, once per person; after N open reports the item
 * is hidden until a moderator reviews it (keeps it published or hides it). As each role of the
 * matrix (a moderator who belongs to council A reviews the other councils' reports, never A's);
 * the threshold crossed by concurrent reports on PostgreSQL.
 */
let testDb: TestDatabase;
let database: Database;
let db: Db;
let cast: Cast;
let actionSlug: string;
beforeAll(async () => {
  testDb = await createTestDatabase("reports");
  database = await testDb.openPrepared({ demo: false });
  db = database.db;
  cast = await createCast(db);
  actionSlug = (await createAction(db)).slug;
});
afterAll(() => testDb.drop());

const expectRefusedUnchanged = (role: MatrixRole, call: () => Promise<ActionResult<unknown>>, code?: string) =>
  expectRefused(db, role, call, code);

async function publishedOf(council: "A" | "B", body?: string) {
  const [author, councilId] = council === "A" ? [cast.actors.memberOfA, cast.councilA.id] : [cast.actors.memberOfB, cast.councilB.id];
  const draft = await createDraft(db, author, feedbackInput(councilId, actionSlug, body));
  if (!draft.ok) throw new Error(draft.message);
  await submitContribution(db, author, { id: draft.data.id });
  const approved = await approveContribution(db, cast.actors.moderator, { id: draft.data.id });
  if (!approved.ok) throw new Error(approved.message);
  return draft.data.id;
}
const publishedOfA = (body?: string) => publishedOf("A", body);

async function reporters(n: number) {
  const people = [];
  for (let i = 0; i < n; i++) people.push(await reload(db, (await createUser(db)).id));
  return people;
}

const row = async (id: number) => (await db.select().from(contributions).where(eq(contributions.id, id)))[0]!;
/** Anyone signed in reports what the public sees, also staff about their own council's items. */
const signedIn: MatrixRole[] = ["memberOfA", "referentOfA", "memberOfB", "moderator", "official", "admin", "moderatorOfA", "officialOfA"];

describe("reporting, as each role", () => {
  for (const role of matrixRoles) {
    const allowed = signedIn.includes(role);
    it(`${role} ${allowed ? "may" : "may not"} report a published item, once`, async () => {
      const id = await publishedOfA();
      const input = { id, reason: `Propos déplacés, signalé par ${role}.` };
      if (!allowed) return expectRefusedUnchanged(role, () => reportContribution(db, cast.actors[role], input));
      const before = await auditCount(db);
      expect(await reportContribution(db, cast.actors[role], input)).toMatchObject({ ok: true, data: { hidden: false } });
      expect(await auditCount(db)).toBe(before + 1);
      expect(await lastAudit(db)).toMatchObject({
        action: "contribution.report",
        reason: input.reason,
        actorUserId: cast.userIds[role as "admin"],
      });
      const second = await reportContribution(db, cast.actors[role], { id, reason: "Une seconde fois." });
      expect(second).toMatchObject({ ok: false, code: "CONFLICT" });
      expect((second as { message: string }).message).toMatch(/^Vous avez déjà signalé/);
      expect(await loadReportable(db, cast.actors[role], id)).toMatchObject({ ok: true, data: { alreadyReported: true } });
    });
  }

  it("only published items: drafts, pending, rejected are « not found »; a reason is required", async () => {
    for (const state of ["draft", "pending", "rejected"] as const) {
      const id = await publishedOfA();
      await setStatus(db, id, state);
      await expectRefusedUnchanged(
        "memberOfB",
        () => reportContribution(db, cast.actors.memberOfB, { id, reason: "Ce texte pose problème." }),
        "NOT_FOUND",
      );
      expect(await loadReportable(db, cast.actors.memberOfB, id)).toMatchObject({ ok: false, code: "NOT_FOUND" });
    }
    const id = await publishedOfA();
    const send = (reason: string) =>
      submitForm(db, cast.actors.memberOfB, reportSchema, { id: String(id), reason }, (input) =>
        reportContribution(db, cast.actors.memberOfB, input),
      );
    await expectRefusedUnchanged("memberOfB", () => send("  "), "VALIDATION_FAILED");
    const empty = await send("  ");
    expect(empty.ok ? undefined : empty.fieldErrors?.reason).toEqual(["Dites en quelques mots ce qui pose problème."]);
    const short = await send("Bof");
    expect(short.ok ? undefined : short.fieldErrors?.reason).toEqual(["La raison du signalement doit faire au moins 5 caractères."]);
    const tooLong = await send("😡".repeat(1001));
    expect(tooLong.ok ? undefined : tooLong.fieldErrors?.reason).toEqual([
      "La raison du signalement ne peut pas dépasser 1000 caractères.",
    ]);
    const badId = await submitForm(
      db,
      cast.actors.memberOfB,
      reportSchema,
      { id: "2147483648", reason: "Ce texte pose problème." },
      (input) => reportContribution(db, cast.actors.memberOfB, input),
    );
    expect(badId).toMatchObject({ ok: false, code: "VALIDATION_FAILED", fieldErrors: { id: ["Contribution introuvable."] } });
  });
});

describe("the threshold", () => {
  it("the Nth open report hides the item pending review, alerts moderators, and the public no longer sees it", async () => {
    await db.update(platformSettings).set({ reportThreshold: 3 }).where(eq(platformSettings.id, true));
    const marker = `SIGNALE-${randomUUID()}`;
    const id = await publishedOfA(`Avis signalé ${marker}`);
    const people = await reporters(3);
    expect(await reportContribution(db, people[0]!, { id, reason: "Premier signalement." })).toMatchObject({
      ok: true,
      data: { hidden: false },
    });
    expect(await reportContribution(db, people[1]!, { id, reason: "Deuxième signalement." })).toMatchObject({
      ok: true,
      data: { hidden: false },
    });
    expect(JSON.stringify(await loadActionPage(actionSlug, db))).toContain(marker);
    expect(await reportContribution(db, people[2]!, { id, reason: "Troisième signalement." })).toMatchObject({
      ok: true,
      data: { hidden: true },
    });
    expect(await row(id)).toMatchObject({
      status: "hidden",
      hiddenById: null,
      hiddenReason: "Masqué automatiquement après 3 signalements, en attente d'examen",
      reviewRequired: true,
    });
    expect(JSON.stringify(await loadActionPage(actionSlug, db))).not.toContain(marker);
    const alerts = await db
      .select()
      .from(notifications)
      .where(and(eq(notifications.contributionId, id), eq(notifications.kind, "moderation_reported")));
    expect(alerts.map((a) => a.userId)).toContain(cast.userIds.moderator);
    expect(alerts.every((a) => a.link === "/moderation/signalements")).toBe(true);
    const auto = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.targetId, String(id)), eq(auditLog.action, "contribution.auto_hide")));
    expect(auto).toHaveLength(1);
    expect(auto[0]).toMatchObject({ actorUserId: null });
    // Anyone else reporting now is told it is already under review; nothing is written.
    const late = (await reporters(1))[0]!;
    await expectRefusedUnchanged("memberOfB", () => reportContribution(db, late, { id, reason: "Quatrième signalement." }), "CONFLICT");
  });

  it("resolved reports do not count again; a lower threshold from the settings applies", async () => {
    await db.update(platformSettings).set({ reportThreshold: 2 }).where(eq(platformSettings.id, true));
    try {
      const id = await publishedOfA();
      const people = await reporters(3);
      await reportContribution(db, people[0]!, { id, reason: "Premier signalement." });
      expect((await keepPublished(db, cast.actors.moderator, { id })).ok).toBe(true);
      expect(await reportContribution(db, people[1]!, { id, reason: "Deuxième signalement." })).toMatchObject({
        ok: true,
        data: { hidden: false },
      });
      expect(await reportContribution(db, people[2]!, { id, reason: "Troisième signalement." })).toMatchObject({
        ok: true,
        data: { hidden: true },
      });
      expect((await row(id)).hiddenReason).toBe("Masqué automatiquement après 2 signalements, en attente d'examen");
    } finally {
      await db.update(platformSettings).set({ reportThreshold: 3 }).where(eq(platformSettings.id, true));
    }
  });
});

/** Every page of the reports tab (25 a page), as one list. */
async function allReported(actor: Cast["actors"][MatrixRole]) {
  const items = [];
  let after: number | null = null;
  do {
    const page = await listReportedQueue(db, actor, { after });
    if (!page.ok) return page;
    items.push(...page.data.items);
    after = page.data.nextAfter;
  } while (after !== null);
  return { ok: true as const, data: items };
}

async function autoHiddenOfA() {
  const id = await publishedOfA();
  for (const person of await reporters(3))
    await reportContribution(db, person, { id, reason: `Signalement <b>gras</b> ${randomUUID().slice(0, 4)}` });
  expect((await row(id)).status).toBe("hidden");
  return id;
}

describe("reviewing reports, as each role", () => {
  const moderators: MatrixRole[] = ["moderator"];
  for (const role of matrixRoles) {
    const allowed = moderators.includes(role);
    it(`${role} ${allowed ? "may" : "may not"} republish an item hidden by reports`, async () => {
      const id = await autoHiddenOfA();
      if (!allowed) return expectRefusedUnchanged(role, () => keepPublished(db, cast.actors[role], { id }));
      const before = await auditCount(db);
      expect(await keepPublished(db, cast.actors[role], { id })).toMatchObject({ ok: true, data: { republished: true } });
      expect(await auditCount(db)).toBe(before + 1);
      expect(await lastAudit(db)).toMatchObject({ action: "contribution.republish" });
      expect(await row(id)).toMatchObject({ status: "published", hiddenReason: null, reviewRequired: false });
      const open = await db.select().from(contributionReports).where(eq(contributionReports.contributionId, id));
      expect(open.every((r) => r.resolvedById === cast.userIds.moderator && r.resolvedAt)).toBe(true);
      // Nothing left to review.
      await expectRefusedUnchanged(role, () => keepPublished(db, cast.actors[role], { id }), "CONFLICT");
    });

    it(`${role} ${allowed ? "may" : "may not"} hide a reported item for good`, async () => {
      const id = await autoHiddenOfA();
      const input = hideData(id, "Propos injurieux, confirmé après examen.", { fromReports: true });
      if (!allowed) return expectRefusedUnchanged(role, () => hideContribution(db, cast.actors[role], input));
      expect((await hideContribution(db, cast.actors[role], input)).ok).toBe(true);
      expect(await row(id)).toMatchObject({
        status: "hidden",
        hiddenById: cast.userIds.moderator,
        hiddenReason: input.reason,
        reviewRequired: false,
      });
      const open = await db.select().from(contributionReports).where(eq(contributionReports.contributionId, id));
      expect(open.every((r) => r.resolvedAt !== null)).toBe(true);
      const told = await db
        .select()
        .from(notifications)
        .where(and(eq(notifications.contributionId, id), eq(notifications.kind, "contribution_hidden")));
      expect(told.map((n) => n.userId)).toContain(cast.userIds.memberOfA);
    });
  }

  it("the reports tab lists open reports with their reasons, never the moderator's own councils", async () => {
    const id = await publishedOfA();
    const [person] = await reporters(1);
    await reportContribution(db, person!, { id, reason: "Une raison <script>alert(1)</script>" });
    const list = await allReported(cast.actors.moderator);
    if (!list.ok) throw new Error(list.message);
    const item = list.data.find((i) => i.id === id);
    expect(item).toMatchObject({ status: "published", reviewRequired: false });
    expect(item!.reports.map((r) => r.reason)).toEqual(["Une raison <script>alert(1)</script>"]);
    expect(item!.reports[0]!.reporterName).toBe(person!.displayName);
    const hidden = await autoHiddenOfA();
    const again = await allReported(cast.actors.moderator);
    expect(again.ok && again.data[0]!.reviewRequired).toBe(true);
    expect(again.ok && again.data.find((i) => i.id === hidden)!.reports).toHaveLength(3);
    const counts = await loadModerationCounts(db, cast.actors.moderator!);
    expect(counts.reported).toBe(again.ok ? again.data.length : -1);

    // A moderator who belongs to council A: the other councils' reports, never A's.
    const ofB = await publishedOf("B");
    await reportContribution(db, person!, { id: ofB, reason: "Un signalement sur le conseil B." });
    const actor = cast.actors.moderatorOfA;
    const theirs = await allReported(actor);
    expect(theirs.ok).toBe(true);
    if (!theirs.ok) return;
    expect(theirs.data.some((i) => i.id === ofB)).toBe(true);
    expect(theirs.data.some((i) => i.id === id || i.id === hidden)).toBe(false);
    expect((await loadModerationCounts(db, actor!)).reported).toBe(theirs.data.length);
    await expectRefusedUnchanged("moderatorOfA", () => keepPublished(db, actor, { id }));
    await expectRefusedUnchanged("moderatorOfA", () =>
      hideContribution(db, actor, hideData(hidden, "Je masque celui de mon conseil.", { fromReports: true })),
    );
    expect(await keepPublished(db, actor, { id: ofB })).toMatchObject({ ok: true, data: { republished: false } });
    for (const role of matrixRoles) {
      if (role !== "moderator" && role !== "moderatorOfA")
        expect(await listReportedQueue(db, cast.actors[role])).toMatchObject({ ok: false, code: refusalCode(role) });
    }
  });
});

describe.runIf(onPostgres)("races (PostgreSQL)", () => {
  it("reports crossing the threshold at the same moment hide the item exactly once", async () => {
    for (let round = 0; round < 10; round++) {
      const id = await publishedOfA();
      const people = await reporters(6);
      const results = await Promise.all(people.map((p) => reportContribution(db, p, { id, reason: `Signalement concurrent ${round}.` })));
      expect(results.filter((r) => r.ok)).toHaveLength(3);
      expect(results.filter((r) => r.ok && r.data.hidden)).toHaveLength(1);
      expect(results.filter((r) => !r.ok).every((r) => !r.ok && r.code === "CONFLICT")).toBe(true);
      const auto = await db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.targetId, String(id)), eq(auditLog.action, "contribution.auto_hide")));
      expect(auto).toHaveLength(1);
      expect(await db.select().from(contributionReports).where(eq(contributionReports.contributionId, id))).toHaveLength(3);
      expect(await row(id)).toMatchObject({ status: "hidden", reviewRequired: true });
    }
  });

  it("the same person reporting twice at once: one report", async () => {
    const id = await publishedOfA();
    const [person] = await reporters(1);
    const results = await Promise.all([1, 2, 3].map(() => reportContribution(db, person!, { id, reason: "Double clic." })));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(await db.select().from(contributionReports).where(eq(contributionReports.contributionId, id))).toHaveLength(1);
  });

  it("two moderators reviewing at once: one applies (republish or hide)", async () => {
    const moderatorTwo = await reload(db, (await createUser(db, { isModerator: true })).id);
    for (let round = 0; round < 10; round++) {
      const id = await autoHiddenOfA();
      const results = await Promise.all([
        keepPublished(db, cast.actors.moderator, { id }),
        round % 2 === 0
          ? keepPublished(db, moderatorTwo, { id })
          : hideContribution(db, moderatorTwo, hideData(id, "Masqué pendant l'examen.", { fromReports: true })),
      ]);
      expect(results.filter((r) => r.ok)).toHaveLength(1);
      const audit = await db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.targetId, String(id)), eq(auditLog.targetType, "contribution")));
      expect(
        audit.filter((a) => ["contribution.republish", "contribution.hide", "contribution.reports_dismiss"].includes(a.action)),
      ).toHaveLength(1);
    }
  });
});
