import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database, Db } from "@/db/client";
import { createAction, createCouncil } from "@/db/factories";
import { rowsOf } from "@/db/rows";
import { contributionAnswers, contributions } from "@/db/schema";
import { getPublicCouncil, getPublicCouncilContributions } from "@/server/councils/get-public-council";
import { loadActionContributionsPage } from "@/server/plan/load-action-contributions-page";
import { loadActionPage } from "@/server/plan/load-action-page";
import { loadCouncils } from "@/server/plan/load-councils";
import { loadPlanOverview } from "@/server/plan/load-plan-overview";
import { CONTRIBUTIONS_PER_PAGE } from "@/server/plan/load-published-contributions";
import { loadThemePage } from "@/server/plan/load-theme-page";
import { createCast, type Cast } from "../support/actors";
import { medianOf } from "../support/median";
import { createTestDatabase, type TestDatabase } from "../support/test-database";
import { insertItem, insertNeverPublicItems } from "./answers-helpers";

/*
 * The public side of contributions: figures (counts, answers, median delay), pagination, and
 * leaks — nothing of a draft, pending, rejected or hidden item ever comes out of a public loader.
 */
let testDb: TestDatabase;
let database: Database;
let db: Db;
let cast: Cast;
beforeAll(async () => {
  testDb = await createTestDatabase("public_contrib");
  database = await testDb.openPrepared({ demo: true });
  db = database.db;
  cast = await createCast(db);
});
afterAll(() => testDb.drop());

const DAY = 86_400_000;

async function answeredAfter(id: number, days: number) {
  const [row] = await db.select({ publishedAt: contributions.publishedAt }).from(contributions).where(eq(contributions.id, id));
  const at = new Date(row!.publishedAt!.getTime() + days * DAY);
  await db.update(contributions).set({ firstAnsweredAt: at }).where(eq(contributions.id, id));
  await db.insert(contributionAnswers).values({
    contributionId: id,
    state: "accepted",
    body: "Réponse de test.",
    signatureName: "Élue de test",
    signatureTitle: "pour la Ville d'Aurillac",
    clientRequestId: `test-${id}-${days}`,
    createdAt: at,
  });
}

/** The delays to a first answer of every answered published proposal of the plan, in days. */
async function planDelays(planId: number): Promise<number[]> {
  return rowsOf<{ days: number }>(
    await db.execute(sql`select extract(epoch from c.first_answered_at - c.published_at) / 86400 as days
      from contributions c join actions a on a.id = c.action_id
      where a.plan_id = ${planId} and c.status = 'published' and c.kind = 'proposal' and c.first_answered_at is not null`),
  ).map((r) => Number(r.days));
}

