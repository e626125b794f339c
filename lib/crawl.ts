/*
 * What search engines may read (robots.txt) and are pointed to (sitemap.xml): docs/decisions/0015.
 * Every top-level section of app/ is in exactly one of PUBLIC_SECTIONS (below) and PRIVATE_SECTIONS
 * (lib/sections.mjs); lib/crawl.test.ts
 * fails when a new section is in neither, so that a signed-in space is never left crawlable by
 * omission.
 */

// Signed-in spaces, staff pages, sign-in and account pages, technical routes: disallowed. Public
// pages under a private section: allowed (the longer rule wins, RFC 9309 § 2.2.2). Both lists are
// also read by the production server (lib/sections.mjs).
import { PRIVATE_SECTIONS, PUBLIC_UNDER_PRIVATE } from "./sections.mjs";
export { PRIVATE_SECTIONS, PUBLIC_UNDER_PRIVATE };

/**
 * Search results: the search page itself is public and listed, but its results are an endless
 * space of addresses (every word, every page) that says nothing the other pages do not.
 */
export const SEARCH_RESULTS = "/recherche?";

/** The plan's filtered views: the same fiches as /plan, cut down; for people, not for indexes. */
export const FILTERED_PLAN = "/plan/filtre";

/** The public sections, for the check above (the feeds, calendars and the two files of this module included). */
export const PUBLIC_SECTIONS = [
  "/",
  "/accessibilite",
  "/conseils",
  "/demarche",
  "/donnees",
  "/donnees-personnelles",
  "/echeances.ics",
  "/fiches",
  "/flux.atom",
  "/identite",
  "/mentions-legales",
  "/plan",
  "/plans",
  "/recherche",
  "/reunions",
  "/reunions.ics",
  "/robots.txt",
  "/sitemap.xml",
  "/thematiques",
] as const;

/** The public pages that exist once, whatever the data: the rest of the sitemap is read from the database. */
export const FIXED_PUBLIC_PAGES = [
  "/",
  // « Le plan »: every fiche (its filtered views are not listed).
  "/plan",
  "/demarche",
  // The current and earlier plans (docs/decisions/0027); each plan's page is read from the database.
  "/plans",
  "/conseils",
  "/reunions",
  "/recherche",
  "/mentions-legales",
  "/donnees-personnelles",
  "/accessibilite",
  // The public moderation register (docs/decisions/0016); its earlier months are reached from it.
  "/moderation/registre",
  // The open data page; its files are reached from it.
  "/donnees",
] as const;

/** Whether robots.txt lets a crawler read `path` (pathname and query), by its own rules. */
export function isCrawlable(path: string): boolean {
  if (PUBLIC_UNDER_PRIVATE.some((p) => path === p || path.startsWith(`${p}/`) || path.startsWith(`${p}?`))) return true;
  if (path.startsWith(SEARCH_RESULTS) || path.startsWith(FILTERED_PLAN)) return false;
  return !PRIVATE_SECTIONS.some((p) => path.startsWith(p));
}
