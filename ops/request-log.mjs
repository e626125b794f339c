// @ts-check
/*
 * What the access line of a request says: its id, its method, the route it reached (the route's
 * pattern, `/fiches/[slug]`, never the path itself: paths carry one-time tokens —
 * `/invitation/<jeton>`, `/mot-de-passe/nouveau/<jeton>` — and query strings carry searches),
 * its status and its duration. No address, no user agent, no cookie.
 */
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";

export const REQUEST_ID_HEADER = "x-request-id";

// An id from a proxy in front (nginx's $request_id, a load balancer's) is kept if it looks like one.
const SANE_REQUEST_ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{7,127}$/;

/**
 * The incoming X-Request-Id if it is sane (8 to 128 letters, digits, `._:-`), else a new UUID.
 * @param {string | string[] | undefined} incoming
 */
export function requestIdFrom(incoming) {
  const value = Array.isArray(incoming) ? incoming[0] : incoming;
  return value && SANE_REQUEST_ID.test(value) ? value : randomUUID();
}

/**
 * @typedef {{ page: string, regex: string }} ManifestRoute
 * @typedef {(pathname: string) => string} RouteOf
 */

/**
 * Maps a path to the route pattern it reaches, from the build's routes manifest
 * (`<distDir>/routes-manifest.json`: every page and route handler, static and dynamic, with the
 * regular expression Next itself matches them with).
 * @param {{ staticRoutes?: ManifestRoute[], dynamicRoutes?: ManifestRoute[] }} manifest
 * @returns {RouteOf}
 */
export function routeMatcher(manifest) {
  const exact = new Set((manifest.staticRoutes ?? []).map((r) => r.page));
  const dynamic = (manifest.dynamicRoutes ?? []).map((r) => ({ page: r.page, regex: new RegExp(r.regex) }));
  return (pathname) => {
    if (pathname.startsWith("/_next/static/")) return "/_next/static";
    if (pathname.startsWith("/_next/image")) return "/_next/image";
    // A route's RSC payload (client navigation) is the route too.
    const page = pathname.replace(/\.rsc$/, "").replace(/\/$/, "") || "/";
    if (exact.has(page)) return page;
    for (const route of dynamic) if (route.regex.test(page)) return route.page;
    // Not a route of the app (a 404, a file): a fixed word, never the requested path.
    return "(aucune)";
  };
}

/**
 * The route matcher of the build in `distDir`.
 * @param {string} distDir
 * @returns {RouteOf}
 */
export function routeMatcherOfBuild(distDir) {
  return routeMatcher(JSON.parse(readFileSync(path.join(distDir, "routes-manifest.json"), "utf8")));
}

/**
 * The path of a request target, without its query string; "/" for anything unparsable.
 * @param {string | undefined} url
 */
export function pathnameOf(url) {
  if (!url) return "/";
  try {
    return new URL(url, "http://localhost").pathname;
  } catch {
    return "/";
  }
}
