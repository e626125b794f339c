import { randomUUID } from "node:crypto";
import { asc, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database, Db } from "@/db/client";
import { createAction } from "@/db/factories";
import { actionDeadlineChanges, actionOfficials, actions, auditLog, progressReportRevisions, progressReports } from "@/db/schema";
import type { ActionResult } from "@/lib/action-result";
import {
  changeDeadlineSchema,
  correctProgressReportSchema,
  postProgressReportSchema,
  setActionOfficialsSchema,
  type ChangeDeadlineData,
  type CorrectProgressReportData,
  type PostProgressReportData,
} from "@/lib/validation/progress";
import { changeDeadline } from "@/server/progress/change-deadline";
import { correctProgressReport } from "@/server/progress/correct-report";
import { postProgressReport } from "@/server/progress/post-report";
import { listProgressFiches, loadProgressFiche } from "@/server/progress/queries";
import { loadActionPage } from "@/server/plan/load-action-page";
import { loadPlanOverview } from "@/server/plan/load-plan-overview";
import { loadThemePage } from "@/server/plan/load-theme-page";
import { setActionOfficials } from "@/server/progress/set-officials";
import { createCast, createUser, matrixRoles, reload, type Cast, type MatrixRole } from "../support/actors";
import { auditCount, lastAudit } from "../support/db-snapshot";
import { submitForm, type RawForm } from "../support/forms";
import { createTestDatabase, onPostgres, type TestDatabase } from "../support/test-database";

/*
 * Progress of a fiche: points d'étape (public at once), their correction within 24 hours with the
 * earlier text kept, deadline changes with a reason, and the officials in charge — each server
 * function called directly (typed data) as each role of the matrix; refused calls change nothing
 * and journal nothing. Refused input goes through the form's path (raw text, one parse).
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

const reportInput = (actionSlug: string, overrides: Partial<PostProgressReportData> = {}): PostProgressReportData => ({
  actionSlug,
  clientRequestId: randomUUID(),
  reportedOn: today(),
  title: "Point d'étape de novembre",
  body: "Le comité de pilotage s'est réuni ; deux ateliers ont eu lieu.",
  status: "in_progress",
  progress: 40,
  deadline: null,
  ...overrides,
});

/** The new-report form as a browser sends it (every field as text; the box ticked or absent). */
const reportForm = (actionSlug: string, overrides: RawForm = {}): RawForm => ({
  actionSlug,
  clientRequestId: randomUUID(),
  reportedOn: today(),
  title: "Point d'étape de novembre",
  body: "Le comité de pilotage s'est réuni ; deux ateliers ont eu lieu.",
  status: "in_progress",
  progress: "40",
  ...overrides,
});
const postForm = (actor: MatrixRole, values: RawForm) =>
  submitForm(db, cast.actors[actor], postProgressReportSchema, values, (input, context) =>
    postProgressReport(context.db, context.actor, input),
  );

const DAY_MESSAGE = "Date invalide : écrivez-la sous la forme AAAA-MM-JJ, par exemple 2026-12-17.";
const impossibleDays = ["2026-02-31", "0000-01-01", "2031-13-01", "2026-2-3", "demain"];

// Staff (moderators, admins) report on every fiche — a moderator who is a council member too:
// fiches belong to no council. The matrix's officials are not in charge of this one.
const reporters: MatrixRole[] = ["moderator", "admin", "moderatorOfA"];

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

  for (const role of ["official", "officialOfA"] as const) {
    it(`${role} may post on the fiches they are in charge of, and only those`, async () => {
      const mine = await createAction(db);
      const other = await createAction(db);
      await db.insert(actionOfficials).values({ actionId: mine.id, userId: cast.userIds[role] });
      expect((await postProgressReport(db, cast.actors[role], reportInput(mine.slug))).ok).toBe(true);
      expect(await lastAudit(db)).toMatchObject({ action: "progress_report.create", actorUserId: cast.userIds[role] });
      await expectRefusedUnchanged(() => postProgressReport(db, cast.actors[role], reportInput(other.slug)), "FORBIDDEN");
    });
  }

  it("an unknown fiche is not found, and nothing is written", async () => {
    await expectRefusedUnchanged(() => postProgressReport(db, cast.actors.admin, reportInput("n-existe-pas")), "NOT_FOUND");
  });
});

