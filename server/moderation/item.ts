import "server-only";
import { sql } from "drizzle-orm";
import { actions, contributions, contributionScans, councils } from "@/db/schema";
import type { Receipt } from "@/lib/paper-contribution";
import { contributionAuthorName } from "@/server/plan/author-name";

/*
 * What moderation lists and the report page read of an item: select `itemColumns` from
 * contributions joined to councils, actions and (left) users as author, then `toItem`.
 */
export const itemColumns = {
  id: contributions.id,
  kind: contributions.kind,
  position: contributions.position,
  title: contributions.title,
  body: contributions.body,
  councilId: councils.id,
  councilName: councils.name,
  actionSlug: actions.slug,
  actionTitle: actions.title,
  authorName: contributionAuthorName,
  publishedAt: contributions.publishedAt,
  receivedVia: contributions.receivedVia,
  receivedOn: contributions.receivedOn,
  /** A paper contribution's scan, shown to staff only (a link to its route, which checks again). */
  hasScan: sql<boolean>`exists (select 1 from ${contributionScans} s where s.contribution_id = ${contributions.id})`,
};

export interface ItemRow {
  id: number;
  kind: "feedback" | "proposal";
  position: "favorable" | "favorable_with_reservations" | "unfavorable" | null;
  title: string | null;
  body: string;
  councilId: number;
  councilName: string;
  actionSlug: string;
  actionTitle: string;
  authorName: string | null;
  publishedAt: Date | null;
  receivedVia: Receipt | null;
  receivedOn: string | null;
  hasScan: boolean;
}

export type ModeratedItem = Omit<ItemRow, "councilId" | "councilName" | "actionSlug" | "actionTitle"> & {
  council: { id: number; name: string };
  action: { slug: string; title: string };
};

export function toItem<T extends ItemRow>({
  councilId,
  councilName,
  actionSlug,
  actionTitle,
  ...rest
}: T): Omit<T, "councilId" | "councilName" | "actionSlug" | "actionTitle"> & ModeratedItem {
  return { ...rest, council: { id: councilId, name: councilName }, action: { slug: actionSlug, title: actionTitle } } as Omit<
    T,
    "councilId" | "councilName" | "actionSlug" | "actionTitle"
  > &
    ModeratedItem;
}
