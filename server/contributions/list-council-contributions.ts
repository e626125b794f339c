import "server-only";
import { aliasedTable, and, asc, count, desc, eq, inArray, isNull, lte, sql, type SQL } from "drizzle-orm";
import type { Db } from "@/db/client";
import { actions, contributionComments, contributions, councils, users } from "@/db/schema";
import { forbidden, notFound, ok, unauthenticated, type ActionResult } from "@/lib/action-result";
import { can, type MaybeActor } from "@/lib/permissions";
import { contributionAuthorName } from "@/server/plan/author-name";
import type { Receipt } from "@/lib/paper-contribution";

export interface CouncilContribution {
  id: number;
  kind: "feedback" | "proposal";
  position: "favorable" | "favorable_with_reservations" | "unfavorable" | null;
  title: string | null;
  body: string;
  status: "draft" | "pending" | "published" | "rejected" | "hidden";
  action: { slug: string; title: string };
  authorName: string | null;
  /** Received on paper, by mail or in a meeting and recorded by the City; null if written on the site. */
  receivedVia: Receipt | null;
  receivedOn: string | null;
  createdAt: Date;
  submittedAt: Date | null;
  publishedAt: Date | null;
  /** Only for rejected items: the council sees why, the public never does. */
  rejectionReason: string | null;
  /** Only for hidden items: why the City took it down (or that reports hid it pending review). */
  hiddenReason: string | null;
  hiddenAt: Date | null;
  /** Last correction by the council while it was pending. */
  editedAt: Date | null;
  /** Internal comments, for drafts only: the COMMENTS_SHOWN latest, oldest first. */
  comments: { id: number; authorName: string | null; body: string; createdAt: Date }[];
  /** How many comments the draft has in all (more than `comments` when it has more than COMMENTS_SHOWN). */
  commentCount: number;
  canSubmit: boolean;
  canComment: boolean;
  canWithdraw: boolean;
}

/** Internal comments shown under each draft: the latest ones (the count says how many in all). */
export const COMMENTS_SHOWN = 20;

/** The sections of a council's list, each a set of statuses (a hidden item stays with the published ones). */
export const councilContributionGroups = {
  brouillons: ["draft"],
  "en-attente": ["pending"],
  refusees: ["rejected"],
  publiees: ["published", "hidden"],
} as const satisfies Record<string, readonly CouncilContribution["status"][]>;
export type CouncilContributionGroup = keyof typeof councilContributionGroups;
export const councilContributionGroupNames = Object.keys(councilContributionGroups) as CouncilContributionGroup[];

/** Every section's newest items on the overview; one section's page holds more. Bounded at any volume. */
export const OVERVIEW_SIZE = 10;
export const GROUP_PAGE_SIZE = 25;

interface CouncilSummary {
  id: number;
  slug: string;
  name: string;
  submissionPolicy: "any_member" | "referents_only";
}

export interface CouncilContributionSection {
  group: CouncilContributionGroup;
  /** How many items the section holds in all. */
  total: number;
  items: CouncilContribution[];
  /** The id to continue after (`?avant=`), when older items follow. */
  nextBefore: number | null;
}

export interface CouncilContributions {
  council: CouncilSummary;
  sections: CouncilContributionSection[];
}

/** The council, if the actor may work on its contributions (its members, and admins). */
export async function findCouncilForContributions(db: Db, actor: MaybeActor, councilSlug: string): Promise<ActionResult<CouncilSummary>> {
  if (!actor) return unauthenticated();
  const [council] = await db
    .select({ id: councils.id, slug: councils.slug, name: councils.name, submissionPolicy: councils.submissionPolicy })
    .from(councils)
    .where(and(eq(councils.slug, councilSlug), isNull(councils.archivedAt)));
  if (!council) return notFound("Conseil");
  if (!can(actor, "contribution.draft", { councilId: council.id })) return forbidden();
  return ok(council);
}

/**
 * A council's own contributions in every state (drafts with their comments, pending, published,
 * rejected with the reason), for its members only, newest first. Without `group`: every section
 * with its total and its newest items. With `group`: that section only, one page after `before`
 * (keyset on created_at, id — index contributions_council_status). Never more than
 * GROUP_PAGE_SIZE items per section, whatever the council holds.
 */
export async function listCouncilContributions(
  db: Db,
  actor: MaybeActor,
  councilSlug: string,
  options: { group?: CouncilContributionGroup | null; before?: number | null } = {},
): Promise<ActionResult<CouncilContributions>> {
  const found = await findCouncilForContributions(db, actor, councilSlug);
  if (!found.ok) return found;
  const council = found.data;
  const groups = options.group ? [options.group] : councilContributionGroupNames;
  const limit = options.group ? GROUP_PAGE_SIZE : OVERVIEW_SIZE;

  const [counts, ...pages] = await Promise.all([
    db
      .select({ status: contributions.status, total: count() })
      .from(contributions)
      .where(eq(contributions.councilId, council.id))
      .groupBy(contributions.status),
    ...groups.map((group) => {
      const older =
        options.group && options.before
          ? sql`(${contributions.createdAt}, ${contributions.id}) < (select c.created_at, c.id from contributions c where c.id = ${options.before} and c.council_id = ${council.id})`
          : undefined;
      return selectItems(
        db,
        and(eq(contributions.councilId, council.id), inArray(contributions.status, [...councilContributionGroups[group]]), older),
        limit + 1,
      );
    }),
  ]);
  const items = await withComments(
    db,
    actor!,
    council,
    pages.flatMap((rows) => rows.slice(0, limit)),
  );
  const byId = new Map(items.map((item) => [item.id, item]));
  return ok({
    council,
    sections: groups.map((group, i) => {
      const rows = pages[i]!;
      const shown = rows.slice(0, limit);
      return {
        group,
        total: counts
          .filter((c) => (councilContributionGroups[group] as readonly string[]).includes(c.status))
          .reduce((n, c) => n + c.total, 0),
        items: shown.map((row) => byId.get(row.id)!),
        nextBefore: rows.length > limit ? (shown.at(-1)?.id ?? null) : null,
      };
    }),
  });
}

