import "server-only";
import { and, count, eq, isNull, notInArray, sql, type SQL } from "drizzle-orm";
import type { Db } from "@/db/client";
import { contributions, notifications } from "@/db/schema";
import { can, type Actor } from "@/lib/permissions";

export interface Attention {
  /** Unread notifications of this person. */
  unread: number;
  /** Moderators: pending items they may decide + items hidden by reports waiting for review. Null for others. */
  waiting: number | null;
  /** Moderators and officials: published proposals with no answer yet that they may answer. Null for others. */
  toAnswer: number | null;
}

const notOwnCouncils = (actor: Actor): SQL[] => {
  const own = [...actor.councils.keys()];
  return own.length > 0 ? [notInArray(contributions.councilId, own)] : [];
};

/**
 * The three counts as queries (not yet run): each served by a partial index, never a scan of all
 * contributions — notifications_unread, contributions_pending + contributions_review,
 * contributions_unanswered (tests/integration/query-plans.test.ts reads their plans).
 */
export function attentionQueries(db: Db, actor: Actor) {
  return {
    unread: db
      .select({ n: count() })
      .from(notifications)
      .where(and(eq(notifications.userId, actor.id), isNull(notifications.readAt))),
    waiting: can(actor, "moderation.view")
      ? db
          .select({ n: count() })
          .from(contributions)
          .where(and(sql`(${contributions.status} = 'pending' or ${contributions.reviewRequired})`, ...notOwnCouncils(actor)))
      : null,
    toAnswer:
      actor.isModerator || actor.isOfficial
        ? db
            .select({ n: count() })
            .from(contributions)
            .where(
              and(
                eq(contributions.status, "published"),
                eq(contributions.kind, "proposal"),
                isNull(contributions.firstAnsweredAt),
                ...notOwnCouncils(actor),
              ),
            )
        : null,
  };
}

/** What needs this person's attention, for the account bar of the signed-in pages. One query per line. */
export async function loadAttention(db: Db, actor: Actor): Promise<Attention> {
  const queries = attentionQueries(db, actor);
  const [unreadRows, waitingRows, toAnswerRows] = await Promise.all([queries.unread, queries.waiting, queries.toAnswer]);
  return {
    unread: unreadRows[0]?.n ?? 0,
    waiting: waitingRows ? (waitingRows[0]?.n ?? 0) : null,
    toAnswer: toAnswerRows ? (toAnswerRows[0]?.n ?? 0) : null,
  };
}
