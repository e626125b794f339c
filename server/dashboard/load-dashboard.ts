import "server-only";
import { and, asc, eq, inArray, isNotNull, isNull, lt, sql, type SQLWrapper } from "drizzle-orm";
import type { Db } from "@/db/client";
import { actionThemes, actions, contributionFigures, contributions, councils, plans as plansTable, themes } from "@/db/schema";
import { forbidden, notFound, ok, unauthenticated, type ActionResult } from "@/lib/action-result";
import { themeHref } from "@/lib/plans";
import { loadPublicPlans } from "@/server/plan/load-plans-list";
import type { AnswerStats } from "@/lib/answer-stats";
import { cityDay } from "@/lib/dates";
import { cityMonth, monthsEndingWith } from "@/lib/months";
import { deadlineView } from "@/lib/deadlines";
import { countByStatus, averageProgress, type StatusCounts } from "@/lib/rollup";
import { can, type MaybeActor } from "@/lib/permissions";
import { answerDueAtSql, at, medianFirstAnswerDaysSql } from "@/server/answers/due-date";

export interface DashboardRow {
  key: string;
  label: string;
  href: string | null;
  statuses: StatusCounts | null;
  late: number | null;
  progress: number | null;
  feedback: number;
  proposals: number;
  answers: AnswerStats;
  /** Published avis and proposals per month, the 12 months of `Dashboard.months`, in order. */
  perMonth: number[];
}

export interface DashboardPlan {
  slug: string;
  title: string;
  periodStartYear: number;
  periodEndYear: number;
  state: "current" | "closed";
}

export interface Dashboard {
  /** The plan the figures are about: the current one, or an earlier one asked for (decision 0027). */
  plan: DashboardPlan;
  /** Every plan but a draft, for the choice of plan (the current one first). */
  plans: DashboardPlan[];
  themes: DashboardRow[];
  councils: DashboardRow[];
  /** The last 12 months, oldest first: published avis and proposals per month (City time). */
  months: { month: string; feedback: number; proposals: number }[];
  total: { answers: AnswerStats; feedback: number; proposals: number; fiches: number; late: number };
}

/** "2026-11" for the 12 months ending with `now`'s month, oldest first. */
export function lastTwelveMonths(now: Date): string[] {
  return monthsEndingWith(cityMonth(now), 12);
}

/** One group's figures, as SQL sums them (one row per theme, per council, or for everything). */
interface Aggregate {
  feedback: number;
  proposals: number;
  answered: number;
  late: number;
  medianDays: number | null;
}

/**
 * The dashboard's eight queries for one plan, not yet run (tests/integration/query-plans.test.ts
 * reads their plans). Each plan has its own figures: only its themes, its fiches and theirs.
 */