describe("a progress report", () => {
  it("is refused with French messages when the date is in the future or the progress is not a percentage, and writes nothing", async () => {
    const fiche = await createAction(db);
    const future = new Date(Date.now() + 3 * 24 * 3600 * 1000).toISOString().slice(0, 10);
    const before = await snapshot();
    const r1 = await postForm("moderator", reportForm(fiche.slug, { reportedOn: future }));
    expect(r1).toMatchObject({
      ok: false,
      code: "VALIDATION_FAILED",
      fieldErrors: { reportedOn: ["La date du point d'étape ne peut pas être dans le futur."] },
    });
    for (const progress of ["140", "-1", "4.5", "0x10", "quarante"]) {
      const r2 = await postForm("moderator", reportForm(fiche.slug, { progress }));
      expect(r2, progress).toMatchObject({ ok: false, fieldErrors: { progress: ["L'avancement est un nombre entier entre 0 et 100."] } });
    }
    const r3 = await postForm("moderator", reportForm(fiche.slug, { body: "   " }));
    expect(r3).toMatchObject({ ok: false, fieldErrors: { body: ["Écrivez ce qui a été fait."] } });
    const r4 = await postForm("moderator", reportForm(fiche.slug, { status: "abandonnee" }));
    expect(r4).toMatchObject({ ok: false, fieldErrors: { status: [expect.stringContaining("Statut inconnu")] } });
    expect(await snapshot()).toEqual(before);
  });

  it("refuses an impossible date of report or of deadline, with a French message next to the field, and writes nothing", async () => {
    const fiche = await createAction(db);
    const before = await snapshot();
    for (const date of impossibleDays) {
      expect(await postForm("moderator", reportForm(fiche.slug, { reportedOn: date })), date).toMatchObject({
        ok: false,
        fieldErrors: { reportedOn: [DAY_MESSAGE] },
      });
      const moved = reportForm(fiche.slug, {
        "deadline.move": "on",
        "deadline.date": date,
        "deadline.reason": "Le chantier a pris du retard.",
      });
      expect(await postForm("moderator", moved), date).toMatchObject({ ok: false, fieldErrors: { "deadline.date": [DAY_MESSAGE] } });
      const changed = await submitForm(
        db,
        cast.actors.admin,
        changeDeadlineSchema,
        { actionSlug: fiche.slug, "deadline.date": date, "deadline.reason": "Le chantier a pris du retard." },
        (input, c) => changeDeadline(c.db, c.actor, input),
      );
      expect(changed, date).toMatchObject({ ok: false, fieldErrors: { "deadline.date": [DAY_MESSAGE] } });
    }
    expect(await snapshot()).toEqual(before);
  });

  it("moving the deadline without a reason is refused; with one, the change is kept with the previous deadline", async () => {
    const fiche = await createAction(db, { timeframeLabel: "2018/2019", timeframeEndYear: 2019 });
    const before = await snapshot();
    const refused = await postForm("moderator", reportForm(fiche.slug, { "deadline.move": "on", "deadline.date": "2027-06-30" }));
    expect(refused).toMatchObject({
      ok: false,
      fieldErrors: { "deadline.reason": ["Indiquez la raison du changement d'échéance : elle sera publiée sur la fiche."] },
    });
    // Every message at once: a missing title does not hide the deadline's.
    const both = await postForm(
      "moderator",
      reportForm(fiche.slug, { title: "", "deadline.move": "on", "deadline.date": "", "deadline.reason": "Tôt" }),
    );
    expect(both).toMatchObject({
      ok: false,
      fieldErrors: {
        title: ["Donnez un titre au point d'étape."],
        "deadline.date": ["Indiquez la nouvelle échéance (une date)."],
        "deadline.reason": ["La raison doit faire au moins 5 caractères."],
      },
    });
    expect(await snapshot()).toEqual(before);

    const result = await postForm(
      "moderator",
      reportForm(fiche.slug, {
        "deadline.move": "on",
        "deadline.date": "2027-06-30",
        "deadline.reason": "Le chantier a pris un an de retard.",
      }),
    );
    expect(result.ok).toBe(true);
    const [row] = await db.select().from(actions).where(eq(actions.id, fiche.id));
    expect(row).toMatchObject({
      deadline: "2027-06-30",
      currentTimeframeLabel: "fin juin 2027",
      timeframeLabel: "2018/2019",
      timeframeEndYear: 2019,
    });
    const changes = await db.select().from(actionDeadlineChanges).where(eq(actionDeadlineChanges.actionId, fiche.id));
    expect(changes).toHaveLength(1);
    expect(changes[0]).toMatchObject({
      previousLabel: "2018/2019",
      previousDeadline: "2019-12-31",
      newDeadline: "2027-06-30",
      reason: "Le chantier a pris un an de retard.",
    });
    const journal = await db
      .select()
      .from(auditLog)
      .where(eq(auditLog.targetId, String(fiche.id)));
    expect(journal.map((j) => j.action)).toContain("action.deadline.change");
  });

  it("a deadline typed and then left unticked is neither checked nor applied", async () => {
    const fiche = await createAction(db, { timeframeLabel: "2018/2019", timeframeEndYear: 2019 });
    const result = await postForm(
      "moderator",
      reportForm(fiche.slug, { "deadline.date": "2026-02-31", "deadline.label": "x".repeat(500) }),
    );
    expect(result.ok).toBe(true);
    expect(await db.select().from(actionDeadlineChanges).where(eq(actionDeadlineChanges.actionId, fiche.id))).toHaveLength(0);
    const [row] = await db.select().from(actions).where(eq(actions.id, fiche.id));
    expect(row).toMatchObject({ deadline: null, currentTimeframeLabel: null, progress: 40 });
  });

  it("the same form submitted twice records one report", async () => {
    const fiche = await createAction(db);
    const input = reportInput(fiche.slug);
    const [a, b] = await Promise.all([
      postProgressReport(db, cast.actors.moderator, input),
      postProgressReport(db, cast.actors.moderator, input),
    ]);
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
  const correction = (reportId: number): CorrectProgressReportData => ({
    reportId,
    reportedOn: today(),
    title: "Point d'étape de novembre (corrigé)",
    body: "Trois ateliers, et non deux.",
    status: "in_progress",
    progress: 45,
  });

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
      expect(revisions[0]).toMatchObject({
        title: "Point d'étape de novembre",
        body: "Le comité de pilotage s'est réuni ; deux ateliers ont eu lieu.",
        progress: 40,
      });
      const [fresh] = await db.select().from(actions).where(eq(actions.id, fiche.id));
      expect(fresh!.progress).toBe(45);
      expect(await lastAudit(db)).toMatchObject({ action: "progress_report.correct" });
    });
  }

  it("after 24 hours the correction is refused and nothing changes", async () => {
    const fiche = await createAction(db);
    const id = await posted(fiche.slug);
    await db
      .update(progressReports)
      .set({ createdAt: sql`now() - interval '25 hours'` })
      .where(eq(progressReports.id, id));
    const before = await snapshot();
    const result = await correctProgressReport(db, cast.actors.moderator, correction(id));
    expect(result).toMatchObject({ ok: false, code: "CONFLICT" });
    expect((result as { message: string }).message).toMatch(/plus de 24 heures/);
    expect(await snapshot()).toEqual(before);
  });

  it("refuses an id that is not a report's, or a wrong field, in French, and changes nothing", async () => {
    const fiche = await createAction(db);
    const id = await posted(fiche.slug);
    const before = await snapshot();
    const send = (values: RawForm) =>
      submitForm(db, cast.actors.moderator, correctProgressReportSchema, values, (input, c) => correctProgressReport(c.db, c.actor, input));
    const raw = { reportId: String(id), reportedOn: today(), title: "Titre", body: "Texte corrigé.", status: "", progress: "" };
    for (const reportId of ["2147483648", "-1", "abc", ""]) {
      expect(await send({ ...raw, reportId }), reportId).toMatchObject({
        ok: false,
        code: "VALIDATION_FAILED",
        fieldErrors: { reportId: ["Point d'étape inconnu : rechargez la page."] },
      });
    }
    expect(await send({ ...raw, reportedOn: "2026-02-31", title: "" })).toMatchObject({
      ok: false,
      fieldErrors: { reportedOn: [DAY_MESSAGE], title: ["Donnez un titre au point d'étape."] },
    });
    expect(await send({ ...raw, reportId: "2147483647" })).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect(await snapshot()).toEqual(before);
  });

  it("the source document's statements are never corrected", async () => {
    const [source] = await db
      .select({ id: progressReports.id })
      .from(progressReports)
      .where(sql`${progressReports.seedKey} like 'source:%'`)
      .limit(1);
    await expectRefusedUnchanged(() => correctProgressReport(db, cast.actors.admin, correction(source!.id)), "FORBIDDEN");
  });
});

