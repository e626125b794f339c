import "server-only";
import { sql, type SQL } from "drizzle-orm";
import { contributions } from "@/db/schema";
import { CONTRIBUTIONS_PER_PAGE } from "./load-published-contributions";

/*
 * Where a published contribution is shown: its card on its fiche's pages, or on its council's
 * (10 a page, newest first — the order of load-published-contributions.ts). For the links of the
 * public search and of the feeds. A list is newest first, so the page of an item moves when newer
 * ones are published: compute it when the link is written, never store it.
 */

/** The link to a contribution's card on the pages of its fiche (`list = "fiche"`) or of its council. */
export function contributionHref(list: "fiche" | "council", slug: string, page: number, id: number): string {
  const base = list === "fiche" ? `/fiches/${slug}` : `/conseils/${slug}`;
  return `${page > 1 ? `${base}/contributions/${page}` : base}#contribution-${id}`;
}

/**
 * The page of contribution `c` (a table or an alias of `contributions`, as SQL) among the published
 * contributions of its fiche (`list = "fiche"`) or of its council.
 */
export function listPage(c: SQL, list: "fiche" | "council"): SQL<number> {
  const owner = sql.raw(list === "fiche" ? "action_id" : "council_id");
  return sql<number>`1 + (
  select count(*)::int from ${contributions} newer
  where newer.${owner} = ${c}.${owner} and newer.status = 'published'
    and (newer.published_at > ${c}.published_at or (newer.published_at = ${c}.published_at and newer.id > ${c}.id))
) / ${CONTRIBUTIONS_PER_PAGE}`;
}