describe("answers in figures", () => {
  it("a fiche counts answered, waiting and late published proposals, and the median delay of first answers", async () => {
    const fiche = await createAction(db, { themeSlug: "gouvernance" });
    const overviewBefore = await loadPlanOverview(db);
    const a = await insertItem(db, cast.councilA.id, fiche.slug, { publishedDaysAgo: 20 });
    const b = await insertItem(db, cast.councilB.id, fiche.slug, { publishedDaysAgo: 20 });
    const c = await insertItem(db, cast.councilA.id, fiche.slug, { publishedDaysAgo: 30 });
    await answeredAfter(a, 2);
    await answeredAfter(b, 4);
    await answeredAfter(c, 9);
    await insertItem(db, cast.councilA.id, fiche.slug, { publishedDaysAgo: 5 }); // waiting (fallback due date: +60 days)
    await insertItem(db, cast.councilA.id, fiche.slug, { publishedDaysAgo: 59.9 }); // waiting, for a few hours more (fallback)
    await insertItem(db, cast.councilA.id, fiche.slug, { publishedDaysAgo: 2, answerDueDays: 10 }); // waiting (its own due date)
    await insertItem(db, cast.councilA.id, fiche.slug, { publishedDaysAgo: 20, answerDueDays: 10 }); // late (its own due date)
    await insertItem(db, cast.councilA.id, fiche.slug, { publishedDaysAgo: 60.1 }); // late by a few hours (fallback)
    await insertItem(db, cast.councilA.id, fiche.slug, { publishedDaysAgo: 61 }); // late (fallback)
    await insertItem(db, cast.councilA.id, fiche.slug, { kind: "feedback" });
    // Never counted: not published.
    for (const status of ["draft", "pending", "rejected", "hidden"] as const) {
      await insertItem(db, cast.councilA.id, fiche.slug, { status, publishedDaysAgo: 200 });
      await insertItem(db, cast.councilA.id, fiche.slug, { status, kind: "feedback" });
    }
    const page = await loadActionPage(fiche.slug, db);
    expect(page!.answerStats).toEqual({ answered: 3, waiting: 3, late: 3, medianDays: 4 });
    expect(page!.action.contributionCounts).toEqual({ feedback: 1, proposals: 9 });

    const overview = await loadPlanOverview(db);
    expect(overview!.contributionCounts.proposals - overviewBefore!.contributionCounts.proposals).toBe(9);
    expect(overview!.contributionCounts.feedback - overviewBefore!.contributionCounts.feedback).toBe(1);
    expect(overview!.answerStats.answered - overviewBefore!.answerStats.answered).toBe(3);
    expect(overview!.answerStats.waiting - overviewBefore!.answerStats.waiting).toBe(3);
    expect(overview!.answerStats.late - overviewBefore!.answerStats.late).toBe(3);
    // The plan's median is taken over every answered proposal of the plan, not per fiche.
    const delays = await planDelays(fiche.planId);
    expect(delays.length).toBeGreaterThanOrEqual(3);
    expect(overview!.answerStats.medianDays).toBeCloseTo(medianOf(delays)!, 6);
    const listed = overview!.themes.flatMap((t) => t.actions).find((x) => x.slug === fiche.slug);
    expect(listed!.contributionCounts).toEqual({ feedback: 1, proposals: 9 });

    const theme = await loadThemePage("gouvernance", db);
    expect(theme!.theme.actions.find((x) => x.slug === fiche.slug)!.contributionCounts).toEqual({ feedback: 1, proposals: 9 });
  });

  it("a fiche without proposals has empty figures; a median over an even count is the mean of the middle two", async () => {
    const empty = await createAction(db);
    expect((await loadActionPage(empty.slug, db))!.answerStats).toEqual({ answered: 0, waiting: 0, late: 0, medianDays: null });
    const fiche = await createAction(db);
    const x = await insertItem(db, cast.councilA.id, fiche.slug, { publishedDaysAgo: 10 });
    const y = await insertItem(db, cast.councilA.id, fiche.slug, { publishedDaysAgo: 10 });
    await answeredAfter(x, 1);
    await answeredAfter(y, 6);
    expect((await loadActionPage(fiche.slug, db))!.answerStats.medianDays).toBeCloseTo(3.5, 5);
    // The plan's median, read at its rank (server/plan/load-tallies.ts), over an odd and an even count.
    for (const days of [30, 0.5]) {
      await answeredAfter(await insertItem(db, cast.councilB.id, fiche.slug, { publishedDaysAgo: 40 }), days);
      const delays = await planDelays(fiche.planId);
      expect((await loadPlanOverview(db))!.answerStats.medianDays).toBeCloseTo(medianOf(delays)!, 6);
    }
  });
});

describe("pages of contributions", () => {
  it("a fiche shows the 10 newest; the other pages follow, newest first; past the last page there is none", async () => {
    const fiche = await createAction(db);
    const council = await createCouncil(db);
    const ids: number[] = [];
    for (let i = 0; i < 23; i++)
      ids.push(await insertItem(db, council.id, fiche.slug, { publishedDaysAgo: 30 - i, kind: i % 2 ? "feedback" : "proposal" }));
    const newestFirst = [...ids].reverse();
    const page = await loadActionPage(fiche.slug, db);
    expect(page!.contributions.map((c) => c.id)).toEqual(newestFirst.slice(0, CONTRIBUTIONS_PER_PAGE));
    expect(page!.contributionPageCount).toBe(3);
    const second = await loadActionContributionsPage(fiche.slug, 2, db);
    expect(second!.contributions.items.map((c) => c.id)).toEqual(newestFirst.slice(10, 20));
    const third = await loadActionContributionsPage(fiche.slug, 3, db);
    expect(third!.contributions).toMatchObject({ page: 3, pageCount: 3, total: 23 });
    expect(third!.contributions.items.map((c) => c.id)).toEqual(newestFirst.slice(20));
    expect(await loadActionContributionsPage(fiche.slug, 4, db)).toBeNull();
    expect(await loadActionContributionsPage(fiche.slug, 0, db)).toBeNull();
    expect(await loadActionContributionsPage("fiche-inconnue", 1, db)).toBeNull();

    const councilPage = await getPublicCouncil(db, council.slug);
    expect(councilPage!.contributions.items.map((c) => c.id)).toEqual(newestFirst.slice(0, 10));
    expect(councilPage!.contributions.pageCount).toBe(3);
    const councilThird = await getPublicCouncilContributions(db, council.slug, 3);
    expect(councilThird!.contributions.items.map((c) => c.id)).toEqual(newestFirst.slice(20));
    expect(await getPublicCouncilContributions(db, council.slug, 4)).toBeNull();
  });
});