export function dashboardQueries(db: Db, now = new Date(), planId: SQLWrapper = sql`(select min(${plansTable.id}) from ${plansTable})`) {
  const months = lastTwelveMonths(now);
  const f = contributionFigures;
  const planActions = db.select({ id: actions.id }).from(actions).where(eq(actions.planId, planId));
  const counts = {
    feedback: sql<number>`coalesce(sum(${f.published}) filter (where ${f.kind} = 'feedback'), 0)::int`,
    proposals: sql<number>`coalesce(sum(${f.published}) filter (where ${f.kind} = 'proposal'), 0)::int`,
    answered: sql<number>`coalesce(sum(${f.answered}), 0)::int`,
  };
  const publishedProposal = and(
    eq(contributions.status, "published"),
    eq(contributions.kind, "proposal"),
    inArray(contributions.actionId, planActions),
  );
  const medianDays = medianFirstAnswerDaysSql;
  // Which grouping set a row belongs to: 1 per fiche, 2 per council, 3 for everything
  // (`grouping(a, c)` sets a bit for each column the row is NOT grouped by).
  const set = (a: SQLWrapper, c: SQLWrapper) => sql<number>`grouping(${a}, ${c})`;

  return {
    themes: db
      .select({ id: themes.id, number: themes.number, slug: themes.slug, title: themes.title })
      .from(themes)
      .where(eq(themes.planId, planId))
      .orderBy(asc(themes.number)),
    fiches: db
      .select({
        id: actions.id,
        themeId: actionThemes.themeId,
        status: actions.status,
        progress: actions.progress,
        timeframeLabel: actions.timeframeLabel,
        timeframeEndYear: actions.timeframeEndYear,
        currentTimeframeLabel: actions.currentTimeframeLabel,
        deadline: actions.deadline,
      })
      .from(actions)
      .leftJoin(actionThemes, eq(actionThemes.actionId, actions.id))
      .where(eq(actions.planId, planId)),
    councils: db
      .select({ id: councils.id, slug: councils.slug, name: councils.name })
      .from(councils)
      .where(isNull(councils.archivedAt))
      .orderBy(asc(councils.number), asc(councils.name)),
    // Per fiche (summed per theme below: a fiche in two themes counts in both), per council, and in all.
    figures: db
      .select({ set: set(f.actionId, f.councilId), actionId: f.actionId, councilId: f.councilId, ...counts })
      .from(f)
      .where(inArray(f.actionId, planActions))
      .groupBy(sql`grouping sets ((${f.actionId}), (${f.councilId}), ())`),
    // Late: no answer and the due date passed (contributions_awaiting_answer).
    late: db
      .select({
        set: set(contributions.actionId, contributions.councilId),
        actionId: contributions.actionId,
        councilId: contributions.councilId,
        n: sql<number>`count(*)::int`,
      })
      .from(contributions)
      .where(and(publishedProposal, isNull(contributions.firstAnsweredAt), lt(answerDueAtSql, at(now))))
      .groupBy(sql`grouping sets ((${contributions.actionId}), (${contributions.councilId}), ())`),
    // The medians from the answered proposals only (contributions_answered), per council and in all…
    councilMedians: db
      .select({ isTotal: sql<boolean>`grouping(${contributions.councilId}) = 1`, councilId: contributions.councilId, medianDays })
      .from(contributions)
      .where(and(publishedProposal, isNotNull(contributions.firstAnsweredAt)))
      .groupBy(sql`grouping sets ((${contributions.councilId}), ())`),
    // …and per theme.
    themeMedians: db
      .select({ themeId: actionThemes.themeId, medianDays })
      .from(contributions)
      .innerJoin(actionThemes, eq(actionThemes.actionId, contributions.actionId))
      .where(and(publishedProposal, isNotNull(contributions.firstAnsweredAt)))
      .groupBy(actionThemes.themeId),
    // The last 12 months: per fiche, per council and in all.
    months: db
      .select({
        set: set(f.actionId, f.councilId),
        actionId: f.actionId,
        councilId: f.councilId,
        month: f.month,
        ...pick(counts, "feedback", "proposals"),
      })
      .from(f)
      .where(and(inArray(f.month, months), inArray(f.actionId, planActions)))
      .groupBy(sql`grouping sets ((${f.actionId}, ${f.month}), (${f.councilId}, ${f.month}), (${f.month}))`),
  };
}

/**
 * The officials' dashboard: by theme and by council, fiches by status, published contributions,
 * answers given / waiting / late and the median time to answer; published contributions per
 * month, overall, by theme and by council. Published contributions only (never pending, rejected
 * or hidden ones). Every figure is a GROUP BY in SQL over few rows (issue 15): the counts from
 * `contribution_figures` (one row per council, fiche, kind and month, kept by PostgreSQL with every
 * write), the late ones from the proposals waiting for an answer and the medians from the answered
 * ones, each read from its own partial index. One plan's: the current one, or the one whose slug
 * `planSlug` gives (an unknown slug or a draft's shows the current plan; decision 0027). Nine queries.
 */
