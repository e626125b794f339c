import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { createAction, createCouncil, createMeeting } from "@/db/factories";
import { countQueries } from "@/db/query-count";
import * as schema from "@/db/schema";
import { getPublicCouncil } from "@/server/councils/get-public-council";
import { loadActionChoices } from "@/server/plan/load-action-choices";
import { loadActionContributionsPage } from "@/server/plan/load-action-contributions-page";
import { loadActionPage } from "@/server/plan/load-action-page";
import { loadCouncils } from "@/server/plan/load-councils";
import { loadDemarchePage } from "@/server/plan/load-demarche-page";
import { loadPlanOverview } from "@/server/plan/load-plan-overview";
import { loadThemePage } from "@/server/plan/load-theme-page";
import { createUser } from "../support/actors";
import { createTestDatabase, type TestDatabase } from "../support/test-database";
import { insertItem } from "./answers-helpers";

let testDb: TestDatabase;
let database: Database;
beforeAll(async () => {
  testDb = await createTestDatabase("queries");
  database = await testDb.openPrepared({ demo: true });
});
afterAll(() => testDb.drop());

describe("public plan queries", () => {
  it("the overview lists the 5 themes with their fiches in source order and counts each fiche once", async () => {
    const overview = await loadPlanOverview(database.db, new Date("2026-01-01T00:00:00Z"));
    expect(overview).not.toBeNull();
    expect(overview!.themes.map((t) => t.actions.length)).toEqual([4, 3, 3, 4, 1]);
    expect(overview!.themes[0]!.actions[0]!.slug).toBe("accueil-enfants-difficultes-parentales");
    expect(overview!.listedEntryCount).toBe(15);
    expect(overview!.actionCount).toBe(14);
    expect(overview!.statusCounts).toEqual({ planned: 1, in_progress: 12, done: 0, suspended: 0, unknown: 1 });
    expect(overview!.progress).toBeNull();
    expect(overview!.milestones.map((m) => m.startsOn)).toEqual(["2014-01-01", "2015-04-28", "2015-05-28", "2015-10-09", "2015-12-16"]);
  });

  it("the next meeting is the first one still to come; past meetings are not shown", async () => {
    const now = new Date("2040-06-01T12:00:00Z");
    await createMeeting(database.db, { title: "Passée", startsAt: new Date("2040-05-01T17:00:00Z") });
    const next = await createMeeting(database.db, { title: "Prochaine", startsAt: new Date("2040-06-10T17:00:00Z") });
    await createMeeting(database.db, { title: "Plus tard", startsAt: new Date("2040-09-10T17:00:00Z") });
    const overview = await loadPlanOverview(database.db, now);
    expect(overview!.nextMeeting?.slug).toBe(next.slug);
  });

  it("a theme page lists its fiches and, for the shared fiche, the other theme", async () => {
    const page = await loadThemePage("petite-enfance-enfance-jeunesse", database.db);
    expect(page!.theme.actions).toHaveLength(4);
    expect(page!.otherThemesByAction["limiter-intervenants-familles"]).toEqual([
      { number: 2, slug: "politique-sociale-plus-fragiles", title: "Politique sociale pour les plus fragiles" },
    ]);
    expect(await loadThemePage("thematique-inconnue", database.db)).toBeNull();
  });

  it("a fiche page gives its themes, named projects and reports, and nothing for an unknown slug", async () => {
    const page = await loadActionPage("accompagnement-parentalite", database.db);
    expect(page!.themes.map((t) => t.number)).toEqual([1]);
    expect(page!.projects).toEqual([{ name: "Multi-accueil de l'avenue Jean-Baptiste Veyre", detail: "Ouverture annoncée en 2018" }]);
    expect(page!.reports).toHaveLength(1);
    expect(page!.reports[0]!.body).toContain("avenue Jean-Baptiste Veyre");
    expect(page!.action).not.toHaveProperty("id");
    expect(await loadActionPage("fiche-inconnue", database.db)).toBeNull();
  });

  it("a fiche page names its officials in charge (active accounts only, by name, with their title) in the same query", async () => {
    const action = await createAction(database.db, { themeSlug: "gouvernance" });
    expect((await loadActionPage(action.slug, database.db))!.action.officials).toEqual([]);
    const zoe = await createUser(database.db, { displayName: "Zoé Élue", title: "adjointe aux solidarités", isOfficial: true });
    const adam = await createUser(database.db, { displayName: "Adam Élu", isOfficial: true });
    const gone = await createUser(database.db, { displayName: "Ancien Élu", isOfficial: true, deactivatedAt: new Date() });
    const erased = await createUser(database.db, { displayName: "Effacé", isOfficial: true, erasedAt: new Date() });
    await database.db.insert(schema.actionOfficials).values([zoe, adam, gone, erased].map((u) => ({ actionId: action.id, userId: u.id })));
    const { result: page, queries } = await countQueries(() => loadActionPage(action.slug, database.db));
    expect(page!.action.officials).toEqual([
      { name: "Adam Élu", title: null },
      { name: "Zoé Élue", title: "adjointe aux solidarités" },
    ]);
    // The fiche page's fixed number (see « each page loads in a fixed number of queries »): no query of their own.
    expect(queries).toBe(13);
  });

  it("the démarche and the councils: public fields only, archived councils left out", async () => {
    const demarche = await loadDemarchePage(database.db);
    expect(demarche!.milestones).toHaveLength(5);
    const archived = await createCouncil(database.db, { name: "Conseil archivé", archivedAt: new Date() });
    const councils = await loadCouncils(database.db);
    expect(councils.map((c) => c.slug)).not.toContain(archived.slug);
    expect(councils.filter((c) => c.isDemo)).toHaveLength(6);
    expect(Object.keys(councils[0]!).sort()).toEqual(["area", "description", "isDemo", "name", "number", "slug"]);
  });

  it("each page loads in a fixed number of queries, whatever the number of fiches, contributions, answers and supports", async () => {
    const [council] = await database.db.select({ id: schema.councils.id, slug: schema.councils.slug }).from(schema.councils).limit(1);
    const other = await createCouncil(database.db);
    const measure = async () => ({
      home: (await countQueries(() => loadPlanOverview(database.db))).queries,
      theme: (await countQueries(() => loadThemePage("gouvernance", database.db))).queries,
      fiche: (await countQueries(() => loadActionPage("pilotage-projet-social", database.db))).queries,
      ficheContributions: (await countQueries(() => loadActionContributionsPage("pilotage-projet-social", 1, database.db))).queries,
      council: (await countQueries(() => getPublicCouncil(database.db, council!.slug))).queries,
    });
    const before = await measure();
    for (let i = 0; i < 25; i++) await createAction(database.db, { themeSlug: "gouvernance" });
    for (let i = 0; i < 15; i++) {
      const id = await insertItem(database.db, council!.id, "pilotage-projet-social", {
        kind: i % 3 ? "proposal" : "feedback",
        publishedDaysAgo: 70 - i,
      });
      if (i % 3) {
        await database.db.insert(schema.contributionAnswers).values(
          [1, 2].map((n) => ({
            contributionId: id,
            state: "under_review" as const,
            body: "Réponse.",
            signatureName: "Élue",
            clientRequestId: `${id}-${n}`,
          })),
        );
        await database.db.update(schema.contributions).set({ firstAnsweredAt: new Date() }).where(eq(schema.contributions.id, id));
        await database.db.insert(schema.contributionSupports).values({ contributionId: id, councilId: other.id });
      }
    }
    // Corrections and deadline changes of the fiche: still the same number of queries.
    const [fiche] = await database.db
      .select({ id: schema.actions.id })
      .from(schema.actions)
      .where(eq(schema.actions.slug, "pilotage-projet-social"));
    const [report] = await database.db
      .select({ id: schema.progressReports.id })
      .from(schema.progressReports)
      .where(eq(schema.progressReports.actionId, fiche!.id))
      .limit(1);
    for (let i = 0; i < 5; i++) {
      await database.db
        .insert(schema.actionDeadlineChanges)
        .values({ actionId: fiche!.id, newLabel: `fin ${2030 + i}`, newDeadline: `${2030 + i}-12-31`, reason: "Raison du report." });
      await database.db
        .insert(schema.progressReportRevisions)
        .values({ reportId: report!.id, title: `Version ${i}`, body: "Texte précédent." });
    }
    const after = await measure();
    expect(after).toEqual(before);
    // Before issue 4's second step: home 6, theme 4, fiche 6, council 2. Now: one more for the
    // contribution figures on home and theme; the fiche's contributions come with their answers,
    // supports and figures (+3); the council page lists its contributions (+3). Issue 5: the
    // fiche's deadline changes and the earlier versions of corrected reports (+2). Issue 15: the
    // home page's answer figures for the whole plan apart from the fiches' counts (+1), so that
    // the theme page reads the figures table only.
    expect(before).toEqual({ home: expect.any(Number), theme: 5, fiche: 13, ficheContributions: 4, council: 5 });
    expect(before.home).toBeLessThanOrEqual(8);
  });

  it("the contribution form's fiches: each fiche once, in the home page's order, in one query", async () => {
    const overview = await loadPlanOverview(database.db);
    const fromHome = new Map<string, string>();
    for (const t of overview!.themes) for (const a of t.actions) if (!fromHome.has(a.slug)) fromHome.set(a.slug, a.title);
    const { result: choices, queries } = await countQueries(() => loadActionChoices(database.db));
    expect(choices).toEqual([...fromHome].map(([slug, title]) => ({ slug, title })));
    expect(choices.length).toBe(overview!.actionCount);
    expect(queries).toBe(1);
  });
});
