import { randomUUID } from "node:crypto";
import { asc, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database, Db } from "@/db/client";
import { createAction } from "@/db/factories";
import { actionDeadlineChanges, actionOfficials, actions, auditLog, progressReportRevisions, progressReports } from "@/db/schema";
import type { ActionResult } from "@/lib/action-result";
import type { PostProgressReportInput } from "@/lib/validation/progress";
import { changeDeadline } from "@/server/progress/change-deadline";
import { correctProgressReport } from "@/server/progress/correct-report";
import { postProgressReport } from "@/server/progress/post-report";
import { listProgressFiches, loadProgressFiche } from "@/server/progress/queries";
import { loadActionPage } from "@/server/plan/load-action-page";
import { loadPlanOverview } from "@/server/plan/load-plan-overview";
import { setActionOfficials } from "@/server/progress/set-officials";
import { createCast, createUser, matrixRoles, reload, type Cast, type MatrixRole } from "../support/actors";
import { auditCount, lastAudit } from "../support/db-snapshot";
import { createTestDatabase, onPostgres, type TestDatabase } from "../support/test-database";

/*
 * Progress of a fiche: points d'étape (public at once), their correction within 24 hours with the
 * earlier text kept, deadline changes with a reason, and the officials in charge — each server
 * function called directly as the 8 roles; refused calls change nothing and journal nothing.
 */
let testDb: TestDatabase;
let database: Database;
let db: Db;
let cast: Cast;
beforeAll(async () => {
  testDb = await createTestDatabase("progress");
  database = await testDb.openPrepared({ demo: false });
  db = database.db;
  cast = await createCast(db);
});
afterAll(() => testDb.drop());

const refusal = (role: MatrixRole) => (role === "anonymous" || role === "deactivated" ? "UNAUTHENTICATED" : "FORBIDDEN");
const today = () => new Date().toISOString().slice(0, 10);

async function snapshot() {
  const [a, r, v, d, o, j] = await Promise.all([
    db.select().from(actions).orderBy(asc(actions.id)),
    db.select().from(progressReports).orderBy(asc(progressReports.id)),
    db.select().from(progressReportRevisions).orderBy(asc(progressReportRevisions.id)),
    db.select().from(actionDeadlineChanges).orderBy(asc(actionDeadlineChanges.id)),
    db.select().from(actionOfficials).orderBy(asc(actionOfficials.actionId), asc(actionOfficials.userId)),
    db.select().from(auditLog).orderBy(asc(auditLog.id)),
  ]);
  return { a, r, v, d, o, j };
}

async function expectRefusedUnchanged(call: () => Promise<ActionResult<unknown>>, code: string) {
  const before = await snapshot();
  const result = await call();
  expect(result).toMatchObject({ ok: false, code });
  expect(await snapshot()).toEqual(before);
}

const reportInput = (actionSlug: string, overrides: Partial<PostProgressReportInput> = {}): PostProgressReportInput => ({
  actionSlug,
  clientRequestId: randomUUID(),
  reportedOn: today(),
  title: "Point d'étape de novembre",
  body: "Le comité de pilotage s'est réuni ; deux ateliers ont eu lieu.",
  status: "in_progress",
  progress: "40",
  ...overrides,
});

// Staff (moderators, admins) report on every fiche; the matrix's official is not in charge of this one.
const reporters: MatrixRole[] = ["moderator", "admin"];

describe("postProgressReport, as each role", () => {
  for (const role of matrixRoles) {
    const allowed = reporters.includes(role);
    it(`${role} ${allowed ? "may" : "may not"} post a progress report on a fiche they are not in charge of`, async () => {
      const fiche = await createAction(db);
      const input = reportInput(fiche.slug);
      if (!allowed) return expectRefusedUnchanged(() => postProgressReport(db, cast.actors[role], input), refusal(role));
      const before = await auditCount(db);
      const result = await postProgressReport(db, cast.actors[role], input);
      expect(result.ok).toBe(true);
      expect(await auditCount(db)).toBe(before + 1);
      expect(await lastAudit(db)).toMatchObject({ action: "progress_report.create", actorUserId: cast.userIds[role as "admin"] });
      const [row] = await db.select().from(actions).where(eq(actions.id, fiche.id));
      expect(row).toMatchObject({ status: "in_progress", progress: 40 });
    });
  }

  it("an official may post on the fiches they are in charge of, and only those", async () => {
    const mine = await createAction(db);
    const other = await createAction(db);
    await db.insert(actionOfficials).values({ actionId: mine.id, userId: cast.userIds.official });
    expect((await postProgressReport(db, cast.actors.official, reportInput(mine.slug))).ok).toBe(true);
    await expectRefusedUnchanged(() => postProgressReport(db, cast.actors.official, reportInput(other.slug)), "FORBIDDEN");
  });
});

