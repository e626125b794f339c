import "server-only";
import { and, eq, inArray, isNotNull, isNull, lt, sql, type SQL } from "drizzle-orm";
import type { Db } from "@/db/client";
import { actions, contributionFigures, contributions } from "@/db/schema";
import type { AnswerStats } from "@/lib/answer-stats";
import { answerDueAtSql, at, medianFirstAnswerDaysSql } from "@/server/answers/due-date";

/*
 * Published contributions in figures, without ever reading every contribution (issue 15).
 * `status = 'published'` is the only filter that makes a contribution public.
 *   - loadTallies: avis and propositions per fiche, from `contribution_figures` (kept by PostgreSQL
 *     with every write, docs/decisions/0029) — the lists of fiches of the home and theme pages;
 *   - loadFigures: the same counts and the City's answers (answered / waiting / late, median delay)
 *     for one fiche or the whole plan — the fiche's and the home page's answer figures. Only these
 *     two pages read the proposals themselves (contributions_awaiting_answer, contributions_answered,
 *     or one fiche's contributions_proposals_by_action), and only for the scope they show: the theme
 *     page, rendered again after every write on one of its fiches, reads the figures table only.
 */
export interface ContributionTally {
  feedback: number;
  proposals: number;
}
export type Tallies = Map<number, ContributionTally>;

const f = contributionFigures;
const feedbackSum = sql<number>`(coalesce(sum(${f.published}) filter (where ${f.kind} = 'feedback'), 0))::int`;
const proposalsSum = sql<number>`(coalesce(sum(${f.published}) filter (where ${f.kind} = 'proposal'), 0))::int`;

/** Avis and propositions of each fiche of the plan: one query over the figures table. */
export async function loadTallies(db: Db, planId: number): Promise<Tallies> {
  const rows = await db
    .select({ actionId: f.actionId, feedback: feedbackSum, proposals: proposalsSum })
    .from(f)
    .innerJoin(actions, eq(actions.id, f.actionId))
    .where(eq(actions.planId, planId))
    .groupBy(f.actionId);
  return new Map(rows.map(({ actionId, feedback, proposals }) => [actionId, { feedback: Number(feedback), proposals: Number(proposals) }]));
}

export type FiguresScope = { planId: number } | { actionId: number };
export type Figures = ContributionTally & AnswerStats;

/** The one query of `loadFigures` (tests/integration/query-plans.test.ts reads its plan). */
export function figuresQuery(db: Db, scope: FiguresScope, now: Date) {
  const inScope = (column: typeof f.actionId | typeof contributions.actionId): SQL =>
    "actionId" in scope
      ? eq(column, scope.actionId)
      : inArray(column, db.select({ id: actions.id }).from(actions).where(eq(actions.planId, scope.planId)));
  const publishedProposal = and(eq(contributions.status, "published"), eq(contributions.kind, "proposal"), inScope(contributions.actionId));
  // Three scalar subqueries, each computed once: the counts from the figures table, the awaiting
  // proposals (waiting and late depend on `now`: not kept), the median over the answered ones.
  const counts = db
    .select({
      feedback: feedbackSum.as("feedback"),
      proposals: proposalsSum.as("proposals"),
      answered: sql<number>`(coalesce(sum(${f.answered}), 0))::int`.as("answered"),
    })
    .from(f)
    .where(inScope(f.actionId))
    .as("counts");
  const awaiting = db
    .select({
      awaiting: sql<number>`count(*)::int`.as("awaiting"),
      late: sql<number>`(count(*) filter (where ${lt(answerDueAtSql, at(now))}))::int`.as("late"),
    })
    .from(contributions)
    .where(and(publishedProposal, isNull(contributions.firstAnsweredAt)))
    .as("awaiting");
  const answered = db
    .select({ medianDays: medianFirstAnswerDaysSql.as("median_days") })
    .from(contributions)
    .where(and(publishedProposal, isNotNull(contributions.firstAnsweredAt)))
    .as("answered");
  return db
    .select({
      feedback: counts.feedback,
      proposals: counts.proposals,
      answered: counts.answered,
      awaiting: awaiting.awaiting,
      late: awaiting.late,
      medianDays: answered.medianDays,
    })
    .from(counts)
    .crossJoin(awaiting)
    .crossJoin(answered);
}

/** Published avis and propositions, and the City's answers, of one fiche or of the whole plan. */
export async function loadFigures(db: Db, scope: FiguresScope, now: Date): Promise<Figures> {
  const [row] = await figuresQuery(db, scope, now);
  const awaiting = Number(row?.awaiting ?? 0);
  const late = Number(row?.late ?? 0);
  return {
    feedback: Number(row?.feedback ?? 0),
    proposals: Number(row?.proposals ?? 0),
    answered: Number(row?.answered ?? 0),
    waiting: awaiting - late,
    late,
    medianDays: row?.medianDays === null || row?.medianDays === undefined ? null : Number(row.medianDays),
  };
}
