// @ts-check
/*
 * Public pages served as plain HTML (docs/decisions/0020): the production server removes every
 * `<script>` — Next's runtime chunks and the inline RSC payload, a second copy of the page's
 * content — and the `<link>`s that preload them from the HTML of public pages, after Next has
 * rendered or read them from its cache, and before they are compressed.
 *
 * Why it is safe: public pages have no client component and plain `<a>` links (decision 0003),
 * and under the nonce policy their scripts were already blocked by every browser (decision 0009):
 * nothing ran, but everything was downloaded. They are the same for every visitor (cached), and
 * they are tested without JavaScript (e2e/public/no-javascript.spec.ts, e2e/public/no-script.spec.ts).
 *
 * What is left alone: every section listed private (lib/sections.mjs) — signed-in pages keep
 * React; the RSC requests of client navigations (`RSC: 1`, `_rsc=`, prefetches, server actions);
 * route handlers (feeds, open data, sitemap); anything not HTML; a page whose HTML still waits for
 * a streamed part (`<!--$?-->`: the scripts would have put it in place) or is Next's error shell
 * (the 404 of an unknown fiche, filled by React), which is served as Next sent it.
 *
 * Cost: the stripped page and its gzip are kept per version of Next's HTML (LRU, bounded), so a
 * page served from Next's cache costs one hash and no compression; the transform and gzip run
 * once per new version (measured in docs/benchmark.md).
 */
import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { isPublicPath } from "../lib/sections.mjs";

/** Changes when the transform does: the ETag of a stripped page names it, so an old validator never matches a new output. */
export const TRANSFORM_TAG = "sans-js-1";
/** zlib's default, what Next's compression (and nginx's gzip_comp_level 6) uses. */
const GZIP_LEVEL = 6;
const MEMO_MAX_ENTRIES = 500;
const MEMO_MAX_BYTES = 64 * 1024 * 1024;

const SCRIPT = /<script\b[^>]*>[\s\S]*?<\/script\s*>/gi;
const LINK = /<link\b[^>]*>/gi;
/** A Suspense boundary still pending in the HTML: only a script would fill it. */
const PENDING_BOUNDARY = "<!--$?-->";
/**
 * Next's error shell: an empty document that React fills from the RSC payload, sent when the
 * render stopped after it began — `notFound()` for an unknown fiche or theme slug is one. Without
 * its scripts it would be a blank page.
 */
const ERROR_SHELL = 'id="__next_error__"';

/**
 * `<link rel="modulepreload">` and `<link rel="preload" as="script">`: downloads for the removed scripts.
 * @param {string} tag
 */