/** One contribution of the council (to edit it, or to name the one just saved), for its members. */
export async function getCouncilContribution(
  db: Db,
  actor: MaybeActor,
  councilSlug: string,
  id: number,
): Promise<ActionResult<{ council: CouncilSummary; item: CouncilContribution }>> {
  const found = await findCouncilForContributions(db, actor, councilSlug);
  if (!found.ok) return found;
  const rows = await selectItems(db, and(eq(contributions.councilId, found.data.id), eq(contributions.id, id)), 1);
  const [item] = await withComments(db, actor!, found.data, rows);
  return item ? ok({ council: found.data, item }) : notFound("Contribution");
}

type ItemRow = Awaited<ReturnType<typeof selectItems>>[number];

/** Exported for tests/integration/query-plans.test.ts (its plan must use contributions_council_status). */
export function selectItems(db: Db, where: SQL | undefined, limit: number) {
  return db
    .select({
      id: contributions.id,
      kind: contributions.kind,
      position: contributions.position,
      title: contributions.title,
      body: contributions.body,
      status: contributions.status,
      actionSlug: actions.slug,
      actionTitle: actions.title,
      authorName: contributionAuthorName,
      receivedVia: contributions.receivedVia,
      receivedOn: contributions.receivedOn,
      createdAt: contributions.createdAt,
      submittedAt: contributions.submittedAt,
      publishedAt: contributions.publishedAt,
      rejectionReason: contributions.rejectionReason,
      hiddenReason: contributions.hiddenReason,
      hiddenAt: contributions.hiddenAt,
      editedAt: contributions.editedAt,
    })
    .from(contributions)
    .innerJoin(actions, eq(actions.id, contributions.actionId))
    .leftJoin(users, eq(users.id, contributions.authorId))
    .where(where)
    .orderBy(desc(contributions.createdAt), desc(contributions.id))
    .limit(limit);
}

/** The rows as the page shows them: drafts with their comments (one query), what the actor may do on each. */
async function withComments(
  db: Db,
  actor: NonNullable<MaybeActor>,
  council: CouncilSummary,
  rows: ItemRow[],
): Promise<CouncilContribution[]> {
  const draftIds = rows.filter((r) => r.status === "draft").map((r) => r.id);
  const commenter = aliasedTable(users, "commenter");
  // The latest COMMENTS_SHOWN of each draft, and each draft's count: a draft discussed at length
  // keeps the page bounded (the window is computed over the drafts' comments only, by index).
  const ranked = db
    .select({
      id: contributionComments.id,
      contributionId: contributionComments.contributionId,
      authorName: sql<string | null>`${commenter.displayName}`.as("author_name"),
      body: contributionComments.body,
      createdAt: contributionComments.createdAt,
      rank: sql<number>`row_number() over (partition by ${contributionComments.contributionId} order by ${contributionComments.createdAt} desc, ${contributionComments.id} desc)`.as(
        "rank",
      ),
      total: sql<number>`count(*) over (partition by ${contributionComments.contributionId})`.as("total"),
    })
    .from(contributionComments)
    .leftJoin(commenter, eq(commenter.id, contributionComments.authorId))
    .where(inArray(contributionComments.contributionId, draftIds))
    .as("ranked");
  const comments =
    draftIds.length === 0
      ? []
      : await db.select().from(ranked).where(lte(ranked.rank, COMMENTS_SHOWN)).orderBy(asc(ranked.createdAt), asc(ranked.id));
  return rows.map(({ actionSlug, actionTitle, ...r }) => ({
    ...r,
    action: { slug: actionSlug, title: actionTitle },
    rejectionReason: r.status === "rejected" ? r.rejectionReason : null,
    hiddenReason: r.status === "hidden" ? r.hiddenReason : null,
    comments: comments
      .filter((c) => c.contributionId === r.id)
      .map((c) => ({ id: c.id, authorName: c.authorName, body: c.body, createdAt: c.createdAt })),
    commentCount: Number(comments.find((c) => c.contributionId === r.id)?.total ?? 0),
    canSubmit: can(actor, "contribution.submit", {
      councilId: council.id,
      submissionPolicy: council.submissionPolicy,
      contributionStatus: r.status,
    }),
    canComment: can(actor, "contribution.comment", { councilId: council.id, contributionStatus: r.status }),
    canWithdraw: can(actor, "contribution.withdraw", { councilId: council.id, contributionStatus: r.status }),
  }));
}
