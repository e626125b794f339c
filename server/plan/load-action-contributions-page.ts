import "server-only";
import { cache } from "react";
import { getDb, type Db } from "@/db/client";
import { findAction } from "./find-action";
import { loadPublishedContributions, type ContributionList } from "./load-published-contributions";

/*
 * The further pages of a fiche's contributions (loadActionContributionsPage), with the
 * request-scoped cached version for the page (generateMetadata and the page share one load).
 */

export interface ActionContributionsPage {
  action: { slug: string; title: string };
  contributions: ContributionList;
}

/**
 * Page `page` (from 1) of a fiche's published contributions; null for an unknown fiche or a page
 * past the last one. Four queries.
 */
export async function loadActionContributionsPage(slug: string, page: number, db?: Db): Promise<ActionContributionsPage | null> {
  if (!Number.isInteger(page) || page < 1) return null;
  const database = db ?? (await getDb());
  const action = await findAction(database, "public", slug);
  if (!action) return null;
  const list = await loadPublishedContributions(database, { actionId: action.id }, page);
  if (list.items.length === 0 && page > 1) return null;
  return { action: { slug: action.slug, title: action.title }, contributions: list };
}

export const getActionContributionsPage = cache((slug: string, page: number) => loadActionContributionsPage(slug, page));
