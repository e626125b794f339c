import "server-only";
import { and, desc, eq, inArray, sql, type SQL } from "drizzle-orm";
import type { PgColumn } from "drizzle-orm/pg-core";
import type { Db } from "@/db/client";
import { actions, actionThemes, contributionAnswers, contributions, councils, progressReports } from "@/db/schema";
import { FEED_ENTRY_LIMIT } from "@/lib/feeds";
import { reportColumns } from "@/server/plan/columns";
import { listPage } from "@/server/plan/contribution-link";
import type { ProgressReportView } from "@/server/plan/load-action-page";
import { isPublished, selectPublished, type PublishedContribution } from "@/server/plan/load-published-contributions";
import { answerColumns, type AnswerView } from "@/server/plan/select-answers";
import type { FeedFilter } from "./find-feed-subject";

/*
 * A feed's items: points d'étape, published avis and propositions, the City's answers to published
 * proposals — only what the public pages show, read with their column sets and their published
 * condition (server/plan/). Newest first, the latest FEED_ENTRY_LIMIT only.
 */

/** A point d'étape: its public fields (the fiche page's), when it was posted, its fiche. */
export type FeedReport = Omit<ProgressReportView, "revisions"> & {
  kind: "report";
  createdAt: Date;
  actionSlug: string;
  actionTitle: string;
};

/** Its page in the list the feed links to: its council's in a council's feed, else its fiche's. */
type ListPage = { page: number };

/** A published avis or proposition, with the public fields of the pages' cards (not its answers nor supports). */
export type FeedContribution = Omit<PublishedContribution, "kind" | "councilSlug" | "answerDueAt" | "answers" | "supporters"> &
  ListPage & { kind: "contribution"; contributionKind: PublishedContribution["kind"] };

/** An answer of the City, with the proposal it answers. */
export type FeedAnswer = AnswerView &
  ListPage & {
    kind: "answer";
    contributionId: number;
    proposalTitle: string | null;
    councilName: string;
    actionSlug: string;
    actionTitle: string;
    isDemo: boolean;
  };

export type FeedItem = FeedReport | FeedContribution | FeedAnswer;

/** When an item entered the feed, or last changed there (a corrected point d'étape). */
export function itemDate(item: FeedItem): Date {
  if (item.kind === "report") return item.correctedAt ?? item.createdAt;
  return item.kind === "contribution" ? item.publishedAt : item.createdAt;
}

/** The rows of `actionId` that belong to the filter's theme, fiche or council (undefined: all of them). */
function scopeOf(db: Db, filter: FeedFilter, actionId: PgColumn, councilId: PgColumn | null): SQL | undefined {
  if ("themeId" in filter)
    return inArray(actionId, db.select({ id: actionThemes.actionId }).from(actionThemes).where(eq(actionThemes.themeId, filter.themeId)));
  if ("actionId" in filter) return eq(actionId, filter.actionId);
  if ("councilId" in filter) return councilId ? eq(councilId, filter.councilId) : sql`false`;
  return undefined;
}

/**
 * The latest items of a feed, newest first, at most FEED_ENTRY_LIMIT: three queries (points
 * d'étape, contributions, answers), each limited, merged here. A council's feed has no points
 * d'étape (they belong to fiches).
 */
export async function loadFeedItems(db: Db, filter: FeedFilter): Promise<FeedItem[]> {
  const page = listPage(sql`${contributions}`, "councilId" in filter ? "council" : "fiche");
  const reportScope = scopeOf(db, filter, progressReports.actionId, null);
  const [reports, published, answers] = await Promise.all([
    "councilId" in filter
      ? Promise.resolve([])
      : db
          .select({ ...reportColumns, createdAt: progressReports.createdAt, actionSlug: actions.slug, actionTitle: actions.title })
          .from(progressReports)
          .innerJoin(actions, eq(actions.id, progressReports.actionId))
          .where(reportScope)
          .orderBy(desc(progressReports.createdAt), desc(progressReports.id))
          .limit(FEED_ENTRY_LIMIT),
    selectPublished(db, { page }, scopeOf(db, filter, contributions.actionId, contributions.councilId))
      .orderBy(desc(contributions.publishedAt), desc(contributions.id))
      .limit(FEED_ENTRY_LIMIT),
    db
      .select({
        ...answerColumns,
        proposalTitle: contributions.title,
        councilName: councils.name,
        actionSlug: actions.slug,
        actionTitle: actions.title,
        isDemo: contributions.isDemo,
        page,
      })
      .from(contributionAnswers)
      // An answer is public while its proposal is.
      .innerJoin(contributions, and(eq(contributions.id, contributionAnswers.contributionId), isPublished))
      .innerJoin(councils, eq(councils.id, contributions.councilId))
      .innerJoin(actions, eq(actions.id, contributions.actionId))
      .where(scopeOf(db, filter, contributions.actionId, contributions.councilId))
      .orderBy(desc(contributionAnswers.createdAt), desc(contributionAnswers.id))
      .limit(FEED_ENTRY_LIMIT),
  ]);
  const items: FeedItem[] = [
    ...reports.map((r) => ({ kind: "report" as const, ...r })),
    ...published.map(({ kind, councilSlug: _slug, page: n, publishedAt, ...c }) => ({
      ...c,
      kind: "contribution" as const,
      contributionKind: kind,
      publishedAt: publishedAt ?? new Date(0),
      page: Number(n),
    })),
    ...answers.map(({ page: n, ...a }) => ({ ...a, kind: "answer" as const, page: Number(n) })),
  ];
  const order = { report: 0, contribution: 1, answer: 2 };
  return items
    .sort((a, b) => itemDate(b).getTime() - itemDate(a).getTime() || order[a.kind] - order[b.kind] || b.id - a.id)
    .slice(0, FEED_ENTRY_LIMIT);
}