describe("a progress report", () => {
  it("is refused with French messages when the date is in the future or the progress is not a percentage, and writes nothing", async () => {
    const fiche = await createAction(db);
    const future = new Date(Date.now() + 3 * 24 * 3600 * 1000).toISOString().slice(0, 10);
    const before = await snapshot();
    const r1 = await postProgressReport(db, cast.actors.moderator, reportInput(fiche.slug, { reportedOn: future }));
    expect(r1).toMatchObject({ ok: false, code: "VALIDATION_FAILED", fieldErrors: { reportedOn: ["La date du point d'étape ne peut pas être dans le futur."] } });
    const r2 = await postProgressReport(db, cast.actors.moderator, reportInput(fiche.slug, { progress: "140" }));
    expect(r2).toMatchObject({ ok: false, fieldErrors: { progress: ["L'avancement est un nombre entier entre 0 et 100."] } });
    const r3 = await postProgressReport(db, cast.actors.moderator, reportInput(fiche.slug, { body: "   " }));
    expect(r3).toMatchObject({ ok: false, fieldErrors: { body: ["Écrivez ce qui a été fait."] } });
    expect(await snapshot()).toEqual(before);
  });

  it("moving the deadline without a reason is refused; with one, the change is kept with the previous deadline", async () => {
    const fiche = await createAction(db, { timeframeLabel: "2018/2019", timeframeEndYear: 2019 });
    const before = await snapshot();
    const refused = await postProgressReport(db, cast.actors.moderator, reportInput(fiche.slug, { newDeadline: "2027-06-30" }));
    expect(refused).toMatchObject({ ok: false, fieldErrors: { deadlineReason: ["Indiquez la raison du changement d'échéance : elle sera publiée sur la fiche."] } });
    expect(await snapshot()).toEqual(before);

    const result = await postProgressReport(
      db,
      cast.actors.moderator,
      reportInput(fiche.slug, { newDeadline: "2027-06-30", deadlineReason: "Le chantier a pris un an de retard." }),
    );
    expect(result.ok).toBe(true);
    const [row] = await db.select().from(actions).where(eq(actions.id, fiche.id));
    expect(row).toMatchObject({ deadline: "2027-06-30", currentTimeframeLabel: "fin juin 2027", timeframeLabel: "2018/2019", timeframeEndYear: 2019 });
    const changes = await db.select().from(actionDeadlineChanges).where(eq(actionDeadlineChanges.actionId, fiche.id));
    expect(changes).toHaveLength(1);
    expect(changes[0]).toMatchObject({ previousLabel: "2018/2019", previousDeadline: "2019-12-31", newDeadline: "2027-06-30", reason: "Le chantier a pris un an de retard." });
    const journal = await db.select().from(auditLog).where(eq(auditLog.targetId, String(fiche.id)));
    expect(journal.map((j) => j.action)).toContain("action.deadline.change");
  });

  it("the same form submitted twice records one report", async () => {
    const fiche = await createAction(db);
    const input = reportInput(fiche.slug);
    const [a, b] = await Promise.all([postProgressReport(db, cast.actors.moderator, input), postProgressReport(db, cast.actors.moderator, input)]);
    expect(a.ok && b.ok).toBe(true);
    expect(await db.select().from(progressReports).where(eq(progressReports.actionId, fiche.id))).toHaveLength(1);
  });
});

