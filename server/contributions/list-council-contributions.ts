import "server-only";
import { aliasedTable, and, asc, desc, eq, inArray, isNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { actions, contributionComments, contributions, councils, users } from "@/db/schema";
import { forbidden, notFound, ok, unauthenticated, type ActionResult } from "@/lib/action-result";
import { can, type MaybeActor } from "@/lib/permissions";

export interface CouncilContribution {
  id: number;
  kind: "feedback" | "proposal";
  position: "favorable" | "favorable_with_reservations" | "unfavorable" | null;
  title: string | null;
  body: string;
  status: "draft" | "pending" | "published" | "rejected" | "hidden";
  action: { slug: string; title: string };
  authorName: string | null;
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
  /** Internal comments, for drafts only. */
  comments: { id: number; authorName: string | null; body: string; createdAt: Date }[];
  canSubmit: boolean;
  canComment: boolean;
  canWithdraw: boolean;
}

export interface CouncilContributions {
  council: { id: number; slug: string; name: string; submissionPolicy: "any_member" | "referents_only" };
  items: CouncilContribution[];
}

/**
 * A council's own contributions in every state (drafts with their comments, pending, published,
 * rejected with the reason), for its members only. Three queries.
 */
export async function listCouncilContributions(
  db: Db,
  actor: MaybeActor,
  councilSlug: string,
): Promise<ActionResult<CouncilContributions>> {
  if (!actor) return unauthenticated();
  const [council] = await db
    .select({ id: councils.id, slug: councils.slug, name: councils.name, submissionPolicy: councils.submissionPolicy })
    .from(councils)
    .where(and(eq(councils.slug, councilSlug), isNull(councils.archivedAt)));
  if (!council) return notFound("Conseil");
  if (!can(actor, "contribution.draft", { councilId: council.id })) return forbidden();

  const rows = await db
    .select({
      id: contributions.id,
      kind: contributions.kind,
      position: contributions.position,
      title: contributions.title,
      body: contributions.body,
      status: contributions.status,
      actionSlug: actions.slug,
      actionTitle: actions.title,
      authorName: users.displayName,
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
    .where(eq(contributions.councilId, council.id))
    .orderBy(desc(contributions.createdAt), desc(contributions.id));
  const draftIds = rows.filter((r) => r.status === "draft").map((r) => r.id);
  const commenter = aliasedTable(users, "commenter");
  const comments =
    draftIds.length === 0
      ? []
      : await db
          .select({
            id: contributionComments.id,
            contributionId: contributionComments.contributionId,
            authorName: commenter.displayName,
            body: contributionComments.body,
            createdAt: contributionComments.createdAt,
          })
          .from(contributionComments)
          .leftJoin(commenter, eq(commenter.id, contributionComments.authorId))
          .where(inArray(contributionComments.contributionId, draftIds))
          .orderBy(asc(contributionComments.createdAt), asc(contributionComments.id));

  return ok({
    council,
    items: rows.map(({ actionSlug, actionTitle, ...r }) => ({
      ...r,
      action: { slug: actionSlug, title: actionTitle },
      rejectionReason: r.status === "rejected" ? r.rejectionReason : null,
      hiddenReason: r.status === "hidden" ? r.hiddenReason : null,
      comments: comments.filter((c) => c.contributionId === r.id).map(({ contributionId: _c, ...c }) => c),
      canSubmit: can(actor, "contribution.submit", {
        councilId: council.id,
        submissionPolicy: council.submissionPolicy,
        contributionStatus: r.status,
      }),
      canComment: can(actor, "contribution.comment", { councilId: council.id, contributionStatus: r.status }),
      canWithdraw: can(actor, "contribution.withdraw", { councilId: council.id, contributionStatus: r.status }),
    })),
  });
}
