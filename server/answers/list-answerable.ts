import "server-only";
import { and, asc, eq, exists, isNotNull, isNull, notInArray, sql, type SQL } from "drizzle-orm";
import type { Db } from "@/db/client";
import { actions, contributionAnswers, contributionFigures, contributions, councils, users } from "@/db/schema";
import { forbidden, notFound, ok, unauthenticated, type ActionResult } from "@/lib/action-result";
import { can, type Actor, type MaybeActor } from "@/lib/permissions";
import type { AnswerState, answerQueueStates } from "@/lib/validation/answer";
import { selectAnswers, type AnswerView } from "@/server/plan/select-answers";
import { answerDueAtSql, at } from "./due-date";
import { contributionAuthorName } from "@/server/plan/author-name";

/** Who may open the answers pages: moderators and officials (the City). */
export const isCityStaff = (actor: Actor) => actor.isModerator || actor.isOfficial;

export type AnswerQueueState = (typeof answerQueueStates)[number];

export interface AnswerQueueFilters {
  councilId?: number;
  actionSlug?: string;
  state?: AnswerQueueState;
}

export interface AnswerQueueItem {
  id: number;
  title: string;
  council: { id: number; name: string };
  action: { slug: string; title: string };
  publishedAt: Date;
  dueAt: Date;
  firstAnsweredAt: Date | null;
  /** No answer and the due date has passed. */
  late: boolean;
  answerCount: number;
  /** The state given by the latest answer; null when not answered. */
  currentState: AnswerState | null;
}

/** The proposals of one page of the answers list. */
export const ANSWER_PAGE_SIZE = 25;

export interface AnswerQueue {
  /** At most ANSWER_PAGE_SIZE. */
  items: AnswerQueueItem[];
  /** How many proposals match the filters, in all. */
  total: number;
  /** The id to continue after (`?apres=`), when more proposals follow. */
  nextAfter: number | null;
  /** For the filters: councils and fiches of the proposals this person may answer. */
  councils: { id: number; name: string }[];
  actions: { slug: string; title: string }[];
}

/*
 * The order of the list: the unanswered ones by due date (so the late ones first: their date has
 * passed), then the answered ones, latest first answer first; then the id. As one ascending key
 * (group, seconds, id), whatever the time.
 */
const sortGroup = () => sql`(case when ${contributions.firstAnsweredAt} is null then 0 else 1 end)`;
const sortSeconds = () =>
  sql`(case when ${contributions.firstAnsweredAt} is null then extract(epoch from ${answerDueAtSql}) else -extract(epoch from ${contributions.firstAnsweredAt}) end)`;

/*
 * One page in that order without computing the key of every proposal (issue 15): three runs, each
 * read in the order of an index and cut at a page — the unanswered proposals with a due date
 * (contributions_awaiting_answer: due date, id), those without (a row published before the due date
 * was kept: publication + the delay, in the same order as the publication), the answered ones
 * (contributions_answered: first answer newest first, id) —, then the first page of the three.
 * The cursor `after` is a proposal's id: its due date if it is unanswered (a unanswered cursor:
 * the rest of its run, then every answered proposal), its first answer otherwise.
 */
function pageIds(conditions: SQL[], state: AnswerQueueState | undefined, after: number | null | undefined): SQL {
  const limit = sql.raw(String(ANSWER_PAGE_SIZE + 1));
  const unanswered = isNull(contributions.firstAnsweredAt);
  // Inside each subquery, `contributions` names that subquery's own table (the cursor row's, here).
  const cursorDue = sql`(select case when ${unanswered} then ${answerDueAtSql} end from ${contributions} where ${contributions.id} = ${after})`;
  const cursorAnswered = sql`coalesce((select ${contributions.firstAnsweredAt} from ${contributions} where ${contributions.id} = ${after}), 'infinity'::timestamptz)`;
  const run = (where: (SQL | undefined)[], orderBy: SQL) =>
    sql`(select ${contributions.id}, ${sortGroup()} as g, ${sortSeconds()} as s from ${contributions} where ${and(...conditions, ...where)} order by ${orderBy} limit ${limit})`;
  const runs: SQL[] = [];
  if (state !== "repondues") {
    runs.push(
      run(
        [
          unanswered,
          isNotNull(contributions.answerDueAt),
          after ? sql`(${contributions.answerDueAt}, ${contributions.id}) > (${cursorDue}, ${after})` : undefined,
        ],
        sql`${contributions.answerDueAt}, ${contributions.id}`,
      ),
      run(
        [
          unanswered,
          isNull(contributions.answerDueAt),
          after ? sql`(${answerDueAtSql}, ${contributions.id}) > (${cursorDue}, ${after})` : undefined,
        ],
        sql`${contributions.publishedAt}, ${contributions.id}`,
      ),
    );
  }
  if (state === undefined || state === "repondues") {
    runs.push(
      run(
        [
          isNotNull(contributions.firstAnsweredAt),
          after
            ? sql`${contributions.firstAnsweredAt} <= ${cursorAnswered} and (${contributions.firstAnsweredAt} < ${cursorAnswered} or ${contributions.id} > ${after})`
            : undefined,
        ],
        sql`${contributions.firstAnsweredAt} desc nulls last, ${contributions.id}`,
      ),
    );
  }
  return sql`(select page.id from (${sql.join(runs, sql` union all `)}) as page order by page.g, page.s, page.id limit ${limit})`;
}

