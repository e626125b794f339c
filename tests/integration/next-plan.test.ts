import { randomUUID } from "node:crypto";
import { and, asc, eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { createMeeting } from "@/db/factories";
import { actions, contributionAnswers, contributions, meetings, planMilestones, plans, progressReports, themes } from "@/db/schema";
import { openPlanSchema, planDetailsInput, publishPlanSchema, updatePlanSchema, type OpenPlanData } from "@/lib/validation/plan";
import { createDraft } from "@/server/contributions/create-draft";
import { getPublicMeeting } from "@/server/meetings/queries";
import { loadDashboard } from "@/server/dashboard/load-dashboard";
import { createAction } from "@/server/plan-admin/create-action";
import { listPlansForAdmin, openDraftPlan, publishPlan } from "@/server/plan-admin/next-plan";
import { loadPlanDetailsForAdmin, updatePlanDetails } from "@/server/plan-admin/plan-details";
import { createTheme } from "@/server/plan-admin/save-theme";
import { updateAction } from "@/server/plan-admin/update-action";
import { loadActionChoices } from "@/server/plan/load-action-choices";
import { loadActionPage } from "@/server/plan/load-action-page";
import { loadMilestones } from "@/server/plan/load-milestones";
import { loadPlanOverview } from "@/server/plan/load-plan-overview";
import { loadPublicPlans } from "@/server/plan/load-plans-list";
import { loadThemePage } from "@/server/plan/load-theme-page";
import { postProgressReport } from "@/server/progress/post-report";
import { searchPublic } from "@/server/search/search-public";
import { listSitemapPaths } from "@/server/sitemap/list-sitemap-paths";
import { createCast, type Cast } from "../support/actors";
import { submitForm } from "../support/forms";
import { createTestDatabase, type TestDatabase } from "../support/test-database";
import { feedbackInput } from "./contributions-helpers";
import { auditRowsAfter, checkMatrixCell, lastAuditId, matrixRoles, snapshot, type MatrixCase } from "./admin-helpers";

/*
 * The next plan (issue 11 point 3, decision 0027): an admin opens a draft (never public), edits it
 * with the plan's forms, publishes it; the previous plan is closed, unchanged and readable at
 * /plans/<slug>, and its fiches take no new contribution nor report. Refusals change nothing; one
 * plan is current whatever two admins do at once.
 */

let testDb: TestDatabase;
let db: Db;
let cast: Cast;
let seededPlanId: number;

beforeAll(async () => {
  testDb = await createTestDatabase("next_plan");
  db = (await testDb.openPrepared({ demo: true })).db;
  cast = await createCast(db);
  seededPlanId = (await db.select({ id: plans.id }).from(plans).where(eq(plans.state, "current")))[0]!.id;
});
afterAll(() => testDb.drop());

const openForm = (values: Partial<Record<keyof OpenPlanData, string>> = {}) => ({
  title: "Projet social communal 2021-2026",
  periodStartYear: "2021",
  periodEndYear: "2026",
  summary: "Le deuxième projet social communal de la Ville.",
  demarche: "Écrit avec les conseils de quartier.",
  steps: "2020-09 : Diagnostic social partagé\n2021 — Vote du conseil municipal",
  themes: "copy",
  reason: "Vote du conseil municipal",
  ...values,
});
const open = (d: Db, values: Partial<Record<keyof OpenPlanData, string>> = {}) =>
  submitForm(d, cast.actors.admin, openPlanSchema, openForm(values), (input, { db: x, actor }) => openDraftPlan(x, actor, input));
const publish = (d: Db, planId: number, understood = "on") =>
  submitForm(d, cast.actors.admin, publishPlanSchema, { planId: String(planId), understood, reason: "" }, (input, { db: x, actor }) =>
    publishPlan(x, actor, input),
  );
/** The details form of a plan as the page fills it, with these values changed. */
async function detailsForm(d: Db, which: "current" | "draft", values: Record<string, string> = {}) {
  const loaded = await loadPlanDetailsForAdmin(d, cast.actors.admin, which);
  if (!loaded.ok || !loaded.data) throw new Error(`no ${which} plan`);
  return { ...planDetailsInput(loaded.data), reason: "", ...values };
}
const edit = async (d: Db, which: "current" | "draft", values: Record<string, string> = {}) =>
  submitForm(d, cast.actors.admin, updatePlanSchema, await detailsForm(d, which, values), (input, { db: x, actor }) =>
    updatePlanDetails(x, actor, input),
  );
/** A plan's démarche steps as the public pages read them. */
const stepsOf = (d: Db, planId: number) => loadMilestones(d, planId);
const stateOf = async (d: Db) => d.select({ id: plans.id, slug: plans.slug, state: plans.state }).from(plans).orderBy(asc(plans.id));

/** Everything the seeded plan holds: what must stay as it was once it is closed. */
async function seededPlanData(d: Db) {
  const actionIds = (await d.select({ id: actions.id }).from(actions).where(eq(actions.planId, seededPlanId))).map((a) => a.id);
  return {
    themes: await d.select().from(themes).where(eq(themes.planId, seededPlanId)).orderBy(asc(themes.id)),
    actions: await d.select().from(actions).where(eq(actions.planId, seededPlanId)).orderBy(asc(actions.id)),
    reports: await d.select().from(progressReports).where(inArray(progressReports.actionId, actionIds)).orderBy(asc(progressReports.id)),
    contributions: await d.select().from(contributions).where(inArray(contributions.actionId, actionIds)).orderBy(asc(contributions.id)),
    answers: await d.select().from(contributionAnswers).orderBy(asc(contributionAnswers.id)),
  };
}

describe("the next plan, from draft to current", () => {
  let draftId: number;
  let draftFicheSlug: string;
  /** A seeded fiche with published contributions and reports (the demo data). */
  let oldFicheSlug: string;

  it("opens a draft with the current plan's themes copied, journaled, and nothing of it is public", async () => {
    const [withContributions] = await db
      .select({ slug: actions.slug })
      .from(actions)
      .innerJoin(contributions, eq(contributions.actionId, actions.id))
      .where(and(eq(actions.planId, seededPlanId), eq(contributions.status, "published")))
      .limit(1);
    oldFicheSlug = withContributions!.slug;

    const mark = await lastAuditId(db);
    const result = await open(db);
    expect(result).toMatchObject({ ok: true, data: { slug: "2021-2026" } });
    if (!result.ok) return;
    draftId = result.data.id;
    expect(await auditRowsAfter(db, mark)).toMatchObject([
      { action: "plan.open", targetType: "plan", targetId: String(draftId), reason: "Vote du conseil municipal" },
    ]);
    const [draft] = await db.select().from(plans).where(eq(plans.id, draftId));
    expect(draft).toMatchObject({ state: "draft", periodStartYear: 2021, periodEndYear: 2026, publishedAt: null });
    // The démarche's steps, in the order written, at the precision written.
    expect(
      await db
        .select({
          key: planMilestones.key,
          title: planMilestones.title,
          startsOn: planMilestones.startsOn,
          precision: planMilestones.precision,
        })
        .from(planMilestones)
        .where(eq(planMilestones.planId, draftId))
        .orderBy(asc(planMilestones.position)),
    ).toEqual([
      { key: "etape-1", title: "Diagnostic social partagé", startsOn: "2020-09-01", precision: "month" },
      { key: "etape-2", title: "Vote du conseil municipal", startsOn: "2021-01-01", precision: "year" },
    ]);
    const copied = await db
      .select({ number: themes.number, slug: themes.slug, title: themes.title })
      .from(themes)
      .where(eq(themes.planId, draftId))
      .orderBy(asc(themes.number));
    const original = await db
      .select({ number: themes.number, slug: themes.slug, title: themes.title })
      .from(themes)
      .where(eq(themes.planId, seededPlanId))
      .orderBy(asc(themes.number));
    expect(copied).toEqual(original);
    expect(copied.length).toBeGreaterThan(0);

    // A fiche added to the draft through the plan's usual function: its ticked theme says which plan.
    const [draftTheme] = await db
      .select({ id: themes.id })
      .from(themes)
      .where(and(eq(themes.planId, draftId), eq(themes.number, 1)));
    const created = await createAction(db, cast.actors.admin, {
      title: `Maison des familles ${randomUUID().slice(0, 6)}`,
      description: "Un lieu pour les familles, dans chaque quartier.",
      body: null,
      plainSummary: null,
      timeframeLabel: "2022/2023",
      projects: [],
      links: [],
      themeIds: [draftTheme!.id],
      reason: null,
    });
    expect(created.ok).toBe(true);
    if (!created.ok) return;
    draftFicheSlug = created.data.slug;
    expect((await db.select({ planId: actions.planId }).from(actions).where(eq(actions.slug, draftFicheSlug)))[0]!.planId).toBe(draftId);

    // Not public anywhere: home, plan pages, fiche page, choices, sitemap, search, list of plans.
    expect((await loadPlanOverview(db))!.plan.slug).toBe("2015-2020");
    expect(await loadPlanOverview(db, new Date(), { slug: "2021-2026" })).toBeNull();
    expect(await loadActionPage(draftFicheSlug, db)).toBeNull();
    expect((await loadActionChoices(db)).map((c) => c.slug)).not.toContain(draftFicheSlug);
    expect((await loadPublicPlans(db)).map((p) => p.slug)).toEqual(["2015-2020"]);
    const paths = await listSitemapPaths(db);
    expect(paths).not.toContain(`/fiches/${draftFicheSlug}`);
    expect(paths).not.toContain("/plans/2021-2026");
    expect(new Set(paths).size).toBe(paths.length);
    const found = await searchPublic(db, "Maison des familles", { kind: null, themeSlug: null, councilSlug: null });
    expect(found.hits.map((h) => h.href)).not.toContain(`/fiches/${draftFicheSlug}`);
    // Its fiche takes no contribution nor report before it is published.
    expect(await createDraft(db, cast.actors.memberOfA, feedbackInput(cast.councilA.id, draftFicheSlug))).toMatchObject({
      ok: false,
      code: "VALIDATION_FAILED",
    });
    expect(
      await postProgressReport(db, cast.actors.admin, {
        actionSlug: draftFicheSlug,
        clientRequestId: randomUUID(),
        reportedOn: new Date().toISOString().slice(0, 10),
        title: "Point",
        body: "Texte du point.",
        status: "in_progress",
        progress: 10,
        deadline: null,
      }),
    ).toMatchObject({ ok: false, code: "CONFLICT" });
  });

  it("refuses a step that is not « date : étape », saying which line and how, and writes nothing", async () => {
    const before = await stateOf(db);
    const mark = await lastAuditId(db);
    const refused = await submitForm(
      db,
      cast.actors.admin,
      openPlanSchema,
      openForm({ steps: "2021-03 : Concertation\nen mars : Réunion publique" }),
      (input, { db: x, actor }) => openDraftPlan(x, actor, input),
    );
    expect(refused).toMatchObject({ ok: false, fieldErrors: { steps: [expect.stringContaining("Ligne 2 : écrivez la date")] } });
    expect(await stateOf(db)).toEqual(before);
    expect(await auditRowsAfter(db, mark)).toHaveLength(0);
  });

  it("edits the draft's details after opening it: its address follows its period, its steps are rewritten, journaled before and after", async () => {
    const mark = await lastAuditId(db);
    const unchanged = await edit(db, "draft");
    expect(unchanged).toMatchObject({ ok: true, data: { changed: false } });
    expect(await auditRowsAfter(db, mark)).toEqual([]);

    const result = await edit(db, "draft", {
      title: "Projet social communal 2021-2027",
      periodEndYear: "2027",
      summary: "Le deuxième projet social communal, prolongé d'un an.",
      steps: "2020-09 : Diagnostic social partagé\n2021-06-15 : Réunion publique\n2021 — Vote du conseil municipal",
      reason: "Prolongé d'un an",
    });
    expect(result).toMatchObject({ ok: true, data: { slug: "2021-2027", state: "draft", changed: true } });
    const [draft] = await db.select().from(plans).where(eq(plans.id, draftId));
    expect(draft).toMatchObject({
      slug: "2021-2027",
      state: "draft",
      title: "Projet social communal 2021-2027",
      periodEndYear: 2027,
      summary: "Le deuxième projet social communal, prolongé d'un an.",
      demarche: "Écrit avec les conseils de quartier.",
    });
    // The steps written as they were keep their identifiers; the new one takes the first free one.
    expect((await stepsOf(db, draftId)).map((s) => [s.key, s.startsOn, s.precision, s.title])).toEqual([
      ["etape-1", "2020-09-01", "month", "Diagnostic social partagé"],
      ["etape-3", "2021-06-15", "day", "Réunion publique"],
      ["etape-2", "2021-01-01", "year", "Vote du conseil municipal"],
    ]);
    expect(await auditRowsAfter(db, mark)).toMatchObject([
      {
        action: "plan.update",
        targetType: "plan",
        targetId: String(draftId),
        reason: "Prolongé d'un an",
        details: {
          before: { title: "Projet social communal 2021-2026", periodEndYear: 2026, slug: "2021-2026", steps: expect.any(Array) },
          after: { title: "Projet social communal 2021-2027", periodEndYear: 2027, slug: "2021-2027", steps: expect.any(Array) },
        },
      },
    ]);
    // Nothing of the draft is public, edited or not.
    expect((await loadPlanOverview(db))!.plan.slug).toBe("2015-2020");
    expect((await loadPublicPlans(db)).map((p) => p.slug)).not.toContain("2021-2027");

    // Refused input (end before start, an empty title, a step without a date) changes nothing and says why.
    const before = await snapshot(db);
    const refusedMark = await lastAuditId(db);
    expect(await edit(db, "draft", { title: "" })).toMatchObject({ ok: false, fieldErrors: { title: ["Indiquez le titre du plan."] } });
    expect(await edit(db, "draft", { periodStartYear: "2028" })).toMatchObject({
      ok: false,
      fieldErrors: { periodEndYear: ["L'année de fin ne peut pas précéder l'année de début."] },
    });
    expect(await edit(db, "draft", { steps: "Vote du conseil" })).toMatchObject({
      ok: false,
      fieldErrors: { steps: [expect.stringContaining("Ligne 1 : écrivez la date")] },
    });
    expect(await snapshot(db)).toEqual(before);
    expect(await auditRowsAfter(db, refusedMark)).toEqual([]);

    // Back to 2021-2026: the address follows again (the publication below expects it).
    expect(
      await edit(db, "draft", {
        title: "Projet social communal 2021-2026",
        periodEndYear: "2026",
        steps: "2020-09 : Diagnostic social partagé\n2021 — Vote du conseil municipal",
      }),
    ).toMatchObject({ ok: true, data: { slug: "2021-2026" } });
    expect((await stepsOf(db, draftId)).map((s) => s.key)).toEqual(["etape-1", "etape-2"]);
  });

  it("corrects the current plan's details: its address stays, steps written as they were keep their description and end", async () => {
    const [current] = await db.select().from(plans).where(eq(plans.id, seededPlanId));
    const seededSteps = await stepsOf(db, seededPlanId);
    expect(seededSteps.some((s) => s.description !== null)).toBe(true);
    const form = await detailsForm(db, "current");
    const result = await edit(db, "current", {
      title: `${current!.title} (corrigé)`,
      periodEndYear: String(current!.periodEndYear + 1),
      steps: `${form.steps}\n2021-01 : Bilan du plan`,
    });
    expect(result).toMatchObject({ ok: true, data: { slug: "2015-2020", state: "current", changed: true } });
    const after = await stepsOf(db, seededPlanId);
    expect(after.slice(0, seededSteps.length)).toEqual(seededSteps);
    expect(after.at(-1)).toMatchObject({ key: "etape-1", title: "Bilan du plan", startsOn: "2021-01-01", description: null });
    // The home page shows the new title at once (the caller refreshes the cached pages).
    expect((await loadPlanOverview(db))!.plan).toMatchObject({ slug: "2015-2020", title: `${current!.title} (corrigé)` });
    // Put back as it was: the tests below read the seeded plan.
    expect(
      await edit(db, "current", { title: current!.title, periodEndYear: String(current!.periodEndYear), steps: form.steps }),
    ).toMatchObject({
      ok: true,
    });
    expect(await stepsOf(db, seededPlanId)).toEqual(seededSteps);
  });

  it("refuses a second draft, and a publication without the ticked box: nothing changes", async () => {
    const before = await snapshot(db);
    const mark = await lastAuditId(db);
    expect(await open(db, { title: "Un autre plan" })).toMatchObject({ ok: false, code: "CONFLICT" });
    expect(await publish(db, draftId, "")).toMatchObject({ ok: false, fieldErrors: { understood: [expect.any(String)] } });
    expect(await open(db, { periodStartYear: "2030", periodEndYear: "2026" })).toMatchObject({
      ok: false,
      fieldErrors: { periodEndYear: [expect.any(String)] },
    });
    expect(await snapshot(db)).toEqual(before);
    expect(await auditRowsAfter(db, mark)).toEqual([]);
  });

  it("publishes: the draft becomes current, the old plan is closed with all its data unchanged and readable", async () => {
    const before = await seededPlanData(db);
    expect(before.reports.length).toBeGreaterThan(0);
    expect(before.contributions.length).toBeGreaterThan(0);
    const mark = await lastAuditId(db);
    const result = await publish(db, draftId);
    expect(result).toMatchObject({ ok: true, data: { slug: "2021-2026", closedSlug: "2015-2020" } });
    expect(await auditRowsAfter(db, mark)).toMatchObject([
      { action: "plan.publish", targetType: "plan", targetId: String(draftId), details: { closed: { slug: "2015-2020" } } },
    ]);
    expect(await stateOf(db)).toEqual([
      { id: seededPlanId, slug: "2015-2020", state: "closed" },
      { id: draftId, slug: "2021-2026", state: "current" },
    ]);
    expect(await seededPlanData(db)).toEqual(before);

    // The site follows the new plan…
    const home = await loadPlanOverview(db);
    expect(home!.plan).toMatchObject({ slug: "2021-2026", state: "current" });
    expect(home!.themes.flatMap((t) => t.actions.map((a) => a.slug))).toEqual([draftFicheSlug]);
    expect((await loadThemePage(home!.themes[0]!.slug, db))!.theme.actions.map((a) => a.slug)).toEqual([draftFicheSlug]);
    expect((await loadActionChoices(db)).map((c) => c.slug)).toEqual([draftFicheSlug]);
    // …and the old one is at /plans/2015-2020, « Plan terminé », with its fiches, reports and contributions.
    const old = await loadPlanOverview(db, new Date(), { slug: "2015-2020" });
    expect(old!.plan.state).toBe("closed");
    expect(old!.plan.closedAt).toBeInstanceOf(Date);
    expect(old!.themes.flatMap((t) => t.actions.map((a) => a.slug))).toContain(oldFicheSlug);
    const oldFiche = await loadActionPage(oldFicheSlug, db);
    expect(oldFiche!.plan.state).toBe("closed");
    expect(oldFiche!.reports.length).toBeGreaterThan(0);
    expect(oldFiche!.contributions.length).toBeGreaterThan(0);
    expect((await loadPublicPlans(db)).map((p) => [p.slug, p.state])).toEqual([
      ["2021-2026", "current"],
      ["2015-2020", "closed"],
    ]);
    const paths = await listSitemapPaths(db);
    for (const path of ["/plans", "/plans/2015-2020", "/plans/2021-2026", `/fiches/${oldFicheSlug}`, `/fiches/${draftFicheSlug}`])
      expect(paths).toContain(path);
    expect(new Set(paths).size).toBe(paths.length);
  });

  it("refuses new contributions, reports and edits on the closed plan's fiches, and changes nothing", async () => {
    const before = await snapshot(db);
    const data = await seededPlanData(db);
    const mark = await lastAuditId(db);
    const [oldFiche] = await db.select({ id: actions.id }).from(actions).where(eq(actions.slug, oldFicheSlug));
    const [oldTheme] = await db.select({ id: themes.id }).from(themes).where(eq(themes.planId, seededPlanId)).limit(1);
    expect(await createDraft(db, cast.actors.memberOfA, feedbackInput(cast.councilA.id, oldFicheSlug))).toMatchObject({
      ok: false,
      code: "CONFLICT",
      message: expect.stringContaining("plan terminé"),
    });
    expect(
      await postProgressReport(db, cast.actors.admin, {
        actionSlug: oldFicheSlug,
        clientRequestId: randomUUID(),
        reportedOn: new Date().toISOString().slice(0, 10),
        title: "Point",
        body: "Texte du point.",
        status: "done",
        progress: 100,
        deadline: null,
      }),
    ).toMatchObject({ ok: false, code: "CONFLICT" });
    expect(
      await updateAction(db, cast.actors.admin, {
        actionId: oldFiche!.id,
        title: "Nouveau titre",
        description: null,
        body: null,
        plainSummary: null,
        timeframeLabel: null,
        projects: [],
        links: [],
        themeIds: [oldTheme!.id],
        reason: null,
      }),
    ).toMatchObject({ ok: false, code: "CONFLICT" });
    expect(
      await createTheme(db, cast.actors.admin, { planId: seededPlanId, title: "Thématique tardive", description: null, reason: null }),
    ).toMatchObject({
      ok: false,
      code: "CONFLICT",
    });
    expect(await snapshot(db)).toEqual(before);
    expect(await seededPlanData(db)).toEqual(data);
    expect(await auditRowsAfter(db, mark)).toEqual([]);
    // The new plan's fiche takes them.
    expect(await createDraft(db, cast.actors.memberOfA, feedbackInput(cast.councilA.id, draftFicheSlug))).toMatchObject({ ok: true });
  });

  it("refuses to change a closed plan's details, and changes nothing", async () => {
    const before = await snapshot(db);
    const mark = await lastAuditId(db);
    const [closed] = await db.select().from(plans).where(eq(plans.id, seededPlanId));
    const refused = await updatePlanDetails(db, cast.actors.admin, {
      planId: seededPlanId,
      title: "Un autre titre",
      periodStartYear: closed!.periodStartYear,
      periodEndYear: closed!.periodEndYear,
      summary: closed!.summary,
      demarche: closed!.demarche,
      steps: [],
      reason: null,
    });
    expect(refused).toMatchObject({ ok: false, code: "CONFLICT", message: expect.stringContaining("terminé") });
    expect(await snapshot(db)).toEqual(before);
    expect(await auditRowsAfter(db, mark)).toEqual([]);
  });

  it("meetings and the dashboard follow the current plan, with the previous one on request", async () => {
    const { currentPlanId } = await import("@/server/councils-admin/shared");
    expect(await currentPlanId(db)).toBe(draftId);
    const meeting = await createMeeting(db, { startsAt: new Date(), planId: (await currentPlanId(db))! });
    expect(meeting.planId).toBe(draftId);

    const now = await loadDashboard(db, cast.actors.official, new Date());
    expect(now.ok).toBe(true);
    if (!now.ok) return;
    expect(now.data.plan.slug).toBe("2021-2026");
    expect(now.data.total.fiches).toBe(1);
    expect(now.data.plans.map((p) => p.slug)).toEqual(["2021-2026", "2015-2020"]);
    const earlier = await loadDashboard(db, cast.actors.official, new Date(), "2015-2020");
    expect(earlier.ok).toBe(true);
    if (!earlier.ok) return;
    expect(earlier.data.plan).toMatchObject({ slug: "2015-2020", state: "closed" });
    expect(earlier.data.total.fiches).toBeGreaterThan(1);
    expect(earlier.data.total.feedback + earlier.data.total.proposals).toBeGreaterThan(0);
    expect(earlier.data.themes[0]!.href).toBe("/plans/2015-2020#thematique-1");

    // A meeting's public page names its plan: the new one's is current, the demo meeting's is over.
    expect((await getPublicMeeting(db, meeting.slug))!.plan).toMatchObject({ slug: "2021-2026", state: "current" });
    const [older] = await db.select({ slug: meetings.slug }).from(meetings).where(eq(meetings.planId, seededPlanId)).limit(1);
    expect((await getPublicMeeting(db, older!.slug))!.plan).toMatchObject({ slug: "2015-2020", state: "closed" });
  });

  it("keeps one current plan and one draft when two admins act at once", async () => {
    const opened = await Promise.all([
      open(db, { periodStartYear: "2027", periodEndYear: "2032" }),
      open(db, { periodStartYear: "2027", periodEndYear: "2032" }),
    ]);
    expect(opened.filter((r) => r.ok)).toHaveLength(1);
    expect(opened.filter((r) => !r.ok)).toMatchObject([{ code: "CONFLICT" }]);
    const draft = opened.find((r) => r.ok)!;
    if (!draft.ok) return;
    const mark = await lastAuditId(db);
    const published = await Promise.all([publish(db, draft.data.id), publish(db, draft.data.id)]);
    expect(published.filter((r) => r.ok)).toHaveLength(1);
    expect(published.filter((r) => !r.ok)).toMatchObject([{ code: "CONFLICT" }]);
    expect((await auditRowsAfter(db, mark)).map((r) => r.action)).toEqual(["plan.publish"]);
    const states = await stateOf(db);
    expect(states.filter((p) => p.state === "current").map((p) => p.slug)).toEqual(["2027-2032"]);
    expect(states.filter((p) => p.state === "closed").map((p) => p.slug)).toEqual(["2015-2020", "2021-2026"]);
  });
});

describe("a draft without any theme", () => {
  let other: TestDatabase;
  let otherDb: Db;
  beforeAll(async () => {
    other = await createTestDatabase("next_plan_empty");
    otherDb = (await other.openPrepared()).db;
  });
  afterAll(() => other.drop());

  it("cannot be published until a theme is added to it through the theme form", async () => {
    const localCast = await createCast(otherDb);
    const opened = await submitForm(
      otherDb,
      localCast.actors.admin,
      openPlanSchema,
      openForm({ themes: "empty" }),
      (input, { db: x, actor }) => openDraftPlan(x, actor, input),
    );
    expect(opened.ok).toBe(true);
    if (!opened.ok) return;
    const before = await snapshot(otherDb);
    const refused = await publishPlan(otherDb, localCast.actors.admin, { planId: opened.data.id, understood: true, reason: null });
    expect(refused).toMatchObject({ ok: false, code: "CONFLICT", message: expect.stringContaining("aucune thématique") });
    expect(await snapshot(otherDb)).toEqual(before);
    const theme = await createTheme(otherDb, localCast.actors.admin, {
      planId: opened.data.id,
      title: "Vivre ensemble",
      description: null,
      reason: null,
    });
    expect(theme).toMatchObject({ ok: true });
    expect((await otherDb.select({ planId: themes.planId }).from(themes).where(eq(themes.slug, "vivre-ensemble")))[0]!.planId).toBe(
      opened.data.id,
    );
    expect(await publishPlan(otherDb, localCast.actors.admin, { planId: opened.data.id, understood: true, reason: null })).toMatchObject({
      ok: true,
    });
  });
});

describe("permission matrix of the next plan's functions", () => {
  let matrixDb: TestDatabase;
  let mdb: Db;
  let mcast: Cast;
  beforeAll(async () => {
    matrixDb = await createTestDatabase("next_plan_matrix");
    mdb = (await matrixDb.openPrepared()).db;
    mcast = await createCast(mdb);
  });
  afterAll(() => matrixDb.drop());

  /** No draft: each open starts from a plan being current and none in preparation. */
  const noDraft = async (d: Db) => {
    await d.delete(plans).where(eq(plans.state, "draft"));
    return {};
  };
  let year = 2030;
  const aDraft = async (d: Db) => {
    await noDraft(d);
    year += 10;
    const [plan] = await d
      .insert(plans)
      .values({
        slug: `${year}-${year + 5}`,
        state: "draft",
        title: "Brouillon",
        cityName: "Aurillac",
        periodStartYear: year,
        periodEndYear: year + 5,
        summary: "Résumé.",
      })
      .returning({ id: plans.id });
    await d.insert(themes).values({ planId: plan!.id, number: 1, slug: "thematique", title: "Thématique" });
    return { plan: plan!.id };
  };
  const cases: MatrixCase[] = [
    { name: "listPlansForAdmin", setup: async () => ({}), call: (d, actor) => listPlansForAdmin(d, actor), audit: null },
    {
      name: "openDraftPlan",
      setup: noDraft,
      call: (d, actor) =>
        openDraftPlan(d, actor, {
          title: "Prochain plan",
          periodStartYear: 2021,
          periodEndYear: 2026,
          summary: "Résumé.",
          demarche: null,
          steps: [],
          themes: "copy",
          reason: "Vote",
        }),
      audit: () => ({ action: "plan.open", targetType: "plan", targetId: "any", reason: "Vote" }),
    },
    {
      name: "updatePlanDetails",
      setup: aDraft,
      call: (d, actor, ids) =>
        updatePlanDetails(d, actor, {
          planId: ids.plan!,
          title: "Brouillon relu",
          periodStartYear: year,
          periodEndYear: year + 5,
          summary: "Résumé relu.",
          demarche: null,
          steps: [{ startsOn: `${year}-01-01`, precision: "year", title: "Vote" }],
          reason: "Relecture",
        }),
      audit: (ids) => ({ action: "plan.update", targetType: "plan", targetId: ids.plan!, reason: "Relecture" }),
    },
    { name: "loadPlanDetailsForAdmin", setup: aDraft, call: (d, actor) => loadPlanDetailsForAdmin(d, actor, "draft"), audit: null },
    {
      name: "publishPlan",
      setup: aDraft,
      call: (d, actor, ids) => publishPlan(d, actor, { planId: ids.plan!, understood: true, reason: "Adopté" }),
      audit: (ids) => ({ action: "plan.publish", targetType: "plan", targetId: ids.plan!, reason: "Adopté" }),
    },
  ];
  for (const c of cases) {
    for (const role of matrixRoles) {
      it(`${c.name} as ${role}`, async () => {
        await checkMatrixCell(mdb, mcast, role, c);
      });
    }
  }
});
