import "server-only";
import { and, asc, eq, inArray, isNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { actions, contributions, contributionSupports, councils } from "@/db/schema";
import { fail, forbidden, notFound, ok, unauthenticated, type ActionResult } from "@/lib/action-result";
import { can, type MaybeActor } from "@/lib/permissions";
import type { SupportData } from "@/lib/validation/contribution";
import { writeAudit } from "@/server/audit";
import { loadProposalTarget } from "@/server/answers/proposal-target";
import { contributionPermalink } from "@/server/plan/locate-contribution";
import { requestDigests } from "@/server/notifications/digest";
import { notifyCouncilMembers } from "@/server/notifications/notify";

export interface SupportResult {
  contributionId: number;
  councilId: number;
  /** False when the council already supported it (by this member or another): nothing was written. */
  added: boolean;
}

/** Who may support and what: the proposal and the supporting council, for the checks. */
async function loadTarget(db: Db, contributionId: number, councilId: number) {
  const [proposal, [council]] = await Promise.all([
    loadProposalTarget(db, contributionId),
    db
      .select({ id: councils.id, name: councils.name })
      .from(councils)
      .where(and(eq(councils.id, councilId), isNull(councils.archivedAt))),
  ]);
  return { proposal, council };
}

/**
 * A member gives their council's support to another council's published proposal. Once per
 * council, whoever of its members clicks, even at the same time: INSERT … ON CONFLICT DO NOTHING
 * on (proposal, council); only the insert that wrote the row is journaled and announced to the
 * proposing council, whose emails are requested after the commit. The caller refreshes the public
 * pages (the support count is public).
 */
export async function supportProposal(
  db: Db,
  actor: MaybeActor,
  { contributionId, councilId }: SupportData,
): Promise<ActionResult<SupportResult>> {
  if (!actor) return unauthenticated();
  const { proposal, council } = await loadTarget(db, contributionId, councilId);
  if (!proposal || proposal.kind !== "proposal" || proposal.status !== "published") return notFound("Proposition publiée");
  const context = {
    councilId,
    contributionCouncilId: proposal.councilId,
    contributionKind: proposal.kind,
    contributionStatus: proposal.status,
  };
  if (!can(actor, "contribution.support", context)) {
    if (actor.councils.has(councilId) && councilId === proposal.councilId) {
      return fail("FORBIDDEN", "C'est une proposition de votre conseil : un conseil ne soutient que les propositions des autres conseils.");
    }
    return forbidden();
  }
  if (!council) return notFound("Conseil");

  const result = await db.transaction(async (tx) => {
    const [created] = await tx
      .insert(contributionSupports)
      .values({ contributionId, councilId, userId: actor.id })
      .onConflictDoNothing({ target: [contributionSupports.contributionId, contributionSupports.councilId] })
      .returning({ contributionId: contributionSupports.contributionId });
    if (!created) return false;
    await writeAudit(tx, {
      actorUserId: actor.id,
      action: "contribution.support",
      targetType: "contribution",
      targetId: contributionId,
      councilId,
      details: { proposingCouncilId: proposal.councilId },
    });
    await notifyCouncilMembers(tx, proposal.councilId, {
      kind: "contribution_supported",
      message: `Le ${council.name} soutient votre proposition « ${proposal.title ?? ""} ».`,
      link: contributionPermalink(proposal.actionSlug, contributionId),
      contributionId,
    });
    return true;
  });
  if (result) requestDigests(db);
  return ok(
    { contributionId, councilId, added: result },
    result ? `Le ${council.name} soutient maintenant cette proposition.` : `Le ${council.name} soutenait déjà cette proposition.`,
  );
}

export interface SupportChoice {
  proposal: { id: number; title: string; councilName: string; action: { slug: string; title: string } };
  /** Each council of the person, and what they can do for it. */
  councils: {
    id: number;
    name: string;
    /** The proposal is this council's own. */
    own: boolean;
    /** Since when this council supports it (null: not yet). */
    supportedAt: Date | null;
  }[];
  supportCount: number;
}

/**
 * The support page of a published proposal, for a signed-in person: their councils, which one
 * proposed it, which ones already support it. NOT_FOUND if it is not a published proposal. Three queries.
 */
export async function getSupportChoice(db: Db, actor: MaybeActor, contributionId: number): Promise<ActionResult<SupportChoice>> {
  if (!actor) return unauthenticated();
  if (!Number.isInteger(contributionId) || contributionId <= 0) return notFound("Proposition publiée");
  const mine = [...actor.councils.keys()];
  const [[row], myCouncils, supports] = await Promise.all([
    db
      .select({
        id: contributions.id,
        councilId: contributions.councilId,
        kind: contributions.kind,
        status: contributions.status,
        title: contributions.title,
        councilName: councils.name,
        actionSlug: actions.slug,
        actionTitle: actions.title,
      })
      .from(contributions)
      .innerJoin(councils, eq(councils.id, contributions.councilId))
      .innerJoin(actions, eq(actions.id, contributions.actionId))
      .where(eq(contributions.id, contributionId)),
    mine.length === 0
      ? Promise.resolve([])
      : db
          .select({ id: councils.id, name: councils.name })
          .from(councils)
          .where(and(inArray(councils.id, mine), isNull(councils.archivedAt)))
          .orderBy(asc(councils.name)),
    db
      .select({ councilId: contributionSupports.councilId, createdAt: contributionSupports.createdAt })
      .from(contributionSupports)
      .where(eq(contributionSupports.contributionId, contributionId)),
  ]);
  if (!row || row.kind !== "proposal" || row.status !== "published") return notFound("Proposition publiée");
  const since = new Map(supports.map((s) => [s.councilId, s.createdAt]));
  return ok({
    proposal: {
      id: row.id,
      title: row.title ?? "",
      councilName: row.councilName,
      action: { slug: row.actionSlug, title: row.actionTitle },
    },
    councils: myCouncils.map((c) => ({ id: c.id, name: c.name, own: c.id === row.councilId, supportedAt: since.get(c.id) ?? null })),
    supportCount: supports.length,
  });
}
