// @ts-check
/*
 * Copies of public pages served by the production server without going through Next
 * (docs/decisions/0031-page-copies.md).
 *
 * Why: a public page served from Next's cache still costs Next's whole request path (its router,
 * proxy.ts, the cache lookup, the response's streams): ~3 ms of the one core a process has, so 64
 * visitors at once got 6–13 % of what nginx serves from files (issue 15, goal 2). The page itself
 * does not change between two invalidations: the stripped page (ops/public-html.mjs) Next's cache
 * answered is kept here with its headers, and sent as is to the next anonymous visitors.
 *
 * When a copy is used, and when not:
 *   - made only from a response Next says is cached and fresh (`x-nextjs-cache: HIT` or `MISS`,
 *     `Cache-Control: s-maxage`), 200, HTML, stripped, for a GET without cookies nor credentials,
 *     and only if no invalidation happened while the request ran;
 *   - out of date at the next invalidation of any page (`revalidatePath`, seen by ops/cache-handler.mjs):
 *     writes are rare next to reads, and the next request of each page goes through Next again (a
 *     cache hit there if its page did not change) — never a page older than Next's own;
 *   - after a change, one request per address goes through Next and the others wait for the copy
 *     it makes (only for an address that had a copy: a page rendered per request never waits);
 *   - while Next is working on a request, copies go out a few per turn of the event loop: the
 *     steps of that work (a moderator's approval, a page's render) are not queued behind all the
 *     copies waiting to be sent;
 *   - dropped after COPY_MAX_AGE_MS, so a page's time-based revalidation (`revalidate`, hourly)
 *     happens in Next as it would without copies, a minute late at most;
 *   - never used for a request with a cookie or credentials (a signed-in visitor, the sign-in
 *     pages' CSRF cookie: proxy.ts must see them), an RSC request, a server action, a query made of
 *     `_rsc`; the key is the exact address asked (path and query), so only an address Next already
 *     answered with a cached page is ever served from a copy;
 *   - off with REDIS_URL (several processes: an invalidation made by another process is not seen
 *     here — nginx's micro-cache is in front there, decision 0019), with PUBLIC_PAGES_KEEP_SCRIPTS=1
 *     (the bench's view of Next's own pages) and with PAGE_COPIES=0.
 * Each copy sent gets a fresh CSP nonce (the page has no script: the nonce only keeps the header's
 * form) and its own request id; an If-None-Match that holds its ETag gets a 304.
 */
import { randomBytes } from "node:crypto";
import { invalidationCount, onInvalidation } from "./cache-handler.mjs";
import { acceptsGzip } from "./public-html.mjs";

/** How long a copy serves before the request goes through Next again (its hourly revalidation, a minute late at most). */
export const COPY_MAX_AGE_MS = 60_000;
/** Copies sent per turn of the event loop while Next is working on a request (see `handle`): 4 → 16 measured, 8 kept. */
const COPIES_PER_TURN = 8;
/**
 * The same while only the server's own refreshes are in Next (decision 0032): the readers go before
 * the renders a write waits for. Measured under 64 connections at 100,000 contributions (home page,
 * one approval a second): 8 → reads 0.89–0.91 of their throughput, the write answered in ~150 ms;
 * 32 → 0.88–0.97, ~180 ms; unbounded → 0.91–0.97, ~250 ms.
 */
const REFRESH_COPIES_PER_TURN = 32;
/** Copies kept at most (least recently made dropped first): the addresses asked are the visitors' choice. */
const MAX_COPIES = 1_000;
/** The longest a write waits for the pages visitors read to be made again (decision 0032). */
export const REFRESH_LIMIT_MS = 1_000;
/** A page is made again ahead of its visitors if its copy was served this many times in the last REFRESH_RECENT_MS… */
export const REFRESH_MIN_HITS = 5;
const REFRESH_RECENT_MS = 10_000;
/** …and only the most read ones, so that a write never waits for more than these renders. */
const REFRESH_MAX_PAGES = 8;
/** Pages asked of Next at once during a refresh: the renders share one core, their queries overlap. */
const REFRESH_PARALLEL = 2;
/** The header that marks the server's own refresh requests (its value is this process's secret). */
const REFRESH_HEADER = "x-psc-refresh";
/** Headers that belong to one response, not to the page: set again (or by Node) for each one sent. */
const PER_RESPONSE = new Set([
  "content-length",
  "content-encoding",
  "x-request-id",
  "date",
  "connection",
  "keep-alive",
  "transfer-encoding",
  "set-cookie",
]);
const NONCE = /'nonce-[^']*'/;

