import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { actions, contributions } from "@/db/schema";
import type { AnswerTally } from "@/lib/answer-stats";
import { answerDueAtSql, at, firstAnswerDelayDaysSql } from "@/server/answers/due-date";

/*
 * Published contributions in figures, per fiche: avis and propositions, and the City's answers
 * (answered / waiting / late, delays). One query for the whole plan, whatever the number of rows.
 * `status = 'published'` is the only filter that makes a contribution public.
 */
export interface ContributionTally extends AnswerTally {
  feedback: number;
  proposals: number;
}
export type Tallies = Map<number, ContributionTally>;

export async function loadTallies(db: Db, planId: number, now: Date, onlyActionId?: number): Promise<Tallies> {
  const proposal = sql`${contributions.kind} = 'proposal'`;
  const unanswered = sql`${proposal} and ${contributions.firstAnsweredAt} is null`;
  const rows = await db
    .select({
      actionId: contributions.actionId,
      feedback: sql<number>`(count(*) filter (where ${contributions.kind} = 'feedback'))::int`,
      proposals: sql<number>`(count(*) filter (where ${proposal}))::int`,
      answered: sql<number>`(count(*) filter (where ${proposal} and ${contributions.firstAnsweredAt} is not null))::int`,
      waiting: sql<number>`(count(*) filter (where ${unanswered} and ${answerDueAtSql} >= ${at(now)}))::int`,
      late: sql<number>`(count(*) filter (where ${unanswered} and ${answerDueAtSql} < ${at(now)}))::int`,
      delays: sql<
        (number | string)[] | null
      >`array_agg(${firstAnswerDelayDaysSql}) filter (where ${proposal} and ${contributions.firstAnsweredAt} is not null)`,
    })
    .from(contributions)
    .innerJoin(actions, eq(actions.id, contributions.actionId))
    .where(
      and(
        eq(contributions.status, "published"),
        eq(actions.planId, planId),
        onlyActionId === undefined ? undefined : eq(contributions.actionId, onlyActionId),
      ),
    )
    .groupBy(contributions.actionId);
  return new Map(
    rows.map(({ actionId, delays, ...r }) => [
      actionId,
      {
        feedback: Number(r.feedback),
        proposals: Number(r.proposals),
        answered: Number(r.answered),
        waiting: Number(r.waiting),
        late: Number(r.late),
        delays: (delays ?? []).map(Number),
      },
    ]),
  );
}
