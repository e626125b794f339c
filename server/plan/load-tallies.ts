import "server-only";
import { and, eq, isNotNull, isNull, sql, type SQL } from "drizzle-orm";
import type { Db } from "@/db/client";
import { actions, contributionFigures, contributions } from "@/db/schema";
import type { AnswerTally } from "@/lib/answer-stats";
import { answerDueAtSql, at, firstAnswerDelayDaysSql } from "@/server/answers/due-date";

/*
 * Published contributions in figures, per fiche: avis and propositions, and the City's answers
 * (answered / waiting / late, delays). One query for the whole plan, whatever the number of rows,
 * that never reads every contribution (issue 15): the counts from `contribution_figures` (kept by
 * PostgreSQL with every write, docs/decisions/0029), waiting and late from the proposals awaiting an
 * answer (contributions_awaiting_answer), the delays from the answered ones (contributions_answered).
 * `status = 'published'` is the only filter that makes a contribution public.
 */
export interface ContributionTally extends AnswerTally {
  feedback: number;
  proposals: number;
}
export type Tallies = Map<number, ContributionTally>;

/** The one query of `loadTallies` (tests/integration/query-plans.test.ts reads its plan). */
export function talliesQuery(db: Db, planId: number, now: Date, onlyActionId?: number) {
  const f = contributionFigures;
  const only = (column: typeof f.actionId | typeof contributions.actionId): SQL | undefined =>
    onlyActionId === undefined ? undefined : eq(column, onlyActionId);
  const publishedProposal = and(eq(contributions.status, "published"), eq(contributions.kind, "proposal"));
  const counts = db
    .select({
      actionId: f.actionId,
      feedback: sql<number>`(coalesce(sum(${f.published}) filter (where ${f.kind} = 'feedback'), 0))::int`.as("feedback"),
      proposals: sql<number>`(coalesce(sum(${f.published}) filter (where ${f.kind} = 'proposal'), 0))::int`.as("proposals"),
      answered: sql<number>`(coalesce(sum(${f.answered}), 0))::int`.as("answered"),
    })
    .from(f)
    .where(only(f.actionId))
    .groupBy(f.actionId)
    .as("counts");
  const awaiting = db
    .select({
      actionId: contributions.actionId,
      waiting: sql<number>`(count(*) filter (where ${answerDueAtSql} >= ${at(now)}))::int`.as("waiting"),
      late: sql<number>`(count(*) filter (where ${answerDueAtSql} < ${at(now)}))::int`.as("late"),
    })
    .from(contributions)
    .where(and(publishedProposal, isNull(contributions.firstAnsweredAt), only(contributions.actionId)))
    .groupBy(contributions.actionId)
    .as("awaiting");
  const answered = db
    .select({
      actionId: contributions.actionId,
      delays: sql<(number | string)[]>`array_agg(${firstAnswerDelayDaysSql})`.as("delays"),
    })
    .from(contributions)
    .where(and(publishedProposal, isNotNull(contributions.firstAnsweredAt), only(contributions.actionId)))
    .groupBy(contributions.actionId)
    .as("answered");
  return db
    .select({
      actionId: counts.actionId,
      feedback: counts.feedback,
      proposals: counts.proposals,
      answered: counts.answered,
      waiting: awaiting.waiting,
      late: awaiting.late,
      delays: answered.delays,
    })
    .from(counts)
    .innerJoin(actions, eq(actions.id, counts.actionId))
    .leftJoin(awaiting, eq(awaiting.actionId, counts.actionId))
    .leftJoin(answered, eq(answered.actionId, counts.actionId))
    .where(eq(actions.planId, planId));
}

export async function loadTallies(db: Db, planId: number, now: Date, onlyActionId?: number): Promise<Tallies> {
  const rows = await talliesQuery(db, planId, now, onlyActionId);
  return new Map(
    rows.map(({ actionId, delays, ...r }) => [
      actionId,
      {
        feedback: Number(r.feedback),
        proposals: Number(r.proposals),
        answered: Number(r.answered),
        waiting: Number(r.waiting ?? 0),
        late: Number(r.late ?? 0),
        delays: (delays ?? []).map(Number),
      },
    ]),
  );
}
