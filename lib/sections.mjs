// @ts-check
/*
 * The sections of the site that are not public: signed-in spaces, staff pages, sign-in and
 * account pages, technical routes. Plain JavaScript because two programs read it: the app
 * (robots.txt, through lib/crawl.ts, docs/decisions/0015) and the production server, which serves
 * the other pages without their scripts (ops/public-html.mjs, docs/decisions/0020) — a section
 * forgotten here would lose its client code, so lib/crawl.test.ts fails on any section of app/
 * that is listed nowhere.
 */

/** Signed-in spaces, staff pages, sign-in and account pages, technical routes. */
export const PRIVATE_SECTIONS = /** @type {const} */ ([
  "/admin",
  "/api",
  "/bench",
  "/compte-supprime",
  "/connexion",
  "/deconnexion",
  "/dev",
  "/espace",
  "/invitation",
  "/moderation",
  "/mot-de-passe",
  "/mot-de-passe-oublie",
  "/presentation",
  "/reponses",
  "/signaler",
  "/tableau-de-bord",
]);

/** Public pages under a private section. */
export const PUBLIC_UNDER_PRIVATE = /** @type {const} */ (["/moderation/registre"]);

/** @param {string} pathname @param {string} section */
const isUnder = (pathname, section) => pathname === section || pathname.startsWith(`${section}/`);

/**
 * Whether a path (no query string) is in a public section: a public page, feed or file, or an
 * address that does not exist there (its 404 page is public too). Next's own files are not pages.
 * @param {string} pathname
 */
export function isPublicPath(pathname) {
  if (pathname.startsWith("/_next/")) return false;
  if (PUBLIC_UNDER_PRIVATE.some((section) => isUnder(pathname, section))) return true;
  return !PRIVATE_SECTIONS.some((section) => isUnder(pathname, section));
}
