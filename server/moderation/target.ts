import "server-only";
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { actions, contributions, councils } from "@/db/schema";

/** What moderation functions need to know about an item: whose it is, what it is, where the council sees it. */
export interface ModerationTarget {
  id: number;
  councilId: number;
  councilSlug: string;
  councilName: string;
  kind: "feedback" | "proposal";
  title: string | null;
  actionTitle: string;
  status: "draft" | "pending" | "published" | "rejected" | "hidden";
  reviewRequired: boolean;
}

export async function loadModerationTarget(db: Db, id: number): Promise<ModerationTarget | undefined> {
  if (!Number.isInteger(id) || id <= 0) return undefined;
  const [row] = await db
    .select({
      id: contributions.id,
      councilId: contributions.councilId,
      councilSlug: councils.slug,
      councilName: councils.name,
      kind: contributions.kind,
      title: contributions.title,
      actionTitle: actions.title,
      status: contributions.status,
      reviewRequired: contributions.reviewRequired,
    })
    .from(contributions)
    .innerJoin(councils, eq(councils.id, contributions.councilId))
    .innerJoin(actions, eq(actions.id, contributions.actionId))
    .where(eq(contributions.id, id));
  return row;
}

/** « L'avis du conseil sur « Fiche » » / « La proposition « Titre » » and the matching agreement (« approuvé » / « approuvée »). */
export function subjectOf(target: Pick<ModerationTarget, "kind" | "title" | "actionTitle">): { subject: string; e: string } {
  return target.kind === "proposal"
    ? { subject: `La proposition « ${target.title ?? ""} » (fiche « ${target.actionTitle} »)`, e: "e" }
    : { subject: `L'avis du conseil sur la fiche « ${target.actionTitle} »`, e: "" };
}

/** What the council's members are told when the City hides one of their published items. */
export function hiddenNotice(target: Pick<ModerationTarget, "kind" | "title" | "actionTitle">, reason: string): string {
  const { subject, e } = subjectOf(target);
  return `${subject} a été masqué${e} par la Ville : ${e ? "elle" : "il"} n'est plus ${e ? "publique" : "public"}. Raison : ${reason}`;
}

/** Where the council's members see their items, with the reason of a refusal or a hiding. */
export const councilContributionsLink = (target: Pick<ModerationTarget, "councilSlug" | "id">) =>
  `/espace/conseils/${target.councilSlug}/contributions#contribution-${target.id}`;
