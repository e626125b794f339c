import "server-only";
import { and, asc, count, eq, exists, notInArray, sql, type SQL } from "drizzle-orm";
import type { Db } from "@/db/client";
import { actions, contributionAnswers, contributions, councils, users } from "@/db/schema";
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

const notOwn = (actor: Actor): SQL[] => {
  const own = [...actor.councils.keys()];
  return own.length > 0 ? [notInArray(contributions.councilId, own)] : [];
};

/*
 * The order of the list: the unanswered ones by due date (so the late ones first: their date has
 * passed), then the answered ones, latest first answer first; then the id. As one ascending key
 * (group, seconds, id), whatever the time: a plain keyset, `(key) > (the cursor row's key)`.
 */
const sortGroup = () => sql`(case when ${contributions.firstAnsweredAt} is null then 0 else 1 end)`;
const sortSeconds = () =>
  sql`(case when ${contributions.firstAnsweredAt} is null then extract(epoch from ${answerDueAtSql}) else -extract(epoch from ${contributions.firstAnsweredAt}) end)`;

/**
 * The published proposals the City may answer, for moderators and officials: late ones first, then
 * the due soonest, then the answered ones (latest first answer first), one page at a time: those
 * strictly after the proposal `after` (keyset), and how many match the filters in all. Never a
 * proposal of a council the person belongs to. Four queries, whatever the number of proposals.
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
  const base: SQL[] = [eq(contributions.status, "published"), eq(contributions.kind, "proposal"), ...notOwn(actor)];
  const conditions = [...base];
  if (filters.councilId) conditions.push(eq(contributions.councilId, filters.councilId));
  if (filters.actionSlug) conditions.push(eq(actions.slug, filters.actionSlug));
  const unanswered = sql`${contributions.firstAnsweredAt} is null`;
  if (filters.state === "sans-reponse") conditions.push(unanswered);
  if (filters.state === "en-retard") conditions.push(sql`${unanswered} and ${answerDueAtSql} < ${at(now)}`);
  if (filters.state === "repondues") conditions.push(sql`${contributions.firstAnsweredAt} is not null`);

  const where = and(...conditions);
  // The cursor row's key: the same expression, in a subquery whose own `contributions` hides the outer one.
  const key = sql`${sortGroup()}, ${sortSeconds()}, ${contributions.id}`;
  const after = page.after ? sql`(${key}) > (select ${key} from ${contributions} where ${contributions.id} = ${page.after})` : undefined;

  const [rows, [totalRow], councilOptions, actionOptions] = await Promise.all([
    db
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
        late: sql<boolean>`(${unanswered} and ${answerDueAtSql} < ${at(now)})`,
        answerCount: sql<number>`(select count(*)::int from ${contributionAnswers} where ${contributionAnswers.contributionId} = ${contributions.id})`,
        currentState: sql<AnswerState | null>`(select ${contributionAnswers.state} from ${contributionAnswers} where ${contributionAnswers.contributionId} = ${contributions.id} order by ${contributionAnswers.createdAt} desc, ${contributionAnswers.id} desc limit 1)`,
      })
      .from(contributions)
      .innerJoin(councils, eq(councils.id, contributions.councilId))
      .innerJoin(actions, eq(actions.id, contributions.actionId))
      .where(and(where, after))
      .orderBy(sortGroup(), sortSeconds(), asc(contributions.id))
      .limit(ANSWER_PAGE_SIZE + 1),
    db.select({ n: count() }).from(contributions).innerJoin(actions, eq(actions.id, contributions.actionId)).where(where),
    // The filters' choices: each council and fiche with at least one proposal to show — one index
    // probe each (a dozen councils, 14 fiches), not a DISTINCT over every published proposal.
    db
      .select({ id: councils.id, name: councils.name })
      .from(councils)
      .where(
        exists(
          db
            .select({ one: sql`1` })
            .from(contributions)
            .where(and(eq(contributions.councilId, councils.id), ...base)),
        ),
      ),
    db
      .select({ slug: actions.slug, title: actions.title })
      .from(actions)
      .where(
        exists(
          db
            .select({ one: sql`1` })
            .from(contributions)
            .where(and(eq(contributions.actionId, actions.id), ...base)),
        ),
      ),
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
