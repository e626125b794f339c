// @ts-check
/*
 * Next's incremental cache (`cacheHandler` in next.config.js): where the rendered public pages are
 * kept between requests (decision 0001), and how `revalidatePath` drops them (decision 0019).
 *
 *   - REDIS_URL unset (one process; the embedded database): Next's own cache, in this process's
 *     memory only — pages and invalidations — except that a render which read before an
 *     invalidation is not kept (FileSystemCacheAfterReads).
 *   - REDIS_URL set (several processes): every process reads and writes the same entries in Redis,
 *     and an invalidation made by one (revalidatePath → Next's tag `_N_T_/<path>`) is a timestamp in
 *     Redis that every process checks on its next read. So a change made through any process is
 *     seen by all of them on their next request.
 *
 * Keys (prefix REDIS_PREFIX, default `psc`):
 *   <prefix>:page:<build id>:<Next's key>  a hash: v (the entry, JSON), tags (its tags), at (ms)
 *   <prefix>:tags                          a hash: tag → when it was last invalidated (ms)
 * Entries are keyed by the build id: a new deployment never serves an earlier build's pages, and a
 * process that starts does not wipe what the others (same build) cached. Tags are not keyed by build:
 * during a rolling deployment an old process's change also drops the new build's pages. Every time
 * is Redis's own clock (TIME in the scripts), so processes on several machines agree.
 *
 * An entry's `at` is when the read that preceded its render happened, not when it was stored: a
 * render that started before an invalidation (and read the old data) is stored as older than the
 * invalidation, so it is never served as fresh.
 *
 * Redis down: a read is a miss (Next renders the page from the database), a write is skipped, an
 * invalidation is kept in memory and written when Redis is back; one error line in the logs per
 * outage (and one every minute while it lasts), never a failed request. Commands time out after
 * 1 s and fail at once while disconnected (no offline queue).
 *
 * Plain JavaScript, loaded by Next's server with a native import (outside the app's bundle).
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import fileSystemCacheModule from "next/dist/server/lib/incremental-cache/file-system-cache.js";
import tagsManifestModule from "next/dist/server/lib/incremental-cache/tags-manifest.external.js";
import { createClient } from "redis";
import { onShutdown } from "./lifecycle.mjs";

/** @typedef {import("next/dist/server/lib/incremental-cache").CacheHandler} NextCacheHandler */
/** @typedef {import("next/dist/server/lib/incremental-cache").CacheHandlerContext} CacheHandlerContext */
/** @typedef {import("next/dist/server/lib/incremental-cache").CacheHandlerValue} CacheHandlerValue */
/** @typedef {{ eval: (script: string, options: { keys: string[], arguments: string[] }) => Promise<unknown>, close: () => Promise<unknown>, destroy: () => void }} RedisClient */

/**
 * Next's own cache (memory and disk), used when there is no REDIS_URL. (Loaded natively by the
 * server, this CommonJS module's class is its `default`; bundled into proxy.ts, it is the module.)
 */
const FileSystemCache = /** @type {new (ctx: CacheHandlerContext) => NextCacheHandler} */ (
  /** @type {any} */ (fileSystemCacheModule).default ?? fileSystemCacheModule
);

/** Next's record of invalidated tags in this process (the module Next's own cache reads: `.external`, one instance). */
const { tagsManifest } = /** @type {{ tagsManifest: Map<string, { expired?: number }> }} */ (
  /** @type {any} */ (tagsManifestModule).default ?? tagsManifestModule
);

/**
 * Whether one of `tags` was invalidated at or after `since` (ms, Date.now()'s clock, as Next stamps
 * both). Next's own check counts an invalidation only if strictly after the entry was stored, and
 * only once the performance clock has passed it: an entry stored in the same millisecond as an
 * invalidation — a render whose last query came back with the publication's COMMIT, in the same
 * turn of the event loop — stayed fresh for an hour. Here the same millisecond counts, and
 * either clock's lead does not matter (revalidatePath always expires at once: no future times).
 * @param {string[]} tags
 * @param {number} since
 */
