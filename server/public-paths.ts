import "server-only";
import { eq, inArray, lt, or, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { actions, actionThemes, contributionFigures, contributions, councils, meetings, themes } from "@/db/schema";
import type { OpenDataFileName } from "@/lib/open-data/files";
import { DEADLINES_CALENDAR_PATH, feedPath, MEETINGS_CALENDAR_PATH, PLAN_FEED_PATH } from "@/lib/feeds";
import { PLAN_PATH } from "@/lib/plan-filter";
import { CONTRIBUTIONS_PER_PAGE } from "@/server/plan/load-published-contributions";

/*
 * Which cached public pages show a given change — the paths server/cache.ts revalidates, one by
 * one, instead of the whole site (docs/decisions/0001). Next tags each cached page with its own
 * path (node_modules/next/dist/server/lib/implicit-tags.js), so revalidating `/fiches/a` drops
 * that page only, and a fiche that did not change stays served from cache.
 */

export interface PublicChange {
  /** Contributions published, hidden, republished, supported or answered. */
  contributionIds?: readonly number[];
  /** Fiches whose own fields changed: a progress report (status, progress), a deadline. */
  actionSlugs?: readonly string[];
  /** Councils whose members changed: their public page shows the count and the names shown. */
  councilIds?: readonly number[];
  councilSlugs?: readonly string[];
  /**
   * The public moderation register counts it (docs/decisions/0016): a submission, a decision, a
   * hiding, a report or its review, an answer, a reason template's label, the report threshold or
   * the answer delay (its rules say them).
   */
  register?: boolean;
}

export interface PublicPaths {
  /** Concrete pages (`revalidatePath(path)`). */
  paths: string[];
  /**
   * Route patterns of paginated lists too long to name page by page (`revalidatePath(route,
   * "page")`): every page of that route, of every fiche or council, is rendered again on its next
   * visit. Empty unless a list has more than MAX_NAMED_PAGES pages.
   */
  routes: string[];
  /** Every page and file below these paths (`revalidatePath(path, "layout")`). */
  layouts: string[];
  /**
   * The open data files whose rows show the change (server/open-data/): written again on their next
   * download. `/donnees` is then among the paths (it gives each file's size and date).
   */
  openData: OpenDataFileName[];
}

/**
 * How many pages of one list are named one by one. A publication or a removal shifts every page of
 * a newest-first list, so all of them change; past this many (500 contributions on one fiche or
 * council) the whole route is revalidated instead: one tag, where hundreds would be sent along with
 * the action's redirect (Next forwards the revalidated tags in one request header).
 */
export const MAX_NAMED_PAGES = 50;

/**
 * What a meeting's change (created, changed, minutes, slides frozen) refreshes besides `/reunions`
 * as a layout (the list, every meeting's page, slides and calendar file): the home page (its « next
 * meeting »), the calendar of all meetings and the sitemap (it lists each meeting).
 */
export const MEETING_CHANGE_PATHS = ["/", MEETINGS_CALENDAR_PATH, "/sitemap.xml"] as const;

export const FICHE_PAGES_ROUTE = "/fiches/[slug]/contributions/[page]";
export const COUNCIL_PAGES_ROUTE = "/conseils/[slug]/contributions/[page]";
/** The moderation register: its page, its windows of earlier months (/moderation/registre/<mois>) and their CSV files. */
export const REGISTER_PATH = "/moderation/registre";

const uniq = <T>(values: Iterable<T>) => [...new Set(values)];

/**
 * The pages of a list of `published` contributions at `base`/1…: all of them, plus the one after
 * the last (it existed before a removal, or was cached as « not found » before a publication).
 */
function listPages(base: string, route: string, published: number, out: PublicPaths) {
  const pageCount = Math.max(1, Math.ceil(published / CONTRIBUTIONS_PER_PAGE));
  if (pageCount + 1 > MAX_NAMED_PAGES) {
    out.routes.push(route);
    return;
  }
  for (let n = 1; n <= pageCount + 1; n++) out.paths.push(`${base}/${n}`);
}

/** Open data files per kind of change: what each file's rows are made of (server/open-data/file-rows.ts). */
export const OPEN_DATA_OF_CONTRIBUTIONS: readonly OpenDataFileName[] = ["contributions", "reponses", "soutiens"];
export const OPEN_DATA_OF_FICHES: readonly OpenDataFileName[] = ["fiches", "points-etape", "changements-echeance"];
export const OPEN_DATA_OF_MEETINGS: readonly OpenDataFileName[] = ["reunions"];

/**
 * The public pages that show `change`, read from the database after the write:
 * - a contribution: its fiche and all its fiche's contribution pages, its council's page and all
 *   its pages (the lists are newest first: a publication shifts every page), the fiche's themes
 *   (per-fiche counts), the home page and « Le plan » (plan-wide figures) and the slides of past meetings (a live
 *   deck counts published items, a frozen one leaves out what is no longer published);
 * - a fiche's own fields: the fiche, its themes, the home page and « Le plan », the slides of past
 *   meetings and the calendar of deadlines;
 * - a council's members: its public page only;
 * - a moderation event (`register`): the register's pages and CSV files, all of them (a report's
 *   outcome changes the month it was received in, any window may show it);
 * - the open data files made of them, and `/donnees`.
 * Each fiche, theme and council page named for a contribution comes with its feed, and the home
 * page with the plan's feed (docs/decisions/0015).
 * Never another fiche, theme or council. Signed-in pages (/reponses, /tableau-de-bord, /espace,
 * /moderation) are rendered per request: nothing to drop there. At most six queries.
 */
export async function publicPathsOf(db: Db, change: PublicChange, now: Date = new Date()): Promise<PublicPaths> {
  const out: PublicPaths = { paths: [], routes: [], layouts: change.register ? [REGISTER_PATH] : [], openData: [] };
  const contributionIds = uniq(change.contributionIds ?? []);
  const touched = contributionIds.length
    ? await db
        .select({ actionId: contributions.actionId, councilId: contributions.councilId })
        .from(contributions)
        .where(inArray(contributions.id, contributionIds))
    : [];
  // Fiches and councils whose lists of contributions changed.
  const listActionIds = uniq(touched.map((t) => t.actionId));
  const listCouncilIds = uniq(touched.map((t) => t.councilId));
  const actionSlugs = uniq(change.actionSlugs ?? []);
  const councilIds = uniq([...listCouncilIds, ...(change.councilIds ?? [])]);
  const councilSlugs = uniq(change.councilSlugs ?? []);

  const actionWhere = or(
    listActionIds.length ? inArray(actions.id, listActionIds) : undefined,
    actionSlugs.length ? inArray(actions.slug, actionSlugs) : undefined,
  );
  const councilWhere = or(
    councilIds.length ? inArray(councils.id, councilIds) : undefined,
    councilSlugs.length ? inArray(councils.slug, councilSlugs) : undefined,
  );
  // How many pages each list has: from the counts the database keeps (decision 0029), a few rows
  // per fiche or council, not a count of its thousands of contributions at every write.
  const publishedIn = (column: typeof contributionFigures.actionId | typeof contributionFigures.councilId, ids: number[]) =>
    ids.length
      ? db
          .select({ id: column, published: sql<number>`sum(${contributionFigures.published})`.mapWith(Number) })
          .from(contributionFigures)
          .where(inArray(column, ids))
          .groupBy(column)
      : Promise.resolve([]);

  const [fiches, themeRows, councilRows, fichePublished, councilPublished, pastMeetings] = await Promise.all([
    actionWhere ? db.select({ id: actions.id, slug: actions.slug }).from(actions).where(actionWhere) : Promise.resolve([]),
    actionWhere
      ? db
          .selectDistinct({ slug: themes.slug })
          .from(actionThemes)
          .innerJoin(themes, eq(themes.id, actionThemes.themeId))
          .innerJoin(actions, eq(actions.id, actionThemes.actionId))
          .where(actionWhere)
      : Promise.resolve([]),
    councilWhere ? db.select({ id: councils.id, slug: councils.slug }).from(councils).where(councilWhere) : Promise.resolve([]),
    publishedIn(contributionFigures.actionId, listActionIds),
    publishedIn(contributionFigures.councilId, listCouncilIds),
    actionWhere ? db.select({ slug: meetings.slug }).from(meetings).where(lt(meetings.startsAt, now)) : Promise.resolve([]),
  ]);

  const publishedOf = (rows: { id: number; published: number }[], id: number) => Number(rows.find((r) => r.id === id)?.published ?? 0);
  // Each page with its feed (docs/decisions/0015): the feed shows the same items as the page.
  for (const fiche of fiches) {
    // The fiche and its large-print version show the same data.
    out.paths.push(`/fiches/${fiche.slug}`, `/fiches/${fiche.slug}/gros-caracteres`, feedPath({ kind: "action", slug: fiche.slug }));
    if (listActionIds.includes(fiche.id))
      listPages(`/fiches/${fiche.slug}/contributions`, FICHE_PAGES_ROUTE, publishedOf(fichePublished, fiche.id), out);
  }
  for (const theme of themeRows) out.paths.push(`/thematiques/${theme.slug}`, feedPath({ kind: "theme", slug: theme.slug }));
  for (const council of councilRows) {
    out.paths.push(`/conseils/${council.slug}`);
    // A council's feed shows its contributions, not its members.
    if (listCouncilIds.includes(council.id)) {
      out.paths.push(feedPath({ kind: "council", slug: council.slug }));
      listPages(`/conseils/${council.slug}/contributions`, COUNCIL_PAGES_ROUTE, publishedOf(councilPublished, council.id), out);
    }
  }
  // A fiche's own fields (status, deadline) are in the calendar of deadlines and its open data —
  // for fiches that exist (an unknown slug changes nothing).
  const fichesChanged = fiches.some((f) => actionSlugs.includes(f.slug));
  if (fichesChanged) out.paths.push(DEADLINES_CALENDAR_PATH);
  if (fiches.length) {
    out.paths.push("/", PLAN_PATH, PLAN_FEED_PATH);
    // The public slides exist once a meeting has taken place (server/meetings/queries.ts).
    for (const meeting of pastMeetings) out.paths.push(`/reunions/${meeting.slug}/diaporama`);
  }
  if (touched.length) out.openData.push(...OPEN_DATA_OF_CONTRIBUTIONS);
  if (fichesChanged) out.openData.push(...OPEN_DATA_OF_FICHES);
  if (out.openData.length) out.paths.push("/donnees");
  return { paths: uniq(out.paths).sort(), routes: uniq(out.routes).sort(), layouts: out.layouts, openData: uniq(out.openData) };
}