/**
 * The four queries of one page of the answers list, not yet run (tests/integration/query-plans.test.ts
 * reads their plans): the page (read in index order, see pageIds), the total and the filters'
 * choices (from `contribution_figures`; the late ones from contributions_awaiting_answer).
 */
export function answerQueueQueries(
  db: Db,
  actor: Actor,
  filters: AnswerQueueFilters = {},
  page: { after?: number | null } = {},
  now = new Date(),
) {
  const own = [...actor.councils.keys()];
  const f = contributionFigures;
  // The same filters on the contributions and on their figures.
  const filtersOn = (table: {
    councilId: typeof f.councilId | typeof contributions.councilId;
    actionId: typeof f.actionId | typeof contributions.actionId;
  }) => [
    ...(own.length > 0 ? [notInArray(table.councilId, own)] : []),
    ...(filters.councilId ? [eq(table.councilId, filters.councilId)] : []),
    ...(filters.actionSlug
      ? [sql`${table.actionId} = (select ${actions.id} from ${actions} where ${actions.slug} = ${filters.actionSlug})`]
      : []),
  ];
  const late = sql`${answerDueAtSql} < ${at(now)}`;
  const conditions = [
    eq(contributions.status, "published"),
    eq(contributions.kind, "proposal"),
    ...filtersOn(contributions),
    ...(filters.state === "en-retard" ? [late] : []),
  ];
  const unanswered = sql`${contributions.firstAnsweredAt} is null`;
  const proposalFigures = and(eq(f.kind, "proposal"), ...filtersOn(f));
  const counted =
    filters.state === "sans-reponse"
      ? sql`${f.published} - ${f.answered}`
      : filters.state === "repondues"
        ? sql`${f.answered}`
        : sql`${f.published}`;
  const totalQuery =
    filters.state === "en-retard"
      ? db
          .select({ n: sql<number>`count(*)::int` })
          .from(contributions)
          .where(and(...conditions, unanswered))
      : db
          .select({ n: sql<number>`coalesce(sum(${counted}), 0)::int` })
          .from(f)
          .where(proposalFigures);
  const anyProposal = (column: SQL) =>
    exists(
      db
        .select({ one: sql`1` })
        .from(f)
        .where(and(column, eq(f.kind, "proposal"), ...(own.length > 0 ? [notInArray(f.councilId, own)] : []))),
    );

  return {
    page: db
      .select({
        id: contributions.id,
        title: contributions.title,
        councilId: councils.id,
        councilName: councils.name,
        actionSlug: actions.slug,
        actionTitle: actions.title,
        publishedAt: contributions.publishedAt,
        dueAt: answerDueAtSql,
        firstAnsweredAt: contributions.firstAnsweredAt,
        late: sql<boolean>`(${unanswered} and ${late})`,
        answerCount: sql<number>`(select count(*)::int from ${contributionAnswers} where ${contributionAnswers.contributionId} = ${contributions.id})`,
        currentState: sql<AnswerState | null>`(select ${contributionAnswers.state} from ${contributionAnswers} where ${contributionAnswers.contributionId} = ${contributions.id} order by ${contributionAnswers.createdAt} desc, ${contributionAnswers.id} desc limit 1)`,
      })
      .from(contributions)
      .innerJoin(councils, eq(councils.id, contributions.councilId))
      .innerJoin(actions, eq(actions.id, contributions.actionId))
      .where(sql`${contributions.id} in ${pageIds(conditions, filters.state, page.after)}`)
      .orderBy(sortGroup(), sortSeconds(), asc(contributions.id)),
    total: totalQuery,
    // The filters' choices: each council and fiche with at least one proposal to show, from the
    // figures (a few rows per council and fiche), not from every published proposal.
    councils: db
      .select({ id: councils.id, name: councils.name })
      .from(councils)
      .where(anyProposal(sql`${f.councilId} = ${councils.id}`)),
    actions: db
      .select({ slug: actions.slug, title: actions.title })
      .from(actions)
      .where(anyProposal(sql`${f.actionId} = ${actions.id}`)),
  };
}