/**
 * @typedef {{ html: Buffer, gzip: Buffer }} Stripped
 * @typedef {{ generation: number, expiresAt: number, headers: [string, string][], etag: string | null, page: Stripped, hits: number, lastHitAt: number }} Copy
 * @typedef {(path: string, headers: Record<string, string>) => Promise<void>} FetchPage
 */

/**
 * Whether a request may be answered by a copy, or may leave one: nothing in it that Next or
 * proxy.ts would answer differently for this visitor.
 * @param {import("node:http").IncomingMessage} req
 */
function anonymousPageRequest(req) {
  if (req.method !== "GET" && req.method !== "HEAD") return false;
  const h = req.headers;
  if (h.cookie !== undefined || h.authorization !== undefined) return false;
  if (h.rsc !== undefined || h["next-router-prefetch"] !== undefined || h["next-action"] !== undefined) return false;
  if (h["next-router-state-tree"] !== undefined || h["next-router-segment-prefetch"] !== undefined) return false;
  return !(req.url ?? "").includes("_rsc=");
}

/**
 * Whether an If-None-Match names this ETag (weak comparison, as for a GET).
 * @param {string | undefined} header
 * @param {string | null} etag
 */
function matchesEtag(header, etag) {
  if (!header || !etag) return false;
  const bare = (/** @type {string} */ tag) => tag.trim().replace(/^W\//, "");
  return header.split(",").some((tag) => tag.trim() === "*" || bare(tag) === bare(etag));
}

/** @param {string | number | string[] | undefined} value */
export function headerText(value) {
  if (value === undefined) return "";
  return Array.isArray(value) ? value.join(", ") : String(value);
}

/**
 * The headers of a response that belong to what it sent, not to that one response (PER_RESPONSE):
 * what a copy, or a build file kept by ops/static-files.mjs, is sent again with.
 * @param {import("node:http").ServerResponse} res
 * @returns {[string, string][]}
 */
export function keptHeaders(res) {
  /** @type {[string, string][]} */
  const headers = [];
  for (const [name, value] of Object.entries(res.getHeaders())) {
    if (value !== undefined && !PER_RESPONSE.has(name)) headers.push([name, headerText(value)]);
  }
  return headers;
}

/**
 * Random bytes drawn ahead, 256 nonces at a time: a draw per copy sent was most of the 5 % of the
 * core that a CPU profile of the bench gave to random bytes (2026-12-01).
 */
let noncePool = Buffer.alloc(0);
let noncePoolAt = 0;

/** A fresh nonce (16 random bytes, base64), never given twice. */
function freshNonce() {
  if (noncePoolAt + 16 > noncePool.length) {
    noncePool = randomBytes(16 * 256);
    noncePoolAt = 0;
  }
  noncePoolAt += 16;
  return noncePool.toString("base64", noncePoolAt - 16, noncePoolAt);
}

/**
 * Sends a copy: its headers with a fresh nonce, a 304 if the client holds it, gzip if taken. Also
 * how ops/static-files.mjs sends the build's files.
 * @param {import("node:http").IncomingMessage} req
 * @param {import("node:http").ServerResponse} res
 * @param {Pick<Copy, "headers" | "etag" | "page">} copy
 */
export function send(req, res, copy) {
  for (const [name, value] of copy.headers) {
    res.setHeader(name, name === "content-security-policy" ? value.replace(NONCE, `'nonce-${freshNonce()}'`) : value);
  }
  if (matchesEtag(headerText(req.headers["if-none-match"]), copy.etag)) {
    res.removeHeader("content-type");
    res.writeHead(304).end();
    return;
  }
  const gzip = acceptsGzip(req.headers["accept-encoding"]);
  const body = gzip ? copy.page.gzip : copy.page.html;
  if (gzip) res.setHeader("Content-Encoding", "gzip");
  res.setHeader("Content-Length", body.length);
  res.writeHead(200);
  if (req.method === "HEAD") res.end();
  else res.end(body);
}

/**
 * @param {{ enabled: boolean, now?: () => number }} options
 */
export function pageCopies({ enabled, now = Date.now }) {
  /** Copies by address; an out-of-date one stays until replaced: it says the address is worth waiting for. */
  /** @type {Map<string, Copy>} */
  const copies = new Map();
  /** Requests waiting for the one that went through Next for their address. */
  /** @type {Map<string, { req: import("node:http").IncomingMessage, res: import("node:http").ServerResponse, next: () => void }[]>} */
  const pending = new Map();

  /** Requests handed to Next and not finished: while there are, copies wait for their turn. */
  let inNext = 0;
  /** Copies to send at the next turn of the event loop (see `handle`). */
  /** @type {{ req: import("node:http").IncomingMessage, res: import("node:http").ServerResponse, next: () => void }[]} */
  const queued = [];
  let draining = false;

  /*
   * Refresh ahead (decision 0032). Invalidation n°k (the count after it) is « released » once the
   * pages visitors read were made again after it, or REFRESH_LIMIT_MS after it at most; the write
   * that made it gets its answer only then (its `revalidatePath` waits: ops/cache-handler.mjs; any
   * other answer to a POST waits too, see `holdUntilReleased`). Until then, a copy made before it
   * may still be served: whoever reads it asked before the write was over, so seeing the page as it
   * was is what they would have seen a moment earlier. Once released, a copy older than it is never
   * served again. So readers never wait for a render, and no one who saw a write end reads older.
   */
  /** The highest invalidation released: a copy of an earlier generation is out of date. */
  let released = invalidationCount();
  /** Resolved when the newest invalidation is released (releases come in order). */
  /** @type {Promise<void> | null} */
  let newestRelease = null;
  /** The refresh under way (or the last one), and the one asked for while it runs. */
  /** @type {Promise<void>} */
  let lastRound = Promise.resolve();
  /** @type {Promise<void> | null} */
  let nextRound = null;
  /** How the server asks itself for a page (a request through its own port), set once it listens. */
  /** @type {FetchPage | null} */
  let fetchPage = null;
  const refreshSecret = randomBytes(16).toString("hex");

  /**
   * Hands a request to Next, counted until Next has finished its response (or it is cut).
   * @param {import("node:http").ServerResponse} res @param {() => void} next
   * @returns {() => void} what marks Next's work over (a held write's end, see `holdUntilReleased`)
   */
  function toNext(res, next) {
    inNext += 1;
    let counted = true;
    const over = () => {
      if (!counted) return;
      counted = false;
      inNext -= 1;
    };
    res.once("close", over);
    next();
    return over;
  }

  /** The server's own refreshes in Next: the copies keep going out, REFRESH_COPIES_PER_TURN per turn. */
  let refreshing = 0;

  function drain() {
    draining = false;
    const perTurn = inNext > 0 ? COPIES_PER_TURN : REFRESH_COPIES_PER_TURN;
    for (let i = 0; i < perTurn && queued.length > 0; i++) {
      const { req, res, next } = /** @type {typeof queued[number]} */ (queued.shift());
      if (res.destroyed) continue;
      const copy = copies.get(req.url ?? "/");
      if (copy && valid(copy)) serve(req, res, copy);
      else toNext(res, next);
    }
    if (queued.length > 0) {
      draining = true;
      setImmediate(drain);
    }
  }

  /** @param {Copy} copy */
  const valid = (copy) => copy.generation >= released && now() <= copy.expiresAt;

  /**
   * Sends a copy and counts it: the pages read most are the ones made again ahead of a change.
   * @param {import("node:http").IncomingMessage} req @param {import("node:http").ServerResponse} res @param {Copy} copy
   */
  function serve(req, res, copy) {
    const at = now();
    copy.hits = at - copy.lastHitAt > REFRESH_RECENT_MS ? 1 : copy.hits + 1;
    copy.lastHitAt = at;
    send(req, res, copy);
  }

  /**
   * The request that went through Next is over: those that waited get its copy, else go to Next.
   * @param {string} key
   */
  function release(key) {
    const waiting = pending.get(key) ?? [];
    pending.delete(key);
    const copy = copies.get(key);
    for (const waiter of waiting) {
      if (waiter.res.destroyed) continue;
      if (copy && valid(copy)) serve(waiter.req, waiter.res, copy);
      else toNext(waiter.res, waiter.next);
    }
  }

  /** GET and HEAD requests in Next, by path: the count of invalidations when each went in. */
  /** @type {Map<string, number[]>} */
  const inNextByPath = new Map();
  /** Requests of a path waiting for older ones of that path to be over. */
  /** @type {Map<string, (() => void)[]>} */
  const afterOlder = new Map();

  /**
   * Next renders a page once for all the requests that ask for it at the same time. A request that
   * comes after an invalidation would then get the render of a request from before it, which read
   * the old data — and its copy would be kept as new (a visitor saw the previous plan on `/plan`
   * right after a publication). So it waits until the requests of its path from before the
   * invalidation are over; Next then renders the page again, since ops/cache-handler.mjs did not
   * store that older render.
   * @param {import("node:http").IncomingMessage} req
   * @param {import("node:http").ServerResponse} res
   * @param {() => void} next
   */
  function afterOlderRenders(req, res, next) {
    if (res.destroyed) return;
    const url = req.url ?? "/";
    const path = url.split("?", 1)[0] ?? url;
    const generation = invalidationCount();
    const inside = inNextByPath.get(path) ?? [];
    if (inside.some((g) => g < generation)) {
      const waiting = afterOlder.get(path) ?? [];
      waiting.push(() => afterOlderRenders(req, res, next));
      afterOlder.set(path, waiting);
      return;
    }
    inside.push(generation);
    inNextByPath.set(path, inside);
    res.once("close", () => {
      const left = inNextByPath.get(path) ?? [];
      left.splice(left.indexOf(generation), 1);
      if (left.length === 0) inNextByPath.delete(path);
      const waiting = afterOlder.get(path);
      if (!waiting) return;
      afterOlder.delete(path);
      for (const retry of waiting) retry();
    });
    next();
  }

  /** The addresses worth making again before visitors ask: read often, lately; the most read first. */
  function hotAddresses() {
    const since = now() - REFRESH_RECENT_MS;
    return [...copies.entries()]
      .filter(([, copy]) => copy.lastHitAt >= since && copy.hits >= REFRESH_MIN_HITS)
      .sort(([, a], [, b]) => b.hits - a.hits)
      .slice(0, REFRESH_MAX_PAGES)
      .map(([key]) => key);
  }

  /** Asks Next for each hot page again (through the server's own port): each answer leaves its copy. */
  async function refreshHotPages() {
    const fetch = fetchPage;
    if (!fetch) return;
    const addresses = hotAddresses();
    const headers = { [REFRESH_HEADER]: refreshSecret, "accept-encoding": "gzip" };
    const worker = async () => {
      for (let key = addresses.shift(); key !== undefined; key = addresses.shift()) {
        await fetch(key, headers).catch(() => {});
      }
    };
    await Promise.all(Array.from({ length: REFRESH_PARALLEL }, worker));
  }

  /** A refresh that starts after now: the one already waiting for its turn, or a new one. */
  function refreshAfterNow() {
    if (nextRound) return nextRound;
    const round = lastRound.then(() => {
      nextRound = null;
      return refreshHotPages();
    });
    nextRound = round;
    lastRound = round.catch(() => {});
    return round;
  }

  /**
   * Told of invalidation n°k as soon as it is counted; returns what runs once the store recorded
   * it: the refresh, then the release (REFRESH_LIMIT_MS after the invalidation at the latest).
   */
  function invalidated() {
    const k = invalidationCount();
    /** @type {() => void} */
    let resolve = () => {};
    /** @type {Promise<void>} */
    const done = new Promise((r) => {
      resolve = () => r(undefined);
    });
    const markReleased = () => {
      clearTimeout(limit);
      if (k > released) released = k;
      resolve();
    };
    const limit = setTimeout(markReleased, REFRESH_LIMIT_MS);
    limit.unref();
    newestRelease = done;
    return () => {
      refreshAfterNow().then(markReleased, markReleased);
      return done;
    };
  }

  /**
   * Holds the end of a response (a POST: a write) until every invalidation so far is released, so
   * that a visitor who sees the write over never gets a copy older than it. A server action's own
   * `revalidatePath` already waits (ops/cache-handler.mjs); a route handler's runs after its answer.
   * @param {import("node:http").ServerResponse} res
   * @param {() => void} next
   */
  function holdUntilReleased(res, next) {
    const end = res.end;
    /** @type {() => void} */
    let nextIsOver = () => {};
    /** @type {any} */ (res).end = function (/** @type {any[]} */ ...args) {
      // Next is done with it: the copies need not make way for it while it waits.
      nextIsOver();
      if (released >= invalidationCount() || !newestRelease) return end.apply(res, /** @type {any} */ (args));
      newestRelease.then(() => end.apply(res, /** @type {any} */ (args)));
      return res;
    };
    nextIsOver = toNext(res, next);
  }

  if (enabled) onInvalidation(invalidated);

  return {
    enabled,
    /** The count of invalidations so far: a copy made from a request is kept only if it did not move meanwhile. */
    generation: () => invalidationCount(),

    /**
     * How the server asks itself for a page during a refresh; without it, nothing is refreshed
     * ahead (and copies are dropped at each invalidation's release).
     * @param {FetchPage} fetch
     */
    refreshWith(fetch) {
      fetchPage = fetch;
    },

    /** Stops listening to the invalidations (tests). */
    close() {
      onInvalidation(null);
    },

    /**
     * Answers from the copy of this address if it is valid; else hands the request to Next
     * (`next`). When the copy is out of date, one request goes to Next and the others for the same
     * address wait for it, then get the copy it made (or go to Next if it made none): after a
     * change, 64 visitors of one page cost one pass through Next, not 64.
     * @param {import("node:http").IncomingMessage} req
     * @param {import("node:http").ServerResponse} res
     * @param {() => void} next
     */
    handle(req, res, next) {
      if (!enabled) return next();
      if (req.method !== "GET" && req.method !== "HEAD") return holdUntilReleased(res, next);
      const render = () => afterOlderRenders(req, res, next);
      if (req.headers[REFRESH_HEADER] === refreshSecret) {
        refreshing += 1;
        res.once("close", () => (refreshing -= 1));
        return render();
      }
      if (copies.size === 0 || !anonymousPageRequest(req)) return toNext(res, render);
      const key = req.url ?? "/";
      const copy = copies.get(key);
      // Never copied: Next answers (and may leave a copy).
      if (!copy) return toNext(res, render);
      if (valid(copy)) {
        // Next is working (a change, a render): the copies wait for the next turn of the event loop,
        // a few per turn, so that each step of that work (a query's answer) is not queued behind
        // 64 copies sent first. An approval under 64 connections: 294 → 55 ms (decision 0031).
        if (inNext === 0 && refreshing === 0) return serve(req, res, copy);
        queued.push({ req, res, next: render });
        if (!draining) {
          draining = true;
          setImmediate(drain);
        }
        return;
      }
      const waiting = pending.get(key);
      if (waiting) {
        waiting.push({ req, res, next: render });
        return;
      }
      pending.set(key, []);
      res.once("close", () => release(key));
      toNext(res, render);
    },

    /**
     * Keeps the stripped page just sent as the copy of its address, if Next said it is cached and
     * fresh and nothing was invalidated since the request began (`generation`, read then).
     * @param {import("node:http").IncomingMessage} req
     * @param {import("node:http").ServerResponse} res
     * @param {Stripped} page
     * @param {number} generation
     */
    keep(req, res, page, generation) {
      if (!enabled || req.method !== "GET" || !anonymousPageRequest(req) || res.statusCode !== 200) return;
      if (generation !== invalidationCount() || res.getHeader("set-cookie") !== undefined) return;
      const cache = headerText(res.getHeader("x-nextjs-cache")).toUpperCase();
      const sMaxAge = /(?:^|[\s,])s-maxage=(\d+)/.exec(headerText(res.getHeader("cache-control")))?.[1];
      if ((cache !== "HIT" && cache !== "MISS") || !sMaxAge || Number(sMaxAge) <= 0) return;
      // A copy is served from a cache, whatever the request that made it was (a render: MISS).
      const headers = keptHeaders(res).map(
        ([name, value]) => /** @type {[string, string]} */ ([name, name === "x-nextjs-cache" ? "HIT" : value]),
      );
      const key = req.url ?? "/";
      // How much it is read goes on from one copy of the address to the next.
      const previous = copies.get(key);
      copies.delete(key);
      copies.set(key, {
        generation,
        expiresAt: now() + Math.min(Number(sMaxAge) * 1000, COPY_MAX_AGE_MS),
        headers,
        etag: headerText(res.getHeader("etag")) || null,
        page,
        hits: previous?.hits ?? 0,
        lastHitAt: previous?.lastHitAt ?? 0,
      });
      if (copies.size > MAX_COPIES) copies.delete(/** @type {string} */ (copies.keys().next().value));
    },
  };
}

/** @typedef {ReturnType<typeof pageCopies>} PageCopies */