describe("changeDeadline", () => {
  const input = (actionSlug: string): ChangeDeadlineData => ({
    actionSlug,
    deadline: { date: "2028-12-31", label: "d'ici fin 2028", reason: "Les financements de l'État arrivent en 2027." },
  });
  for (const role of matrixRoles) {
    const allowed = reporters.includes(role);
    it(`${role} ${allowed ? "may" : "may not"} move a fiche's deadline`, async () => {
      const fiche = await createAction(db, { timeframeLabel: "2016-2020", timeframeEndYear: 2020 });
      if (!allowed) return expectRefusedUnchanged(() => changeDeadline(db, cast.actors[role], input(fiche.slug)), refusal(role));
      expect((await changeDeadline(db, cast.actors[role], input(fiche.slug))).ok).toBe(true);
      const [row] = await db.select().from(actions).where(eq(actions.id, fiche.id));
      expect(row).toMatchObject({ deadline: "2028-12-31", currentTimeframeLabel: "d'ici fin 2028" });
      expect(await lastAudit(db)).toMatchObject({
        action: "action.deadline.change",
        reason: "Les financements de l'État arrivent en 2027.",
      });
    });
  }

  it("requires a reason and a date, in French, and writes nothing otherwise", async () => {
    const fiche = await createAction(db);
    const before = await snapshot();
    const send = (values: RawForm) =>
      submitForm(db, cast.actors.admin, changeDeadlineSchema, values, (input, c) => changeDeadline(c.db, c.actor, input));
    const empty = {
      ok: false,
      fieldErrors: {
        "deadline.date": ["Indiquez la nouvelle échéance (une date)."],
        "deadline.reason": ["Indiquez la raison du changement d'échéance : elle sera publiée sur la fiche."],
      },
    };
    expect(await send({ actionSlug: fiche.slug, "deadline.date": "", "deadline.reason": "  " })).toMatchObject(empty);
    expect(await send({ actionSlug: fiche.slug })).toMatchObject(empty);
    expect(
      await send({
        actionSlug: fiche.slug,
        "deadline.date": "2028-12-31",
        "deadline.label": "x".repeat(101),
        "deadline.reason": "Une raison valable.",
      }),
    ).toMatchObject({
      ok: false,
      fieldErrors: { "deadline.label": ["L'échéance en mots ne peut pas dépasser 100 caractères."] },
    });
    expect(await snapshot()).toEqual(before);
  });

  it("a second change keeps the first as its previous deadline: every change is listed", async () => {
    const fiche = await createAction(db, { timeframeLabel: "2017", timeframeEndYear: 2017 });
    const change = (date: string, reason: string) =>
      changeDeadline(db, cast.actors.admin, { actionSlug: fiche.slug, deadline: { date, label: null, reason } });
    expect(await change("2026-12-31", "Première raison du report.")).toMatchObject({ ok: true });
    expect(await change("2027-12-31", "Seconde raison du report.")).toMatchObject({ ok: true });
    const page = await loadProgressFiche(db, cast.actors.admin, fiche.slug);
    if (!page.ok) throw new Error(page.message);
    expect(page.data.deadline).toMatchObject({
      originalLabel: "2017",
      originalDeadline: "2017-12-31",
      currentDeadline: "2027-12-31",
      changed: true,
    });
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
    await expectRefusedUnchanged(
      () => setActionOfficials(db, cast.actors.admin, { actionSlug: fiche.slug, userIds: [notOfficial.id] }),
      "VALIDATION_FAILED",
    );
  });

  it("reads the ticked boxes as ids, refuses anything else in French, and changes nothing", async () => {
    const fiche = await createAction(db);
    const send = (userIds: string | string[] | undefined) =>
      submitForm(db, cast.actors.admin, setActionOfficialsSchema, { actionSlug: fiche.slug, userIds }, (input, c) =>
        setActionOfficials(c.db, c.actor, input),
      );
    const before = await snapshot();
    for (const bad of ["abc", "2147483648", "0", ["1", "1.5"]]) {
      const result = await send(bad);
      expect(result, String(bad)).toMatchObject({ ok: false, code: "VALIDATION_FAILED" });
      if (result.ok) return;
      expect(Object.entries(result.fieldErrors ?? {}), String(bad)).toEqual([
        [expect.stringMatching(/^userIds\.\d$/), ["Choisissez parmi les élu·e·s de la liste."]],
      ]);
    }
    expect(await snapshot()).toEqual(before);
    // One box ticked, then none: both are lists.
    expect(await send(String(cast.userIds.official))).toMatchObject({ ok: true, data: { userIds: [cast.userIds.official] } });
    expect(await send(undefined)).toMatchObject({ ok: true, data: { userIds: [] } });
    expect(await db.select().from(actionOfficials).where(eq(actionOfficials.actionId, fiche.id))).toHaveLength(0);
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
  it("is refused to members and the public, and given to staff and officials, members of a council or not", async () => {
    for (const role of ["anonymous", "memberOfA", "referentOfA", "memberOfB", "deactivated"] as const) {
      expect((await listProgressFiches(db, cast.actors[role])).ok, role).toBe(false);
    }
    for (const role of ["moderator", "official", "admin", "moderatorOfA", "officialOfA"] as const) {
      expect((await listProgressFiches(db, cast.actors[role])).ok, role).toBe(true);
    }
  });
});

describe("the public pages", () => {
  it("show a report at once, with its status and progress on the fiche and in its theme; the report has its author and journal row", async () => {
    const fiche = await createAction(db, { themeSlug: "habitat-cadre-de-vie" });
    const result = await postProgressReport(
      db,
      cast.actors.moderator,
      reportInput(fiche.slug, { title: "Deuxième point d'étape", reportedOn: "2026-03-02", status: "done", progress: 100 }),
    );
    if (!result.ok) throw new Error(result.message);
    const [row] = await db.select().from(progressReports).where(eq(progressReports.id, result.data.id));
    expect(row).toMatchObject({ authorId: cast.userIds.moderator, seedKey: expect.stringMatching(/^form:/) });
    expect(await lastAudit(db)).toMatchObject({
      action: "progress_report.create",
      actorUserId: cast.userIds.moderator,
      targetId: String(result.data.id),
    });
    const page = await loadActionPage(fiche.slug, db);
    expect(page!.action).toMatchObject({ status: "done", progress: 100 });
    expect(page!.reports[0]).toMatchObject({ title: "Deuxième point d'étape", reportedOn: "2026-03-02" });
    const theme = await loadThemePage("habitat-cadre-de-vie", db);
    expect(theme!.theme.actions.find((a) => a.slug === fiche.slug)).toMatchObject({ status: "done", progress: 100 });
  });

  it("show a corrected report's earlier version, every deadline change with its reason, « en retard » and the coming deadlines", async () => {
    const soon = new Date(Date.now() + 40 * 24 * 3600 * 1000).toISOString().slice(0, 10);
    const fiche = await createAction(db, {
      themeSlug: "gouvernance",
      timeframeLabel: "2016",
      timeframeEndYear: 2016,
      status: "in_progress",
    });
    const posted = await postProgressReport(
      db,
      cast.actors.moderator,
      reportInput(fiche.slug, { deadline: { date: soon, label: null, reason: "Le prestataire a changé." } }),
    );
    if (!posted.ok) throw new Error(posted.message);
    const corrected = await correctProgressReport(db, cast.actors.moderator, {
      reportId: posted.data.id,
      reportedOn: today(),
      title: "Titre corrigé",
      body: "Texte corrigé.",
      status: "in_progress",
      progress: 50,
    });
    expect(corrected.ok).toBe(true);
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

describe("the roll-ups' coverage", () => {
  it("counts the fiches with a figure, per theme and over the plan's distinct fiches; a report adds one", async () => {
    const distinctOf = (o: NonNullable<Awaited<ReturnType<typeof loadPlanOverview>>>) =>
      new Map(o.themes.flatMap((t) => t.actions.map((a) => [a.slug, a.progress] as const)));
    const before = (await loadPlanOverview(db))!;
    const fiches = distinctOf(before);
    expect(before.progressCoverage).toEqual({ measured: [...fiches.values()].filter((p) => p !== null).length, total: before.actionCount });
    for (const theme of before.themes) {
      expect(theme.progressCoverage).toEqual({
        measured: theme.actions.filter((a) => a.progress !== null).length,
        total: theme.actions.length,
      });
    }

    const fiche = await createAction(db, { themeSlug: "animation-territoriale", status: "in_progress" });
    const added = (await loadPlanOverview(db))!;
    const themeOf = (o: typeof added) => o.themes.find((t) => t.slug === "animation-territoriale")!;
    expect(added.progressCoverage).toEqual({ measured: before.progressCoverage.measured, total: before.progressCoverage.total + 1 });
    const posted = await postProgressReport(db, cast.actors.moderator, reportInput(fiche.slug, { progress: 30 }));
    expect(posted.ok).toBe(true);
    const after = (await loadPlanOverview(db))!;
    expect(after.progressCoverage).toEqual({ measured: added.progressCoverage.measured + 1, total: added.progressCoverage.total });
    expect(themeOf(after).progressCoverage).toEqual({
      measured: themeOf(added).progressCoverage.measured + 1,
      total: themeOf(added).progressCoverage.total,
    });
  });
});

describe.runIf(onPostgres)("two reports at once on one fiche (PostgreSQL)", () => {
  it("both are recorded and the fiche ends with the status of the latest", async () => {
    const fiche = await createAction(db);
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) => postProgressReport(db, cast.actors.moderator, reportInput(fiche.slug, { progress: i * 10 }))),
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