function invalidatedSince(tags, since) {
  for (const tag of tags) {
    const expired = tagsManifest.get(tag)?.expired;
    if (typeof expired === "number" && expired >= since) return true;
  }
  return false;
}

export const DEFAULT_PREFIX = "psc";
/** Next's tag on every page of the app (the root layout): invalidating it drops every page. */
export const EVERY_PAGE_TAG = "_N_T_/layout";
/** An entry not read nor written for this long leaves Redis (pages of earlier builds, pages nobody visits). */
const ENTRY_TTL_MS = 24 * 60 * 60 * 1000;
const COMMAND_TIMEOUT_MS = 1_000;
const OUTAGE_LOG_EVERY_MS = 60_000;
/** A render follows the read that missed within this (else the read is forgotten). */
const READ_MEMORY_MS = 60_000;
/** Keys whose reads are remembered before the forgotten ones are swept (the addresses asked are the visitors' choice). */
const READS_SWEEP_ABOVE = 1_000;

/** The prefix of every key of this site in Redis (several sites or stages may share one Redis). */
export function redisPrefix(value = process.env.REDIS_PREFIX) {
  return (value ?? "").trim() || DEFAULT_PREFIX;
}

// Reads an entry, checks its tags (and `extra`, comma-separated) against their invalidation times.
// Returns { "miss"|"stale"|"hit", now, value, at }.
const READ = `
local e = redis.call('HMGET', KEYS[1], 'v', 'tags', 'at')
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
if not e[1] then return {'miss', now} end
local at = tonumber(e[3])
for tag in string.gmatch((e[2] or '') .. ',' .. ARGV[1], '[^,]+') do
  local when = redis.call('HGET', KEYS[2], tag)
  if when and tonumber(when) >= at then return {'stale', now} end
end
redis.call('PEXPIRE', KEYS[1], ARGV[2])
return {'hit', now, e[1], e[3]}`;

// Stores an entry stamped with ARGV[3] (when its render's read happened), else Redis's now.
const WRITE = `
local at = tonumber(ARGV[3])
if not at then
  local t = redis.call('TIME')
  at = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
end
redis.call('HSET', KEYS[1], 'v', ARGV[1], 'tags', ARGV[2], 'at', at)
redis.call('PEXPIRE', KEYS[1], ARGV[4])
return at`;