describe("totals of a list (from contribution_figures, kept by the database)", () => {
  it("count what the list shows: every council on a fiche, every fiche of a council; a hidden one no more, a republished one again", async () => {
    const [fiche, otherFiche] = [await createAction(db), await createAction(db)];
    const [council, otherCouncil] = [await createCouncil(db), await createCouncil(db)];
    for (let i = 0; i < 7; i++) await insertItem(db, council.id, fiche.slug, { publishedDaysAgo: 20 - i });
    for (let i = 0; i < 5; i++) await insertItem(db, otherCouncil.id, fiche.slug, { publishedDaysAgo: 10 - i, kind: "feedback" });
    const elsewhere = await insertItem(db, council.id, otherFiche.slug);
    await insertNeverPublicItems(db, council.id, fiche.slug, otherCouncil.id);

    const totals = async () => ({
      fiche: (await loadActionContributionsPage(fiche.slug, 1, db))!.contributions.total,
      council: (await getPublicCouncilContributions(db, council.slug, 1))!.contributions.total,
      otherCouncil: (await getPublicCouncilContributions(db, otherCouncil.slug, 1))!.contributions.total,
    });
    expect(await totals()).toEqual({ fiche: 12, council: 8, otherCouncil: 5 });
    expect((await loadActionContributionsPage(fiche.slug, 2, db))!.contributions).toMatchObject({ pageCount: 2, total: 12 });

    await db
      .update(contributions)
      .set({ status: "hidden", hiddenAt: new Date(), hiddenReason: "Raison de masquage de test" })
      .where(eq(contributions.id, elsewhere));
    expect(await totals()).toEqual({ fiche: 12, council: 7, otherCouncil: 5 });
    await db.update(contributions).set({ status: "published", hiddenAt: null, hiddenReason: null }).where(eq(contributions.id, elsewhere));
    expect(await totals()).toEqual({ fiche: 12, council: 8, otherCouncil: 5 });
  });
});

describe("leaks", () => {
  it("no public loader returns anything of a draft, pending, rejected or hidden item, nor their answers or supports", async () => {
    const fiche = await createAction(db, { themeSlug: "gouvernance" });
    const council = await createCouncil(db);
    const visible = `VISIBLE-${Date.now()}`;
    await insertItem(db, council.id, fiche.slug, { title: `${visible} titre`, body: `${visible} texte de la proposition publiée` });
    const { markers: secrets } = await insertNeverPublicItems(db, council.id, fiche.slug, cast.councilB.id);
    const loaded = {
      overview: await loadPlanOverview(db),
      theme: await loadThemePage("gouvernance", db),
      fiche: await loadActionPage(fiche.slug, db),
      ficheFirstPage: await loadActionContributionsPage(fiche.slug, 1, db),
      council: await getPublicCouncil(db, council.slug),
      councilFirstPage: await getPublicCouncilContributions(db, council.slug, 1),
      councils: await loadCouncils(db),
    };
    const json = JSON.stringify(loaded);
    expect(json).toContain(visible);
    for (const secret of [...secrets, "SECRET-", "Raison de refus de test", "Raison de masquage de test"])
      expect(json).not.toContain(secret);
    expect(loaded.fiche!.contributions).toHaveLength(1);
    expect(loaded.fiche!.contributions[0]!.supporters).toEqual([]);
    expect(loaded.fiche!.action.contributionCounts).toEqual({ feedback: 0, proposals: 1 });
    expect(loaded.fiche!.answerStats).toMatchObject({ answered: 0, waiting: 1, late: 0 });
    expect(loaded.council!.contributions.total).toBe(1);
    // Public fields only: no state, no reasons, no ids of people.
    const keys = Object.keys(loaded.fiche!.contributions[0]!);
    for (const field of [
      "status",
      "rejectionReason",
      "hiddenReason",
      "authorId",
      "decidedById",
      "hiddenById",
      "clientRequestId",
      "reviewRequired",
    ])
      expect(keys).not.toContain(field);
  });
});