describe("correctProgressReport", () => {
  async function posted(slug: string) {
    const result = await postProgressReport(db, cast.actors.moderator, reportInput(slug));
    if (!result.ok) throw new Error(result.message);
    return result.data.id;
  }
  const correction = (reportId: number) => ({ reportId, reportedOn: today(), title: "Point d'étape de novembre (corrigé)", body: "Trois ateliers, et non deux.", status: "in_progress" as const, progress: "45" });

  for (const role of matrixRoles) {
    const allowed = reporters.includes(role);
    it(`${role} ${allowed ? "may" : "may not"} correct a report within 24 hours`, async () => {
      const fiche = await createAction(db);
      const id = await posted(fiche.slug);
      if (!allowed) return expectRefusedUnchanged(() => correctProgressReport(db, cast.actors[role], correction(id)), refusal(role));
      const result = await correctProgressReport(db, cast.actors[role], correction(id));
      expect(result.ok).toBe(true);
      const [report] = await db.select().from(progressReports).where(eq(progressReports.id, id));
      expect(report).toMatchObject({ title: "Point d'étape de novembre (corrigé)", progress: 45 });
      expect(report!.correctedAt).not.toBeNull();
      const revisions = await db.select().from(progressReportRevisions).where(eq(progressReportRevisions.reportId, id));
      expect(revisions).toHaveLength(1);
      expect(revisions[0]).toMatchObject({ title: "Point d'étape de novembre", body: "Le comité de pilotage s'est réuni ; deux ateliers ont eu lieu.", progress: 40 });
      const [fresh] = await db.select().from(actions).where(eq(actions.id, fiche.id));
      expect(fresh!.progress).toBe(45);
      expect(await lastAudit(db)).toMatchObject({ action: "progress_report.correct" });
    });
  }

  it("after 24 hours the correction is refused and nothing changes", async () => {
    const fiche = await createAction(db);
    const id = await posted(fiche.slug);
    await db.update(progressReports).set({ createdAt: sql`now() - interval '25 hours'` }).where(eq(progressReports.id, id));
    const before = await snapshot();
    const result = await correctProgressReport(db, cast.actors.moderator, correction(id));
    expect(result).toMatchObject({ ok: false, code: "CONFLICT" });
    expect((result as { message: string }).message).toMatch(/plus de 24 heures/);
    expect(await snapshot()).toEqual(before);
  });

  it("the source document's statements are never corrected", async () => {
    const [source] = await db.select({ id: progressReports.id }).from(progressReports).where(sql`${progressReports.seedKey} like 'source:%'`).limit(1);
    await expectRefusedUnchanged(() => correctProgressReport(db, cast.actors.admin, correction(source!.id)), "FORBIDDEN");
  });
});

describe("changeDeadline", () => {
  const input = (actionSlug: string) => ({ actionSlug, newDeadline: "2028-12-31", newTimeframeLabel: "d'ici fin 2028", deadlineReason: "Les financements de l'État arrivent en 2027." });
  for (const role of matrixRoles) {
    const allowed = reporters.includes(role);
    it(`${role} ${allowed ? "may" : "may not"} move a fiche's deadline`, async () => {
      const fiche = await createAction(db, { timeframeLabel: "2016-2020", timeframeEndYear: 2020 });
      if (!allowed) return expectRefusedUnchanged(() => changeDeadline(db, cast.actors[role], input(fiche.slug)), refusal(role));
      expect((await changeDeadline(db, cast.actors[role], input(fiche.slug))).ok).toBe(true);
      const [row] = await db.select().from(actions).where(eq(actions.id, fiche.id));
      expect(row).toMatchObject({ deadline: "2028-12-31", currentTimeframeLabel: "d'ici fin 2028" });
      expect(await lastAudit(db)).toMatchObject({ action: "action.deadline.change", reason: "Les financements de l'État arrivent en 2027." });
    });
  }

  it("requires a reason and a date, in French, and writes nothing otherwise", async () => {
    const fiche = await createAction(db);
    const before = await snapshot();
    const result = await changeDeadline(db, cast.actors.admin, { actionSlug: fiche.slug, newDeadline: "", deadlineReason: "" });
    expect(result).toMatchObject({
      ok: false,
      fieldErrors: { newDeadline: ["Indiquez la nouvelle échéance (une date)."], deadlineReason: ["Indiquez la raison du changement d'échéance : elle sera publiée sur la fiche."] },
    });
    expect(await snapshot()).toEqual(before);
  });

  it("a second change keeps the first as its previous deadline: every change is listed", async () => {
    const fiche = await createAction(db, { timeframeLabel: "2017", timeframeEndYear: 2017 });
    await changeDeadline(db, cast.actors.admin, { actionSlug: fiche.slug, newDeadline: "2026-12-31", deadlineReason: "Première raison du report." });
    await changeDeadline(db, cast.actors.admin, { actionSlug: fiche.slug, newDeadline: "2027-12-31", deadlineReason: "Seconde raison du report." });
    const page = await loadProgressFiche(db, cast.actors.admin, fiche.slug);
    if (!page.ok) throw new Error(page.message);
    expect(page.data.deadline).toMatchObject({ originalLabel: "2017", originalDeadline: "2017-12-31", currentDeadline: "2027-12-31", changed: true });
    expect(page.data.deadlineChanges.map((c) => [c.previousDeadline, c.newDeadline])).toEqual([
      ["2026-12-31", "2027-12-31"],
      ["2017-12-31", "2026-12-31"],
    ]);
  });
});