// Marks every tag in ARGV invalidated now.
const INVALIDATE = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
for _, tag in ipairs(ARGV) do redis.call('HSET', KEYS[1], tag, now) end
return now`;

/**
 * Entries hold Buffers (RSC payloads, route bodies) and Maps (segment data): JSON with tagged
 * values, so that they come back as they went in.
 * @param {unknown} value
 * @returns {unknown}
 */
export function encode(value) {
  if (value instanceof Uint8Array) return { $b: Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString("base64") };
  if (value instanceof Map) return { $m: [...value].map(([k, v]) => [k, encode(v)]) };
  if (Array.isArray(value)) return value.map(encode);
  if (value && typeof value === "object") {
    /** @type {Record<string, unknown>} */
    const out = {};
    for (const [k, v] of Object.entries(value)) if (v !== undefined) out[k] = encode(v);
    return out;
  }
  return value;
}

/**
 * @param {unknown} value
 * @returns {unknown}
 */
export function decode(value) {
  if (Array.isArray(value)) return value.map(decode);
  if (value && typeof value === "object") {
    const tagged = /** @type {Record<string, unknown>} */ (value);
    if (typeof tagged.$b === "string") return Buffer.from(tagged.$b, "base64");
    if (Array.isArray(tagged.$m)) return new Map(tagged.$m.map((pair) => [pair[0], decode(pair[1])]));
    /** @type {Record<string, unknown>} */
    const out = {};
    for (const [k, v] of Object.entries(tagged)) out[k] = decode(v);
    return out;
  }
  return value;
}

/**
 * The tags Next gave an entry: a page's or a route's are in its `x-next-cache-tags` header (the
 * implicit tags of its path and layouts), a fetch's in the context.
 * @param {any} value
 * @param {any} ctx
 * @returns {string[]}
 */
function tagListOf(value, ctx) {
  const header = value?.headers?.["x-next-cache-tags"];
  const tags = typeof header === "string" ? header.split(",") : [];
  if (Array.isArray(ctx?.tags)) tags.push(...ctx.tags);
  return [...new Set(tags.filter(Boolean))];
}

/**
 * The one Redis connection of this process, and what it must remember while Redis is away.
 * @typedef {{
 *   client: RedisClient,
 *   prefix: string,
 *   connected: Promise<void> | null,
 *   down: boolean,
 *   lastOutageLog: number,
 *   pendingTags: Set<string>,
 *   reads: ReadsBeforeRenders,
 * }} Shared
 */

/** @returns {Shared} */
function shared() {
  const key = Symbol.for("psc.sharedCache");
  const holder = /** @type {Record<symbol, Shared | undefined>} */ (/** @type {unknown} */ (globalThis));
  if (holder[key]) return holder[key];
  const redis = createClient({
    url: process.env.REDIS_URL,
    // Fail at once while disconnected: the page is rendered from the database instead of waiting.
    disableOfflineQueue: true,
    commandOptions: { timeout: COMMAND_TIMEOUT_MS },
    socket: { connectTimeout: 2_000, reconnectStrategy: (retries) => Math.min(100 * 2 ** retries, 5_000) },
  });
  /** @type {RedisClient} */
  const client = /** @type {any} */ (redis);
  /** @type {Shared} */
  const state = {
    client,
    prefix: redisPrefix(),
    connected: null,
    down: false,
    lastOutageLog: 0,
    pendingTags: new Set(),
    reads: new ReadsBeforeRenders(),
  };
  holder[key] = state;
  redis.on("error", (error) => outage(state, error));
  redis.on("ready", () => {
    if (state.down) console.info("[cache partagé] Redis de nouveau joignable : pages de nouveau partagées");
    state.down = false;
    void flushPendingTags(state);
  });
  // The first requests wait for the first connection (1 s at most), not to count the start as an outage.
  state.connected = Promise.race([
    redis.connect().then(
      () => {},
      (error) => outage(state, error),
    ),
    new Promise((resolve) => setTimeout(resolve, COMMAND_TIMEOUT_MS).unref()),
  ]).then(() => {
    state.connected = null;
  });
  onShutdown("cache partagé (Redis)", async () => {
    try {
      await client.close();
    } catch {
      client.destroy();
    }
  });
  return state;
}

/**
 * @param {Shared} state
 * @param {unknown} error
 */
function outage(state, error) {
  const now = Date.now();
  if (state.down && now - state.lastOutageLog < OUTAGE_LOG_EVERY_MS) return;
  state.down = true;
  state.lastOutageLog = now;
  const err = error instanceof Error ? error : new Error(String(error));
  console.error("[cache partagé] Redis injoignable : pages rendues depuis la base de données, sans cache partagé", err);
}

/**
 * Invalidations made while Redis was away, written now (stamped now: conservative, every page cached
 * before drops).
 * @param {Shared} state
 */
async function flushPendingTags(state) {
  if (state.pendingTags.size === 0) return;
  const tags = [...state.pendingTags];
  try {
    await state.client.eval(INVALIDATE, { keys: [`${state.prefix}:tags`], arguments: tags });
    for (const tag of tags) state.pendingTags.delete(tag);
  } catch (error) {
    outage(state, error);
  }
}

/** @type {Map<string, string>} */
const buildIds = new Map();

/** @param {string | undefined} serverDistDir */
function buildIdOf(serverDistDir) {
  const dir = serverDistDir ?? "";
  let id = buildIds.get(dir);
  if (!id) {
    id = readFileSync(path.join(dir, "..", "BUILD_ID"), "utf8").trim();
    buildIds.set(dir, id);
  }
  return id;
}

/**
 * Whether Next renders the page after this read: on a miss, or a hit older than its `revalidate`
 * (rendered again in the background).
 * @param {{ lastModified: number, cacheControl?: { revalidate?: number | false } } | null} entry
 * @param {number} readAt
 */
function rendersAfter(entry, readAt) {
  const revalidate = entry?.cacheControl?.revalidate;
  return !entry || (typeof revalidate === "number" && readAt - entry.lastModified > revalidate * 1000);
}

/**
 * The reads a render follows (a miss, or a hit past its `revalidate`), per key, until each render
 * stores its result under that key: a render that read before an invalidation must not be kept as
 * fresh. Renders of one key may overlap — Next runs a prefetch's render apart from the others, and
 * each segment of one prefetch may render the page — and a result does not say which read it
 * followed. So `take` answers the earliest read still waiting, never later than the render's own,
 * and forgets the latest one: each render is judged by a read at least as early as its own
 * (conservative: at worst a render is not kept, and the next request renders again).
 */
export class ReadsBeforeRenders {
  /** @type {Map<string, number[]>} per key, the times of its reads in the order they came */
  byKey = new Map();
  /** The latest read's time: the clock reads are forgotten by (the store's: Date.now(), or Redis's TIME). */
  latest = 0;
  /** Above this many keys, the forgotten ones are swept (then twice what is left: a sweep's cost spread over the reads). */
  sweepAbove = READS_SWEEP_ABOVE;

  /**
   * @param {string} key
   * @param {number} at
   */
  add(key, at) {
    this.latest = Math.max(this.latest, at);
    const times = this.recent(key, at);
    times.push(at);
    this.byKey.set(key, times);
    if (this.byKey.size > this.sweepAbove) {
      for (const other of [...this.byKey.keys()]) if (this.recent(other, at).length === 0) this.byKey.delete(other);
      this.sweepAbove = Math.max(READS_SWEEP_ABOVE, 2 * this.byKey.size);
    }
  }

  /**
   * The read a render of `key` is judged by, when it stores its result; undefined if none is known.
   * @param {string} key
   */
  take(key) {
    const times = this.recent(key, this.latest);
    const earliest = times[0];
    times.pop();
    if (times.length === 0) this.byKey.delete(key);
    return earliest;
  }

  /**
   * The reads of `key` not older than READ_MEMORY_MS: an older one had no render stored after it
   * (the render failed, or Next stores none: a prefetch of a page past its `revalidate`).
   * @param {string} key
   * @param {number} now
   */
  recent(key, now) {
    const times = this.byKey.get(key) ?? [];
    let old = 0;
    while (old < times.length && now - /** @type {number} */ (times[old]) > READ_MEMORY_MS) old += 1;
    if (old > 0) times.splice(0, old);
    return times;
  }
}

/**
 * Next's own cache (one process, no Redis), minus two races that kept an old page for up to an hour
 * (the pages' `revalidate`) after a change:
 *   - Next stamps an entry with the time it is stored, so a render that read the database before an
 *     invalidation and finished after it (a visitor's page, or a link's prefetch, rendering while
 *     staff publish) was kept as fresh. Here a render whose read came before an invalidation of one
 *     of its tags is not stored: it answers the request that asked for it, and the next request
 *     renders again. (The Redis store stamps entries with the read's time instead.)
 *   - An entry stored in the same millisecond as an invalidation of its tags was still fresh for
 *     Next: here it is not (`invalidatedSince`).
 */
class FileSystemCacheAfterReads extends FileSystemCache {
  /** One for the process: Next makes a handler per request. */
  static reads = new ReadsBeforeRenders();

  /** @type {NextCacheHandler["get"]} */
  async get(key, ctx) {
    const readAt = Date.now();
    let entry = await super.get(key, ctx);
    if (entry && invalidatedSince(tagListOf(entry.value, ctx), entry.lastModified)) entry = null;
    if (rendersAfter(entry, readAt)) FileSystemCacheAfterReads.reads.add(key, readAt);
    return entry;
  }

  /** @type {NextCacheHandler["set"]} */
  async set(key, data, ctx) {
    const readAt = FileSystemCacheAfterReads.reads.take(key);
    const tags = tagListOf(data, ctx);
    // An invalidation in the same millisecond as the read may have come after it: it counts.
    if (readAt !== undefined && invalidatedSince(tags, readAt)) return;
    return super.set(key, data, ctx);
  }
}

/**
 * The cache of proxy.ts's own IncrementalCache (Next builds one for the proxy with no folder: only a
 * `fetch` inside proxy.ts would use it, and it makes none): nothing kept, as when no handler is set.
 * @implements {NextCacheHandler}
 */
class NoCache {
  async get() {
    return null;
  }
  async set() {}
  async revalidateTag() {}
  resetRequestCache() {}
}

/** @implements {NextCacheHandler} */
class RedisCache {
  /** @param {CacheHandlerContext} ctx */
  constructor(ctx) {
    this.state = shared();
    this.buildId = buildIdOf(ctx.serverDistDir);
  }

  /** @param {string} key */
  keyOf(key) {
    return `${this.state.prefix}:page:${this.buildId}:${key}`;
  }

  /**
   * @param {string} key
   * @param {any} ctx
   * @returns {Promise<CacheHandlerValue | null>}
   */
  async get(key, ctx) {
    const { state } = this;
    const extra = [...(ctx?.tags ?? []), ...(ctx?.softTags ?? [])].join(",");
    if (state.connected) await state.connected;
    try {
      const reply = /** @type {[string, number, string?, string?]} */ (
        await state.client.eval(READ, { keys: [this.keyOf(key), `${state.prefix}:tags`], arguments: [extra, String(ENTRY_TTL_MS)] })
      );
      const [status, now, value, at] = reply;
      const entry =
        status === "hit" && value !== undefined
          ? { .../** @type {CacheHandlerValue} */ (decode(JSON.parse(value))), lastModified: Number(at) }
          : null;
      if (rendersAfter(entry, Number(now))) state.reads.add(key, Number(now));
      return entry;
    } catch (error) {
      outage(state, error);
      return null;
    }
  }

  /**
   * @param {string} key
   * @param {any} data
   * @param {any} ctx
   */
  async set(key, data, ctx) {
    const { state } = this;
    const readAt = state.reads.take(key);
    if (state.connected) await state.connected;
    /** @type {Omit<CacheHandlerValue, "lastModified">} */
    const entry = { value: data, ...(ctx?.fetchCache || !ctx?.cacheControl ? {} : { cacheControl: ctx.cacheControl }) };
    try {
      await state.client.eval(WRITE, {
        keys: [this.keyOf(key)],
        arguments: [
          JSON.stringify(encode(entry)),
          tagListOf(data, ctx).join(","),
          readAt === undefined ? "" : String(readAt),
          String(ENTRY_TTL_MS),
        ],
      });
    } catch (error) {
      outage(state, error);
    }
  }

  /** @param {string | string[]} tags */
  async revalidateTag(tags) {
    const { state } = this;
    const list = (Array.isArray(tags) ? tags : [tags]).filter(Boolean);
    if (list.length === 0) return;
    if (state.connected) await state.connected;
    try {
      await state.client.eval(INVALIDATE, { keys: [`${state.prefix}:tags`], arguments: list });
    } catch (error) {
      // Written when Redis is back (the pages were not served from Redis meanwhile anyway).
      for (const tag of list) state.pendingTags.add(tag);
      outage(state, error);
    }
  }

  resetRequestCache() {}
}

/**
 * What the server's copies do at an invalidation: told of it as soon as it is counted, they return
 * what to run once the store has recorded it — the refresh of the pages visitors are reading,
 * which the invalidation's promise (and so the write's answer) waits for (decision 0032).
 * @typedef {() => () => Promise<void>} InvalidationListener
 */

/**
 * The invalidations of this process, kept on globalThis: one per process, whichever copy of this
 * module counts (Next's bundle and the server each load one). `count`: how many so far; `listener`:
 * the server's copies of public pages (ops/page-copies.mjs).
 * @type {{ count: number, listener?: InvalidationListener }}
 */
const invalidations = (() => {
  const key = Symbol.for("psc.invalidations");
  const holder = /** @type {Record<symbol, { count: number, listener?: InvalidationListener } | undefined>} */ (
    /** @type {unknown} */ (globalThis)
  );
  return (holder[key] ??= { count: 0 });
})();

/**
 * How many invalidations (`revalidatePath`, `revalidateTag`) this process has made so far: the
 * server's copies of public pages are dropped when it moves (ops/page-copies.mjs).
 * @returns {number}
 */
export function invalidationCount() {
  return invalidations.count;
}

/**
 * Registers the listener of the invalidations of this process (one: the server's copies); null removes it.
 * @param {InvalidationListener | null} listener
 */
export function onInvalidation(listener) {
  invalidations.listener = listener ?? undefined;
}

/**
 * What Next instantiates for each request. Redis only in the running server with REDIS_URL set:
 * never during `next build` (it needs no service) nor `next dev`.
 * @implements {NextCacheHandler}
 */
export default class CacheHandler {
  /** @param {CacheHandlerContext} ctx */
  constructor(ctx) {
    const useRedis = Boolean(process.env.REDIS_URL?.trim()) && !ctx.dev && process.env.NEXT_PHASE !== "phase-production-build";
    /** @type {NextCacheHandler} */
    this.store = !ctx.serverDistDir
      ? new NoCache()
      : useRedis
        ? new RedisCache(ctx)
        : // Memory only: Next also wrote each render under the build's folder and read it back when
          // it was not in memory — but its invalidations live in memory, so a page written by another
          // process on the same build (the browser tests' servers), or before a restart, came back
          // as fresh though older than this process's last change (a visitor saw the previous plan
          // right after a publication). The folder now only holds the build's error pages.
          new FileSystemCacheAfterReads({ ...ctx, flushToDisk: false });
  }

  /** @type {NextCacheHandler["get"]} */
  get(key, ctx) {
    return this.store.get(key, ctx);
  }

  /** @type {NextCacheHandler["set"]} */
  set(key, data, ctx) {
    return this.store.set(key, data, ctx);
  }

  /** @type {NextCacheHandler["revalidateTag"]} */
  revalidateTag(tags, durations) {
    // Counted before the store records it: a copy made from a request that overlaps it is never kept.
    invalidations.count += 1;
    const afterRecorded = invalidations.listener?.();
    const recorded = this.store.revalidateTag(tags, durations);
    return afterRecorded ? Promise.resolve(recorded).then(afterRecorded) : recorded;
  }

  resetRequestCache() {
    this.store.resetRequestCache();
  }
}

/**
 * Drops every page this site cached in Redis, for every build and process (after a restore of the
 * database): Next's tag of the root layout, which every page carries, is marked invalidated now.
 * @param {string} url REDIS_URL
 * @param {string} [prefix]
 */
export async function invalidateEveryPage(url, prefix = redisPrefix()) {
  const client = createClient({ url, socket: { connectTimeout: 5_000, reconnectStrategy: false } });
  client.on("error", () => {});
  await client.connect();
  try {
    await client.eval(INVALIDATE, { keys: [`${prefix}:tags`], arguments: [EVERY_PAGE_TAG] });
  } finally {
    client.destroy();
  }
}
