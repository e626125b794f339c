import "server-only";
import { and, eq, gte, isNotNull, isNull, sql, type SQL } from "drizzle-orm";
import type { Db } from "@/db/client";
import { actions, contributionFigures, contributions } from "@/db/schema";
import type { AnswerStats } from "@/lib/answer-stats";
import { answerDelaySql, answerDueDaysSql, at, medianFirstAnswerDaysSql } from "@/server/answers/due-date";

/*
 * Published contributions in figures, without ever reading every contribution (issue 15).
 * `status = 'published'` is the only filter that makes a contribution public.
 *   - loadTallies: avis and propositions per fiche, from `contribution_figures` (kept by PostgreSQL
 *     with every write, docs/decisions/0029) — the lists of fiches of the home and theme pages;
 *   - loadFigures: the same counts and the City's answers (answered / waiting / late, median delay)
 *     for one fiche or the whole plan — the fiche's and the home page's answer figures. Only these
 *     two pages read the proposals themselves, and only what the counts cannot hold: the proposals
 *     not due yet (those published within the answer delay) and the middle of the answer delays
 *     (the plan's at its rank in contributions_answer_delay; a fiche's over its own proposals). The
 *     theme page, rendered again after every write on one of its fiches, reads the figures table only.
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
  // The plan's fiches as one array, computed once: each index below is then read in its own order,
  // the fiche tested on each entry, instead of a join with the fiches.
  const inScope = (column: typeof f.actionId | typeof contributions.actionId): SQL =>
    "actionId" in scope
      ? eq(column, scope.actionId)
      : sql`${column} = any(array(${db.select({ id: actions.id }).from(actions).where(eq(actions.planId, scope.planId))}))`;
  const publishedProposal = and(eq(contributions.status, "published"), eq(contributions.kind, "proposal"), inScope(contributions.actionId));
  const awaitingProposal = and(publishedProposal, isNull(contributions.firstAnsweredAt));
  const answeredProposal = and(publishedProposal, isNotNull(contributions.firstAnsweredAt));
  // The counts, from the figures table: awaiting = proposals − answered.
  const answeredSum = sql<number>`(coalesce(sum(${f.answered}), 0))::int`;
  const counts = db.$with("counts").as(
    db
      .select({ feedback: feedbackSum.as("feedback"), proposals: proposalsSum.as("proposals"), answered: answeredSum.as("answered") })
      .from(f)
      .where(inScope(f.actionId)),
  );
  // Of the awaiting proposals, those not due yet (late ones are the rest, and depend on `now`: not
  // kept). Counted from the due date onwards, so only the proposals published within the answer
  // delay are read, however many are late: those with a due date in the due-date order
  // (contributions_awaiting_answer), those without from one day before the earliest publication
  // still on time (the index's range; the exact test follows).
  const notDue = db
    .select({ dated: sql<number>`count(*)::int`.as("dated") })
    .from(contributions)
    .where(and(awaitingProposal, gte(contributions.answerDueAt, at(now))))
    .as("not_due");
  const notDueUndated = db
    .select({ undated: sql<number>`count(*)::int`.as("undated") })
    .from(contributions)
    .where(
      and(
        awaitingProposal,
        isNull(contributions.answerDueAt),
        sql`${contributions.publishedAt} >= ${at(now)} - make_interval(days => ${answerDueDaysSql} + 1)`,
        sql`${contributions.publishedAt} + make_interval(days => ${answerDueDaysSql}) >= ${at(now)}`,
      ),
    )
    .as("not_due_undated");
  // The median delay to a first answer. A fiche's answered proposals are few and in its own index
  // (contributions_proposals_by_action): their median is computed over all of them. The plan's are
  // every answered proposal: the middle one, or the two middle ones, are read at their rank in the
  // order of the delay (contributions_answer_delay), the rank from the figures' count: the home page
  // is rendered again after every approval, and sorting every delay (16,000 at 100,000 contributions)
  // cost it 9–10 ms each time (docs/benchmark.md).
  const answeredCount = sql`(select ${counts.answered} from ${counts})`;
  const answered =
    "actionId" in scope
      ? db
          .select({ medianDays: medianFirstAnswerDaysSql.as("median_days") })
          .from(contributions)
          .where(answeredProposal)
          .as("answered")
      : db
          .select({ medianDays: sql<number | null>`(extract(epoch from avg(middle.delay)) / 86400)::float8`.as("median_days") })
          .from(
            sql`(select ${answerDelaySql} as delay from ${contributions} where ${answeredProposal} order by ${answerDelaySql}
                 offset greatest((${answeredCount} - 1) / 2, 0) limit 2 - ${answeredCount} % 2) as middle`,
          )
          .as("answered");
  return db
    .with(counts)
    .select({
      feedback: counts.feedback,
      proposals: counts.proposals,
      answered: counts.answered,
      notDue: sql<number>`${notDue.dated} + ${notDueUndated.undated}`,
      medianDays: answered.medianDays,
    })
    .from(counts)
    .crossJoin(notDue)
    .crossJoin(notDueUndated)
    .crossJoin(answered);
}

/** Published avis and propositions, and the City's answers, of one fiche or of the whole plan. */
export async function loadFigures(db: Db, scope: FiguresScope, now: Date): Promise<Figures> {
  const [row] = await figuresQuery(db, scope, now);
  const proposals = Number(row?.proposals ?? 0);
  const answered = Number(row?.answered ?? 0);
  const waiting = Number(row?.notDue ?? 0);
  return {
    feedback: Number(row?.feedback ?? 0),
    proposals,
    answered,
    waiting,
    late: proposals - answered - waiting,
    medianDays: row?.medianDays === null || row?.medianDays === undefined ? null : Number(row.medianDays),
  };
}
