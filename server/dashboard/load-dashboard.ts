import "server-only";
import { and, asc, eq, gte, inArray, isNull, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { actionThemes, actions, contributions, councils, themes } from "@/db/schema";
import { forbidden, ok, unauthenticated, type ActionResult } from "@/lib/action-result";
import type { AnswerStats } from "@/lib/answer-stats";
import { cityDay } from "@/lib/dates";
import { cityMonth, monthsEndingWith } from "@/lib/months";
import { deadlineView } from "@/lib/deadlines";
import { countByStatus, averageProgress, type StatusCounts } from "@/lib/rollup";
import { can, type MaybeActor } from "@/lib/permissions";
import { answerDueAtSql, at, firstAnswerDelayDaysSql } from "@/server/answers/due-date";
import { cityMonthSql, cityMonthStartSql } from "@/server/city-months";

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

export interface Dashboard {
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
 * The officials' dashboard: by theme and by council, fiches by status, published contributions,
 * answers given / waiting / late and the median time to answer; published contributions per
 * month, overall, by theme and by council. Published contributions only (never pending, rejected
 * or hidden ones). Every figure is a GROUP BY in SQL: the rows read into Node are one per theme,
 * council and month, whatever the number of contributions (issue 15: it used to load every
 * published contribution). Eight queries.
 */
export async function loadDashboard(db: Db, actor: MaybeActor, now = new Date()): Promise<ActionResult<Dashboard>> {
  if (!actor) return unauthenticated();
  if (!can(actor, "dashboard.view")) return forbidden();
  const months = lastTwelveMonths(now);
  const published = eq(contributions.status, "published");
  const proposal = sql`${contributions.kind} = 'proposal'`;
  const answered = sql`${proposal} and ${contributions.firstAnsweredAt} is not null`;
  const figures = {
    feedback: sql<number>`(count(*) filter (where ${contributions.kind} = 'feedback'))::int`,
    proposals: sql<number>`(count(*) filter (where ${proposal}))::int`,
    answered: sql<number>`(count(*) filter (where ${answered}))::int`,
    late: sql<number>`(count(*) filter (where ${proposal} and ${contributions.firstAnsweredAt} is null and ${answerDueAtSql} < ${at(now)}))::int`,
    // The same median as lib/answer-stats.ts: the middle delay, or the mean of the two middle ones.
    medianDays: sql<
      number | null
    >`(percentile_cont(0.5) within group (order by ${firstAnswerDelayDaysSql}) filter (where ${answered}))::float8`,
  };
  const month = cityMonthSql(contributions.publishedAt);
  // The range first (read from the newest-first index), then the months themselves (exact, in City time).
  const since = cityMonthStartSql(months[0]!);
  const inLastMonths = and(published, gte(contributions.publishedAt, since), inArray(month, months));
  // `grouping(...)` tells the council rows from the total row of a GROUPING SETS query.
  const isTotal = sql<boolean>`grouping(${contributions.councilId}) = 1`;

  const [themeRows, ficheRows, councilRows, byFiche, themeMedians, byCouncil, monthsByTheme, monthsByCouncil] = await Promise.all([
    db.select({ id: themes.id, number: themes.number, slug: themes.slug, title: themes.title }).from(themes).orderBy(asc(themes.number)),
    db
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
      .leftJoin(actionThemes, eq(actionThemes.actionId, actions.id)),
    db
      .select({ id: councils.id, slug: councils.slug, name: councils.name })
      .from(councils)
      .where(isNull(councils.archivedAt))
      .orderBy(asc(councils.number), asc(councils.name)),
    // Per theme, in two small passes rather than joining every row to its themes: the counts per
    // fiche (summed per theme below), and the medians from the answered proposals only.
    db
      .select({ actionId: contributions.actionId, ...pick(figures, "feedback", "proposals", "answered", "late") })
      .from(contributions)
      .where(published)
      .groupBy(contributions.actionId),
    db
      .select({ themeId: actionThemes.themeId, medianDays: figures.medianDays })
      .from(contributions)
      .innerJoin(actionThemes, eq(actionThemes.actionId, contributions.actionId))
      .where(and(published, answered))
      .groupBy(actionThemes.themeId),
    // Per council and, in the same pass, for everything (a fiche in two themes counted once).
    db
      .select({ councilId: contributions.councilId, isTotal, ...figures })
      .from(contributions)
      .where(published)
      .groupBy(sql`grouping sets ((${contributions.councilId}), ())`),
    db
      .select({ themeId: actionThemes.themeId, month, n: sql<number>`count(*)::int` })
      .from(contributions)
      .innerJoin(actionThemes, eq(actionThemes.actionId, contributions.actionId))
      .where(inLastMonths)
      .groupBy(actionThemes.themeId, month),
    db
      .select({ councilId: contributions.councilId, isTotal, month, ...pick(figures, "feedback", "proposals") })
      .from(contributions)
      .where(inLastMonths)
      .groupBy(sql`grouping sets ((${contributions.councilId}, ${month}), (${month}))`),
  ]);

  const today = cityDay(now);
  const none: Aggregate = { feedback: 0, proposals: 0, answered: 0, late: 0, medianDays: null };
  const answersOf = (a: Aggregate): AnswerStats => ({
    answered: a.answered,
    late: a.late,
    waiting: a.proposals - a.answered - a.late,
    medianDays: a.medianDays === null ? null : Number(a.medianDays),
  });
  const perMonthOf = (rows: { month: string; n: number }[]) => months.map((m) => rows.find((r) => r.month === m)?.n ?? 0);
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

  const themeFigures = (themeId: number): Aggregate => {
    const fiches = new Set(ficheRows.filter((f) => f.themeId === themeId).map((f) => f.id));
    const sum = (key: "feedback" | "proposals" | "answered" | "late") =>
      byFiche.filter((r) => fiches.has(r.actionId)).reduce((n, r) => n + r[key], 0);
    return {
      feedback: sum("feedback"),
      proposals: sum("proposals"),
      answered: sum("answered"),
      late: sum("late"),
      medianDays: themeMedians.find((r) => r.themeId === themeId)?.medianDays ?? null,
    };
  };
  const themeList = themeRows.map((t) =>
    row(
      `theme-${t.number}`,
      `${t.number}. ${t.title}`,
      `/thematiques/${t.slug}`,
      ficheRows.filter((f) => f.themeId === t.id),
      themeFigures(t.id),
      perMonthOf(monthsByTheme.filter((r) => r.themeId === t.id)),
    ),
  );
  const councilList = councilRows.map((c) =>
    row(
      `conseil-${c.slug}`,
      c.name,
      `/conseils/${c.slug}`,
      null,
      byCouncil.find((r) => !r.isTotal && r.councilId === c.id) ?? none,
      perMonthOf(
        monthsByCouncil.filter((r) => !r.isTotal && r.councilId === c.id).map((r) => ({ month: r.month, n: r.feedback + r.proposals })),
      ),
    ),
  );
  const totalMonths = monthsByCouncil.filter((r) => r.isTotal);
  const byMonth = months.map((m) => {
    const found = totalMonths.find((r) => r.month === m);
    return { month: m, feedback: found?.feedback ?? 0, proposals: found?.proposals ?? 0 };
  });
  const total = byCouncil.find((r) => r.isTotal) ?? none;
  const distinctFiches = new Map(ficheRows.map((f) => [f.id, f]));
  return ok({
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