export async function loadDashboard(
  db: Db,
  actor: MaybeActor,
  now = new Date(),
  planSlug: string | null = null,
): Promise<ActionResult<Dashboard>> {
  if (!actor) return unauthenticated();
  if (!can(actor, "dashboard.view")) return forbidden();
  const plans = await loadPublicPlans(db);
  const plan = plans.find((p) => planSlug !== null && p.slug === planSlug) ?? plans.find((p) => p.state === "current");
  if (!plan) return notFound("Plan");
  const months = lastTwelveMonths(now);
  const q = dashboardQueries(db, now, sql`(select ${plansTable.id} from ${plansTable} where ${plansTable.slug} = ${plan.slug})`);
  const [themeRows, ficheRows, councilRows, figureRows, lateRows, councilMedians, themeMedians, monthRows] = await Promise.all([
    q.themes,
    q.fiches,
    q.councils,
    q.figures,
    q.late,
    q.councilMedians,
    q.themeMedians,
    q.months,
  ]);
  const BY_FICHE = 1;
  const BY_COUNCIL = 2;
  const TOTAL = 3;
  const figuresOf = (which: number, id: number | null): Aggregate => {
    const found = figureRows.find((r) => r.set === which && (which === TOTAL || (which === BY_FICHE ? r.actionId : r.councilId) === id));
    const late = lateRows.find((r) => r.set === which && (which === TOTAL || (which === BY_FICHE ? r.actionId : r.councilId) === id));
    const median =
      which === BY_FICHE
        ? null
        : (councilMedians.find((r) => (which === TOTAL ? r.isTotal : !r.isTotal && r.councilId === id))?.medianDays ?? null);
    return {
      feedback: found?.feedback ?? 0,
      proposals: found?.proposals ?? 0,
      answered: found?.answered ?? 0,
      late: late?.n ?? 0,
      medianDays: median,
    };
  };
  const monthsOf = (which: number, id: number | null) =>
    monthRows.filter((r) => r.set === which && (which === TOTAL || (which === BY_FICHE ? r.actionId : r.councilId) === id));

  const today = cityDay(now);
  const answersOf = (a: Aggregate): AnswerStats => ({
    answered: a.answered,
    late: a.late,
    waiting: a.proposals - a.answered - a.late,
    medianDays: a.medianDays === null ? null : Number(a.medianDays),
  });
  const perMonthOf = (rows: { month: string; feedback: number; proposals: number }[]) =>
    months.map((m) => rows.filter((r) => r.month === m).reduce((n, r) => n + r.feedback + r.proposals, 0));
  const row = (
    key: string,
    label: string,
    href: string | null,
    fiches: typeof ficheRows | null,
    figures: Aggregate,
    perMonth: number[],
  ): DashboardRow => ({
    key,
    label,
    href,
    statuses: fiches ? countByStatus(fiches) : null,
    late: fiches ? fiches.filter((f) => deadlineView(f, today).late).length : null,
    progress: fiches ? averageProgress(fiches.map((f) => f.progress)) : null,
    feedback: figures.feedback,
    proposals: figures.proposals,
    answers: answersOf(figures),
    perMonth,
  });

  const themeList = themeRows.map((t) => {
    const fiches = ficheRows.filter((fiche) => fiche.themeId === t.id);
    const perFiche = fiches.map((fiche) => figuresOf(BY_FICHE, fiche.id));
    const sum = (key: "feedback" | "proposals" | "answered" | "late") => perFiche.reduce((n, a) => n + a[key], 0);
    const figures: Aggregate = {
      feedback: sum("feedback"),
      proposals: sum("proposals"),
      answered: sum("answered"),
      late: sum("late"),
      medianDays: themeMedians.find((r) => r.themeId === t.id)?.medianDays ?? null,
    };
    return row(
      `theme-${t.number}`,
      `${t.number}. ${t.title}`,
      themeHref(plan, t),
      fiches,
      figures,
      perMonthOf(fiches.flatMap((fiche) => monthsOf(BY_FICHE, fiche.id))),
    );
  });
  const councilList = councilRows.map((c) =>
    row(`conseil-${c.slug}`, c.name, `/conseils/${c.slug}`, null, figuresOf(BY_COUNCIL, c.id), perMonthOf(monthsOf(BY_COUNCIL, c.id))),
  );
  const totalMonths = monthsOf(TOTAL, null);
  const byMonth = months.map((m) => {
    const found = totalMonths.find((r) => r.month === m);
    return { month: m, feedback: found?.feedback ?? 0, proposals: found?.proposals ?? 0 };
  });
  const total = figuresOf(TOTAL, null);
  const distinctFiches = new Map(ficheRows.map((f) => [f.id, f]));
  const { publishedAt: _p, closedAt: _c, ...shown } = plan;
  return ok({
    plan: shown,
    plans: plans.map(({ publishedAt: _pa, closedAt: _ca, ...p }) => p),
    themes: themeList,
    councils: councilList,
    months: byMonth,
    total: {
      answers: answersOf(total),
      feedback: total.feedback,
      proposals: total.proposals,
      fiches: distinctFiches.size,
      late: [...distinctFiches.values()].filter((f) => deadlineView(f, today).late).length,
    },
  });
}

function pick<T extends Record<string, unknown>, K extends keyof T>(object: T, ...keys: K[]): Pick<T, K> {
  return Object.fromEntries(keys.map((k) => [k, object[k]])) as Pick<T, K>;
}
