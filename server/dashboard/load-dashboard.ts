import "server-only";
import { asc, eq, isNull, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { actionThemes, actions, contributions, councils, themes } from "@/db/schema";
import { forbidden, ok, unauthenticated, type ActionResult } from "@/lib/action-result";
import { answerStatsOf, type AnswerStats, type AnswerTally } from "@/lib/answer-stats";
import { cityDay } from "@/lib/dates";
import { deadlineView } from "@/lib/deadlines";
import { countByStatus, averageProgress, type StatusCounts } from "@/lib/rollup";
import { can, type MaybeActor } from "@/lib/permissions";
import { answerDueAtSql, at, firstAnswerDelayDaysSql } from "@/server/answers/due-date";

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

const emptyTally = (): AnswerTally & { delays: number[] } => ({ answered: 0, waiting: 0, late: 0, delays: [] });

/** "2026-11" for the 12 months ending with `now`'s month, oldest first. */
export function lastTwelveMonths(now: Date): string[] {
  const [y, m] = cityDay(now).split("-").map(Number) as [number, number];
  return Array.from({ length: 12 }, (_, i) => {
    const d = new Date(Date.UTC(y, m - 1 - (11 - i), 1));
    return d.toISOString().slice(0, 7);
  });
}

/**
 * The officials' dashboard: by theme and by council, fiches by status, published contributions,
 * answers given / waiting / late and the median time to answer; published contributions per
 * month, overall, by theme and by council. Published contributions only (never pending, rejected
 * or hidden ones). Four queries.
 */
export async function loadDashboard(db: Db, actor: MaybeActor, now = new Date()): Promise<ActionResult<Dashboard>> {
  if (!actor) return unauthenticated();
  if (!can(actor, "dashboard.view")) return forbidden();
  const months = lastTwelveMonths(now);
  const published = eq(contributions.status, "published");
  const [themeRows, ficheRows, councilRows, itemRows] = await Promise.all([
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
    // One row per published item: small (a city has hundreds, not millions).
    db
      .select({
        actionId: contributions.actionId,
        councilId: contributions.councilId,
        kind: contributions.kind,
        answered: sql<boolean>`${contributions.firstAnsweredAt} is not null`,
        late: sql<boolean>`${contributions.firstAnsweredAt} is null and ${answerDueAtSql} < ${at(now)}`,
        delayDays: firstAnswerDelayDaysSql,
        month: sql<string>`to_char(${contributions.publishedAt} at time zone 'Europe/Paris', 'YYYY-MM')`,
      })
      .from(contributions)
      .where(published),
  ]);

  const today = cityDay(now);
  const tallyOf = (rows: typeof itemRows) => {
    const t = emptyTally();
    for (const r of rows.filter((r) => r.kind === "proposal")) {
      if (r.answered) {
        t.answered += 1;
        if (r.delayDays !== null) t.delays.push(Number(r.delayDays));
      } else if (r.late) t.late += 1;
      else t.waiting += 1;
    }
    return answerStatsOf([t]);
  };
  const row = (key: string, label: string, href: string | null, fiches: typeof ficheRows | null, items: typeof itemRows): DashboardRow => ({
    key,
    label,
    href,
    statuses: fiches ? countByStatus(fiches) : null,
    late: fiches ? fiches.filter((f) => deadlineView(f, today).late).length : null,
    progress: fiches ? averageProgress(fiches.map((f) => f.progress)) : null,
    feedback: items.filter((i) => i.kind === "feedback").length,
    proposals: items.filter((i) => i.kind === "proposal").length,
    answers: tallyOf(items),
    perMonth: months.map((m) => items.filter((i) => i.month === m).length),
  });

  const themeList = themeRows.map((t) => {
    const fiches = ficheRows.filter((f) => f.themeId === t.id);
    const ids = new Set(fiches.map((f) => f.id));
    return row(
      `theme-${t.number}`,
      `${t.number}. ${t.title}`,
      `/thematiques/${t.slug}`,
      fiches,
      itemRows.filter((i) => ids.has(i.actionId)),
    );
  });
  const councilList = councilRows.map((c) =>
    row(
      `conseil-${c.slug}`,
      c.name,
      `/conseils/${c.slug}`,
      null,
      itemRows.filter((i) => i.councilId === c.id),
    ),
  );
  const byMonth = months.map((month) => {
    const inMonth = itemRows.filter((i) => i.month === month);
    return {
      month,
      feedback: inMonth.filter((i) => i.kind === "feedback").length,
      proposals: inMonth.filter((i) => i.kind === "proposal").length,
    };
  });
  const distinctFiches = new Map(ficheRows.map((f) => [f.id, f]));
  return ok({
    themes: themeList,
    councils: councilList,
    months: byMonth,
    total: {
      answers: tallyOf(itemRows),
      feedback: itemRows.filter((i) => i.kind === "feedback").length,
      proposals: itemRows.filter((i) => i.kind === "proposal").length,
      fiches: distinctFiches.size,
      late: [...distinctFiches.values()].filter((f) => deadlineView(f, today).late).length,
    },
  });
}