describe("setActionOfficials", () => {
  for (const role of matrixRoles) {
    const allowed = role === "admin";
    it(`${role} ${allowed ? "may" : "may not"} name the officials in charge of a fiche`, async () => {
      const fiche = await createAction(db);
      const input = { actionSlug: fiche.slug, userIds: [cast.userIds.official] };
      if (!allowed) return expectRefusedUnchanged(() => setActionOfficials(db, cast.actors[role], input), refusal(role));
      expect((await setActionOfficials(db, cast.actors[role], input)).ok).toBe(true);
      expect(await db.select().from(actionOfficials).where(eq(actionOfficials.actionId, fiche.id))).toHaveLength(1);
      expect(await lastAudit(db)).toMatchObject({ action: "action.officials.assign" });
    });
  }

  it("only active officials can be in charge", async () => {
    const fiche = await createAction(db);
    const notOfficial = await createUser(db);
    await expectRefusedUnchanged(() => setActionOfficials(db, cast.actors.admin, { actionSlug: fiche.slug, userIds: [notOfficial.id] }), "VALIDATION_FAILED");
  });

  it("a newly named official sees the fiche first and may report on it at once", async () => {
    const official = await createUser(db, { isOfficial: true });
    const fiche = await createAction(db);
    await setActionOfficials(db, cast.actors.admin, { actionSlug: fiche.slug, userIds: [official.id] });
    const actor = await reload(db, official.id);
    const list = await listProgressFiches(db, actor);
    if (!list.ok) throw new Error(list.message);
    expect(list.data[0]).toMatchObject({ slug: fiche.slug, inCharge: true, canReport: true });
    expect(list.data.filter((f) => f.canReport)).toHaveLength(1);
  });
});

describe("the progress pages' data", () => {
  it("is refused to members and the public", async () => {
    for (const role of ["anonymous", "memberOfA", "referentOfA", "deactivated"] as const) {
      expect((await listProgressFiches(db, cast.actors[role])).ok).toBe(false);
    }
  });
});

describe("the public pages", () => {
  it("show a corrected report's earlier version, every deadline change with its reason, « en retard » and the coming deadlines", async () => {
    const soon = new Date(Date.now() + 40 * 24 * 3600 * 1000).toISOString().slice(0, 10);
    const fiche = await createAction(db, { themeSlug: "gouvernance", timeframeLabel: "2016", timeframeEndYear: 2016, status: "in_progress" });
    const posted = await postProgressReport(db, cast.actors.moderator, reportInput(fiche.slug, { newDeadline: soon, deadlineReason: "Le prestataire a changé." }));
    if (!posted.ok) throw new Error(posted.message);
    await correctProgressReport(db, cast.actors.moderator, { reportId: posted.data.id, reportedOn: today(), title: "Titre corrigé", body: "Texte corrigé.", status: "in_progress", progress: "50" });
    const page = await loadActionPage(fiche.slug, db);
    expect(page!.action.deadline).toMatchObject({ originalLabel: "2016", currentDeadline: soon, changed: true, late: false });
    expect(page!.deadlineChanges).toMatchObject([{ previousLabel: "2016", newDeadline: soon, reason: "Le prestataire a changé." }]);
    const report = page!.reports.find((r) => r.id === posted.data.id)!;
    expect(report).toMatchObject({ title: "Titre corrigé", progress: 50 });
    expect(report.correctedAt).not.toBeNull();
    expect(report.revisions).toMatchObject([{ title: "Point d'étape de novembre", progress: 40 }]);

    const late = await createAction(db, { themeSlug: "gouvernance", timeframeLabel: "2017", timeframeEndYear: 2017, status: "planned" });
    const done = await createAction(db, { themeSlug: "gouvernance", timeframeLabel: "2017", timeframeEndYear: 2017, status: "done" });
    const overview = await loadPlanOverview(db);
    expect(overview!.upcomingDeadlines.map((a) => a.slug)).toContain(fiche.slug);
    expect(overview!.lateActions.map((a) => a.slug)).toContain(late.slug);
    expect(overview!.lateActions.map((a) => a.slug)).not.toContain(done.slug);
    expect(overview!.lateActions.map((a) => a.slug)).not.toContain(fiche.slug);
  });
});

describe.runIf(onPostgres)("two reports at once on one fiche (PostgreSQL)", () => {
  it("both are recorded and the fiche ends with the status of the latest", async () => {
    const fiche = await createAction(db);
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) => postProgressReport(db, cast.actors.moderator, reportInput(fiche.slug, { progress: String(i * 10) }))),
    );
    expect(results.every((r) => r.ok)).toBe(true);
    expect(await db.select().from(progressReports).where(eq(progressReports.actionId, fiche.id))).toHaveLength(10);
    const [latest] = await db
      .select({ progress: progressReports.progress })
      .from(progressReports)
      .where(eq(progressReports.actionId, fiche.id))
      .orderBy(sql`${progressReports.createdAt} desc, ${progressReports.id} desc`)
      .limit(1);
    const [row] = await db.select({ progress: actions.progress }).from(actions).where(eq(actions.id, fiche.id));
    expect(row!.progress).toBe(latest!.progress);
  });
});
