import "server-only";
import { and, asc, desc, eq, inArray, sql, type SQL } from "drizzle-orm";
import type { Db } from "@/db/client";
import { actions, contributionAnswers, contributionFigures, contributions, contributionSupports, councils, users } from "@/db/schema";
import { selectAnswers, type AnswerView } from "./select-answers";
import { contributionAuthorName } from "@/server/plan/author-name";
import { answerDueAtSql } from "@/server/answers/due-date";
import type { Receipt } from "@/lib/paper-contribution";

/*
 * The one public read of contributions, for a fiche's pages and a council's public page
 * (server/councils/get-public-council.ts): `status = 'published'` is written here once.
 */

export interface PublishedContribution {
  id: number;
  kind: "feedback" | "proposal";
  position: "favorable" | "favorable_with_reservations" | "unfavorable" | null;
  title: string | null;
  body: string;
  councilName: string;
  /** The council's public page; null when the council is archived (its page is gone). */
  councilSlug: string | null;
  actionSlug: string;
  actionTitle: string;
  /** The author's display name (they are told so on the form); null if the account was removed. */
  authorName: string | null;
  publishedAt: Date;
  /** Received on paper, by mail or in a meeting and recorded by the City (lib/paper-contribution.ts); null if written on the site. */
  receivedVia: Receipt | null;
  receivedOn: string | null;
  /** Demo data written by the development seed (shown with a marker). */
  isDemo: boolean;
  /** When the City's first answer is due (proposals; publication + the settings' delay). */
  answerDueAt: Date;
  /** Proposals: the City's answers, oldest first (the last one is the current state). */
  answers: AnswerView[];
  /** Proposals: the councils that support it, in the order they did. */
  supporters: { name: string; slug: string | null }[];
}

export const CONTRIBUTIONS_PER_PAGE = 10;

/** What makes a contribution public, for the reads that join contributions to something else (answers). */
export const isPublished: SQL = eq(contributions.status, "published");

/** A published contribution's public fields, with the council and fiche it belongs to and its author's name. */
const publishedColumns = {
  id: contributions.id,
  kind: contributions.kind,
  position: contributions.position,
  title: contributions.title,
  body: contributions.body,
  councilName: councils.name,
  /** Null when the council is archived (its page is gone). */
  councilSlug: sql<string | null>`case when ${councils.archivedAt} is null then ${councils.slug} end`,
  actionSlug: actions.slug,
  actionTitle: actions.title,
  authorName: contributionAuthorName,
  publishedAt: contributions.publishedAt,
  receivedVia: contributions.receivedVia,
  receivedOn: contributions.receivedOn,
  isDemo: contributions.isDemo,
};

/**
 * The published contributions matching `where` (all of them without), with their public fields and `extra` columns, for
 * the caller to order and limit: these pages, and the feeds (server/feeds/). The published
 * condition is added here, so no caller can forget it.
 */
export function selectPublished<Extra extends Record<string, SQL | SQL.Aliased>>(db: Db, extra: Extra, where?: SQL) {
  return db
    .select({ ...publishedColumns, ...extra })
    .from(contributions)
    .innerJoin(councils, eq(councils.id, contributions.councilId))
    .innerJoin(actions, eq(actions.id, contributions.actionId))
    .leftJoin(users, eq(users.id, contributions.authorId))
    .where(and(isPublished, where));
}

export interface ContributionList {
  items: PublishedContribution[];
  page: number;
  pageCount: number;
  total: number;
}

type ContributionScope = { actionId: number } | { councilId: number };

const pageCountOf = (total: number) => Math.max(1, Math.ceil(total / CONTRIBUTIONS_PER_PAGE));

/**
 * The three queries of one page of a list (tests/integration/query-plans.test.ts reads their
 * plans). The total comes from `contribution_figures` (kept by PostgreSQL in the transaction of
 * every write to `contributions`, decision 0029), computed once per query: a `count(*) over ()` made
 * PostgreSQL build every published row of the fiche — joins and author's name included — before
 * keeping 10. 139 ms for a fiche of 7,200 published contributions, at its first render after each
 * approval (issue 15); the figures' rows of that fiche, under a millisecond.
 */
export function publishedPageQueries(db: Db, scope: ContributionScope, page = 1) {
  const where: SQL = "actionId" in scope ? eq(contributions.actionId, scope.actionId) : eq(contributions.councilId, scope.councilId);
  const figuresOf: SQL =
    "actionId" in scope ? eq(contributionFigures.actionId, scope.actionId) : eq(contributionFigures.councilId, scope.councilId);
  const total = sql<number>`(select coalesce(sum(${contributionFigures.published}), 0) from ${contributionFigures} where ${figuresOf})::int`;
  const order = [desc(contributions.publishedAt), desc(contributions.id)];
  const offset = (page - 1) * CONTRIBUTIONS_PER_PAGE;
  const pageIds = db
    .select({ id: contributions.id })
    .from(contributions)
    .where(and(isPublished, where))
    .orderBy(...order)
    .limit(CONTRIBUTIONS_PER_PAGE)
    .offset(offset);
  return {
    // Shown under a proposal the City has not answered yet (fixed once published).
    items: selectPublished(db, { answerDueAt: answerDueAtSql, total }, where)
      .orderBy(...order)
      .limit(CONTRIBUTIONS_PER_PAGE)
      .offset(offset),
    answers: selectAnswers(db, inArray(contributionAnswers.contributionId, pageIds)),
    supports: db
      .select({
        contributionId: contributionSupports.contributionId,
        name: councils.name,
        slug: sql<string | null>`case when ${councils.archivedAt} is null then ${councils.slug} end`,
      })
      .from(contributionSupports)
      .innerJoin(councils, eq(councils.id, contributionSupports.councilId))
      .where(inArray(contributionSupports.contributionId, pageIds))
      .orderBy(asc(contributionSupports.createdAt), asc(councils.name)),
  };
}

/**
 * One page of published contributions (of a fiche or of a council), newest first, with their
 * answers and supporting councils. The one public read of contributions: `status = 'published'`
 * is written here once, so draft, pending, rejected and hidden items never come out (nor their
 * answers or supports). Three queries, whatever the number of items.
 */
export async function loadPublishedContributions(db: Db, scope: ContributionScope, page = 1): Promise<ContributionList> {
  const queries = publishedPageQueries(db, scope, page);
  const [rows, answers, supports] = await Promise.all([queries.items, queries.answers, queries.supports]);
  const total = rows[0] ? Number(rows[0].total) : 0;
  const items = rows.map(({ total: _total, publishedAt, ...r }) => ({
    ...r,
    publishedAt: publishedAt ?? new Date(0),
    answers: answers.filter((a) => a.contributionId === r.id).map(({ contributionId: _c, ...a }) => a),
    supporters: supports.filter((s) => s.contributionId === r.id).map(({ contributionId: _c, ...s }) => s),
  }));
  return { items, page, pageCount: pageCountOf(total), total };
}
