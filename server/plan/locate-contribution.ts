import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { actions, contributions } from "@/db/schema";
import { contributionHref, listPage } from "./contribution-link";
import { isPublished } from "./load-published-contributions";

/*
 * A notification or a mail points at one contribution, but its card moves to later pages of its
 * fiche as newer ones are published (the fiche shows the 10 newest). So they link to
 * /fiches/<slug>/contribution/<id>, which works out the card's page when it is followed.
 */

/** The stable link written into notifications and mails. */
export const contributionPermalink = (actionSlug: string, contributionId: number) => `/fiches/${actionSlug}/contribution/${contributionId}`;

/** The page and anchor of a published contribution of that fiche, or null (unknown, not published, another fiche). */
export async function locatePublishedContribution(db: Db, actionSlug: string, id: number): Promise<string | null> {
  const [row] = await db
    .select({ page: listPage(sql`${contributions}`, "fiche") })
    .from(contributions)
    .innerJoin(actions, eq(actions.id, contributions.actionId))
    .where(and(eq(contributions.id, id), eq(actions.slug, actionSlug), isPublished));
  return row ? contributionHref("fiche", actionSlug, Number(row.page), id) : null;
}

const legacyLink = /^\/fiches\/([^/#?]+)#contribution-(\d+)$/;

/** Notifications written before the permalink pointed at the fiche's first page: they now go through it. */
export function upgradeContributionLink(link: string): string {
  const match = legacyLink.exec(link);
  return match ? contributionPermalink(match[1]!, Number(match[2])) : link;
}