function preloadsScript(tag) {
  const rel = /\srel\s*=\s*["']?([^"'>]*)/i.exec(tag)?.[1]?.toLowerCase().split(/\s+/) ?? [];
  if (rel.includes("modulepreload")) return true;
  return rel.includes("preload") && /\sas\s*=\s*["']?script\b/i.test(tag);
}

/**
 * The HTML without its scripts and script preloads; null when it cannot go without them.
 * `</script` never occurs inside a script that React or Next writes (they escape it), so a
 * script ends at the first `</script>`.
 * @param {string} html
 * @returns {string | null}
 */
export function stripScripts(html) {
  if (html.includes(PENDING_BOUNDARY) || html.includes(ERROR_SHELL)) return null;
  return html.replace(SCRIPT, "").replace(LINK, (tag) => (preloadsScript(tag) ? "" : tag));
}

/**
 * Whether the request asks for a page's HTML (not its RSC payload, not a server action).
 * @param {import("node:http").IncomingMessage} req
 * @param {URL} url
 */
export function asksForHtml(req, url) {
  if (req.method !== "GET" && req.method !== "HEAD") return false;
  const h = req.headers;
  if (h.rsc !== undefined || h["next-router-prefetch"] !== undefined || h["next-action"] !== undefined) return false;
  if (h["next-router-state-tree"] !== undefined || url.searchParams.has("_rsc")) return false;
  return true;
}

/**
 * The route handlers of the build (`/flux.atom`, `/donnees/fiches.json`…): never pages.
 * From `<distDir>/server/app-paths-manifest.json`, whose keys end in `/page` or `/route`.
 * @param {string} distDir
 * @returns {(pathname: string) => boolean}
 */
export function routeHandlerMatcher(distDir) {
  const appPaths = path.join(distDir, "server", "app-paths-manifest.json");
  const routes = path.join(distDir, "routes-manifest.json");
  if (!existsSync(appPaths) || !existsSync(routes)) return () => false;
  /** @type {Record<string, string>} */
  const entries = JSON.parse(readFileSync(appPaths, "utf8"));
  const handlers = new Set(
    Object.keys(entries)
      .filter((k) => k.endsWith("/route"))
      .map((k) => k.slice(0, -"/route".length).replace(/\/\([^/]+\)/g, "") || "/"),
  );
  /** @type {{ staticRoutes?: { page: string }[], dynamicRoutes?: { page: string, regex: string }[] }} */
  const manifest = JSON.parse(readFileSync(routes, "utf8"));
  const dynamic = (manifest.dynamicRoutes ?? []).filter((r) => handlers.has(r.page)).map((r) => new RegExp(r.regex));
  return (pathname) => handlers.has(pathname) || dynamic.some((re) => re.test(pathname));
}

/**
 * @typedef {{ html: Buffer, gzip: Buffer }} Stripped
 * @typedef {{ info: (obj: object, msg: string) => void, warn: (obj: object, msg: string) => void }} Log
 */

/** Stripped pages by a hash of Next's HTML, least recently used first. */
class Memo {
  /** @type {Map<string, Stripped | null>} */
  entries = new Map();
  bytes = 0;
  /** @param {string} key */
  get(key) {
    const hit = this.entries.get(key);
    if (hit === undefined) return undefined;
    this.entries.delete(key);
    this.entries.set(key, hit);
    return hit;
  }
  /** @param {string} key @param {Stripped | null} value */
  set(key, value) {
    this.entries.set(key, value);
    this.bytes += value ? value.html.length + value.gzip.length : 0;
    for (const [oldest, old] of this.entries) {
      if (this.entries.size <= MEMO_MAX_ENTRIES && this.bytes <= MEMO_MAX_BYTES) break;
      this.entries.delete(oldest);
      this.bytes -= old ? old.html.length + old.gzip.length : 0;
    }
  }
}

/**
 * Next's strong ETag `"x"` becomes `"x-sans-js-1"`: a validator of the bytes actually sent.
 * @param {string} etag
 */
export function strippedEtag(etag) {
  return etag.endsWith('"') ? `${etag.slice(0, -1)}-${TRANSFORM_TAG}"` : etag;
}

/**
 * An If-None-Match from a browser holds the stripped page's tags: Next compares with its own. A
 * tag without the transform's name (a page received with its scripts) matches nothing: dropped.
 * Empty when nothing is left (the header is then removed).
 * @param {string} value
 */
export function nextEtagsOf(value) {
  return value
    .split(",")
    .map((tag) => tag.trim())
    .filter((tag) => tag === "*" || tag.endsWith(`-${TRANSFORM_TAG}"`))
    .map((tag) => (tag === "*" ? tag : `${tag.slice(0, -`-${TRANSFORM_TAG}"`.length)}"`))
    .join(", ");
}

/**
 * Whether the client takes gzip (`Accept-Encoding`, q > 0).
 * @param {string | undefined} acceptEncoding
 */
export function acceptsGzip(acceptEncoding) {
  if (!acceptEncoding) return false;
  return acceptEncoding.split(",").some((part) => {
    const [coding, ...params] = part.trim().toLowerCase().split(";");
    if (coding !== "gzip" && coding !== "*") return false;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
    return q === undefined || Number(q.slice(2)) > 0;
  });
}

/**
 * The hook for ops/server.mjs: call it on each request before Next's handler.
 * @param {{ distDir: string, log: Log, copies?: import("./page-copies.mjs").PageCopies }} options
 * @returns {(req: import("node:http").IncomingMessage, res: import("node:http").ServerResponse) => void}
 */
export function publicHtml({ distDir, log, copies }) {
  // For measurements only (npm run bench compares both): the pages exactly as Next sends them.
  if (process.env.PUBLIC_PAGES_KEEP_SCRIPTS === "1") return () => {};
  const isRouteHandler = routeHandlerMatcher(distDir);
  const memo = new Memo();
  let warnedPending = false;

  /** @param {Buffer} body @returns {Stripped | null} */
  function stripped(body) {
    try {
      const key = createHash("sha1").update(body).digest("base64");
      let entry = memo.get(key);
      if (entry === undefined) {
        const text = stripScripts(body.toString("utf8"));
        entry = text === null ? null : { html: Buffer.from(text, "utf8"), gzip: Buffer.alloc(0) };
        if (entry) entry.gzip = gzipSync(entry.html, { level: GZIP_LEVEL });
        else if (!warnedPending) {
          warnedPending = true;
          log.warn({}, "page publique qui a besoin de ses scripts (partie en attente ou page d'erreur de Next) : servie avec");
        }
        memo.set(key, entry);
      }
      return entry;
    } catch (error) {
      // Never a failed response because of the transform: the page goes out as Next made it.
      log.warn({ err: error }, "page publique servie avec ses scripts : transformation en échec");
      return null;
    }
  }

  return (req, res) => {
    let url;
    try {
      url = new URL(req.url ?? "/", "http://localhost");
    } catch {
      return;
    }
    if (!isPublicPath(url.pathname) || !asksForHtml(req, url) || isRouteHandler(url.pathname)) return;
    // Next's compression would gzip the page before it can be stripped: it is told the client
    // takes no compression, and the stripped page is compressed here (once per version).
    const gzipOk = acceptsGzip(req.headers["accept-encoding"]);
    delete req.headers["accept-encoding"];
    const ifNoneMatch = req.headers["if-none-match"];
    if (typeof ifNoneMatch === "string") {
      const tags = nextEtagsOf(ifNoneMatch);
      if (tags) req.headers["if-none-match"] = tags;
      else delete req.headers["if-none-match"];
    }
    // The stripped page may become the copy served to the next visitors (ops/page-copies.mjs).
    const generation = copies?.generation() ?? 0;
    const keep = copies?.enabled ? (/** @type {Stripped} */ page) => copies.keep(req, res, page, generation) : undefined;
    intercept(req, res, gzipOk, stripped, keep);
  };
}

/**
 * Holds back the response of a public page if it is HTML, and sends the stripped page instead.
 * Anything else (a redirect, a 304, a 500) goes through untouched, its ETag renamed.
 * @param {import("node:http").IncomingMessage} req
 * @param {import("node:http").ServerResponse} res
 * @param {boolean} gzipOk
 * @param {(body: Buffer) => Stripped | null} stripped
 * @param {((page: Stripped) => void) | undefined} keep
 */
function intercept(req, res, gzipOk, stripped, keep) {
  const { writeHead, write, end, flushHeaders } = res;
  /** @type {Buffer[] | null} */
  let held = null;
  let decided = false;

  const renameEtag = () => {
    const etag = res.getHeader("etag");
    if (typeof etag === "string") res.setHeader("ETag", strippedEtag(etag));
  };

  /** @type {any} */ (res).writeHead = function (/** @type {number} */ status, /** @type {any} */ reason, /** @type {any} */ headers) {
    if (held) return res;
    if (typeof reason !== "string") [headers, reason] = [reason, undefined];
    if (Array.isArray(headers)) {
      for (let i = 0; i + 1 < headers.length; i += 2) res.setHeader(headers[i], headers[i + 1]);
    } else if (headers) {
      for (const [name, value] of Object.entries(headers)) if (value !== undefined) res.setHeader(name, value);
    }
    res.statusCode = status;
    if (reason) res.statusMessage = reason;
    if (!decided) {
      decided = true;
      const type = String(res.getHeader("content-type") ?? "");
      const encoded = res.getHeader("content-encoding");
      if ((status === 200 || status === 404) && type.startsWith("text/html") && !encoded && req.method === "GET") {
        held = [];
        return res;
      }
      renameEtag();
      if (req.method === "HEAD" && type.startsWith("text/html")) res.removeHeader("content-length");
    }
    return writeHead.call(res, res.statusCode, /** @type {any} */ (res.statusMessage));
  };

  res.flushHeaders = function () {
    if (held) return;
    flushHeaders.call(res);
  };

  /** @type {any} */ (res).write = function (/** @type {any} */ chunk, /** @type {any} */ encoding, /** @type {any} */ callback) {
    if (!res.headersSent && !held) res.writeHead(res.statusCode);
    if (!held) return write.call(res, chunk, encoding, callback);
    if (typeof encoding === "function") [callback, encoding] = [encoding, undefined];
    if (chunk) held.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk, encoding));
    if (typeof callback === "function") process.nextTick(callback);
    return true;
  };

  /** @type {any} */ (res).end = function (/** @type {any} */ chunk, /** @type {any} */ encoding, /** @type {any} */ callback) {
    if (typeof chunk === "function") [callback, chunk] = [chunk, undefined];
    if (typeof encoding === "function") [callback, encoding] = [encoding, undefined];
    if (!res.headersSent && !held) res.writeHead(res.statusCode);
    if (!held) return end.call(res, chunk, encoding, callback);
    if (chunk) held.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk, encoding));
    const original = Buffer.concat(held);
    held = null;
    const page = stripped(original);
    if (page) renameEtag();
    const body = page ? (gzipOk ? page.gzip : page.html) : gzipOk ? gzipSync(original, { level: GZIP_LEVEL }) : original;
    if (gzipOk) res.setHeader("Content-Encoding", "gzip");
    const vary = String(res.getHeader("vary") ?? "");
    if (!/accept-encoding/i.test(vary)) res.setHeader("Vary", vary ? `${vary}, Accept-Encoding` : "Accept-Encoding");
    res.setHeader("Content-Length", body.length);
    writeHead.call(res, res.statusCode, /** @type {any} */ (res.statusMessage));
    if (page && keep) keep(page);
    return end.call(res, body, callback);
  };
}