/**
 * The published proposals the City may answer, for moderators and officials: late ones first, then
 * the due soonest, then the answered ones (latest first answer first), one page at a time: those
 * strictly after the proposal `after` (keyset), and how many match the filters in all. Never a
 * proposal of a council the person belongs to. Four queries, whatever the number of proposals
 * (answerQueueQueries).
 */
export async function listAnswerableProposals(
  db: Db,
  actor: MaybeActor,
  filters: AnswerQueueFilters = {},
  page: { after?: number | null } = {},
  now = new Date(),
): Promise<ActionResult<AnswerQueue>> {
  if (!actor) return unauthenticated();
  if (!isCityStaff(actor)) return forbidden();
  const queries = answerQueueQueries(db, actor, filters, page, now);
  const [rows, [totalRow], councilOptions, actionOptions] = await Promise.all([
    queries.page,
    queries.total,
    queries.councils,
    queries.actions,
  ]);
  const shown = rows.slice(0, ANSWER_PAGE_SIZE);
  return ok({
    total: totalRow?.n ?? 0,
    nextAfter: rows.length > ANSWER_PAGE_SIZE ? (shown.at(-1)?.id ?? null) : null,
    items: shown.map((r) => ({
      id: r.id,
      title: r.title ?? "",
      council: { id: r.councilId, name: r.councilName },
      action: { slug: r.actionSlug, title: r.actionTitle },
      publishedAt: r.publishedAt ?? now,
      dueAt: r.dueAt,
      firstAnsweredAt: r.firstAnsweredAt,
      late: Boolean(r.late),
      answerCount: Number(r.answerCount),
      currentState: r.currentState,
    })),
    councils: councilOptions.sort((a, b) => a.name.localeCompare(b.name, "fr")),
    actions: actionOptions.sort((a, b) => a.title.localeCompare(b.title, "fr")),
  });
}

export interface ProposalToAnswer {
  id: number;
  title: string;
  body: string;
  council: { name: string };
  action: { slug: string; title: string };
  authorName: string | null;
  publishedAt: Date;
  dueAt: Date;
  late: boolean;
  /** Oldest first. */
  answers: AnswerView[];
}

/**
 * One published proposal with its answer history, for the answer page. FORBIDDEN for anyone who
 * may not answer it (not staff, or a member of its council); NOT_FOUND if it is not a published
 * proposal. Two queries.
 */
export async function getProposalToAnswer(
  db: Db,
  actor: MaybeActor,
  id: number,
  now = new Date(),
): Promise<ActionResult<ProposalToAnswer>> {
  if (!actor) return unauthenticated();
  if (!isCityStaff(actor)) return forbidden();
  if (!Number.isInteger(id) || id <= 0) return notFound("Proposition");
  const [[row], answers] = await Promise.all([
    db
      .select({
        id: contributions.id,
        councilId: contributions.councilId,
        kind: contributions.kind,
        status: contributions.status,
        title: contributions.title,
        body: contributions.body,
        councilName: councils.name,
        actionSlug: actions.slug,
        actionTitle: actions.title,
        authorName: contributionAuthorName,
        publishedAt: contributions.publishedAt,
        dueAt: answerDueAtSql,
        late: sql<boolean>`(${contributions.firstAnsweredAt} is null and ${answerDueAtSql} < ${at(now)})`,
      })
      .from(contributions)
      .innerJoin(councils, eq(councils.id, contributions.councilId))
      .innerJoin(actions, eq(actions.id, contributions.actionId))
      .leftJoin(users, eq(users.id, contributions.authorId))
      .where(eq(contributions.id, id)),
    selectAnswers(db, eq(contributionAnswers.contributionId, id)),
  ]);
  if (!row || row.kind !== "proposal" || row.status !== "published") return notFound("Proposition publiée");
  if (!can(actor, "contribution.answer", { councilId: row.councilId, contributionKind: row.kind, contributionStatus: row.status }))
    return forbidden();
  return ok({
    id: row.id,
    title: row.title ?? "",
    body: row.body,
    council: { name: row.councilName },
    action: { slug: row.actionSlug, title: row.actionTitle },
    authorName: row.authorName,
    publishedAt: row.publishedAt ?? now,
    dueAt: row.dueAt,
    late: Boolean(row.late),
    answers,
  });
}
