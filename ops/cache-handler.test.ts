import { afterEach, describe, expect, it, vi } from "vitest";
import { mkdtemp, readdir } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { CachedRouteKind, IncrementalCacheKind, IncrementalCachedAppPageValue } from "next/dist/server/response-cache/types";
import CacheHandler, { decode, encode, redisPrefix } from "./cache-handler.mjs";

describe("the shared cache's entries", () => {
  it("come back from JSON as they went in: Buffers, Maps of Buffers, texts, numbers", () => {
    const entry = {
      lastModified: 1,
      cacheControl: { revalidate: 3600, expire: 31536000 },
      value: {
        kind: "APP_PAGE",
        html: "<p>Café « crème »</p>",
        rscData: Buffer.from([0, 255, 254, 10, 0x41]),
        segmentData: new Map([["/_tree", Buffer.from("arbre")]]),
        headers: { "x-next-cache-tags": "_N_T_/layout,_N_T_/fiches/a" },
        status: 200,
        postponed: undefined,
      },
    };
    const back = decode(JSON.parse(JSON.stringify(encode(entry)))) as typeof entry;
    expect(Buffer.isBuffer(back.value.rscData)).toBe(true);
    expect([...back.value.rscData]).toEqual([0, 255, 254, 10, 0x41]);
    expect(back.value.segmentData).toBeInstanceOf(Map);
    expect(back.value.segmentData.get("/_tree")!.toString()).toBe("arbre");
    expect(back.value.html).toBe(entry.value.html);
    expect(back.value.headers).toEqual(entry.value.headers);
    expect(back.cacheControl).toEqual(entry.cacheControl);
    expect("postponed" in back.value).toBe(false);
  });

  it("are kept under the site's prefix, psc unless REDIS_PREFIX says otherwise", () => {
    expect(redisPrefix(undefined)).toBe("psc");
    expect(redisPrefix("  ")).toBe("psc");
    expect(redisPrefix("psc-essai")).toBe("psc-essai");
  });
});

describe("the cache of one process (no Redis)", () => {
  /** `tag`: one more tag of the page, for a test that invalidates it alone (the record of invalidations is the process's). */
  const page = (html: string, tag = "_N_T_/plan"): IncrementalCachedAppPageValue => ({
    // Next's kinds are const enums (erased from its JavaScript): their values, typed.
    kind: "APP_PAGE" as CachedRouteKind.APP_PAGE,
    html,
    rscData: Buffer.from(html),
    headers: { "x-next-cache-tags": `_N_T_/layout,_N_T_/plan/layout,_N_T_/plan/page,${tag}` },
    status: 200,
    postponed: undefined,
    segmentData: undefined,
  });
  const read = { kind: "APP_PAGE" as IncrementalCacheKind.APP_PAGE, isFallback: false };
  const hour = { cacheControl: { revalidate: 3600, expire: undefined } };
  const htmlOf = (entry: { value: unknown } | null) => {
    const value = entry?.value as IncrementalCachedAppPageValue | undefined;
    return value?.html;
  };

  /** The cache as Next makes it in a server (`flushToDisk`: Next's default), and the build's folder it is given. */
  async function handlerAndFolder() {
    const { nodeFs } = await import("next/dist/server/lib/node-fs-methods.js");
    const dir = await mkdtemp(path.join(tmpdir(), "cache-"));
    const cache = new CacheHandler({
      fs: nodeFs,
      serverDistDir: path.join(dir, "server"),
      dev: false,
      flushToDisk: true,
      maxMemoryCacheSize: 10_000_000,
      revalidatedTags: [],
      _requestHeaders: {},
    });
    return { cache, dir };
  }

  async function handler() {
    return (await handlerAndFolder()).cache;
  }

  it("keeps pages in this process's memory only: nothing written to the build's folder, which other servers of the build read", async () => {
    const { cache, dir } = await handlerAndFolder();
    const key = `/route-cache/APP_PAGE/0123/$/plan-${Math.random().toString(36).slice(2)}`;
    expect(await cache.get(key, read)).toBeNull();
    await cache.set(key, page("<p>à jour</p>"), hour);
    expect(htmlOf(await cache.get(key, read))).toBe("<p>à jour</p>");
    expect(await readdir(dir, { recursive: true })).toEqual([]);
  });

  it("keeps a page rendered after the last invalidation, and serves it", async () => {
    const cache = await handler();
    const key = `/plan-${Math.random()}`;
    expect(await cache.get(key, read)).toBeNull();
    await cache.set(key, page("<p>à jour</p>"), hour);
    expect(htmlOf(await cache.get(key, read))).toBe("<p>à jour</p>");
  });

  it("does not keep a render whose read came before an invalidation (a page rendering while staff publish)", async () => {
    const cache = await handler();
    const key = `/plan-${Math.random()}`;
    // The render's read: nothing cached, the page is rendered from the database as it is now…
    expect(await cache.get(key, read)).toBeNull();
    await new Promise((resolve) => setTimeout(resolve, 5));
    // …a publication commits and drops every page…
    await cache.revalidateTag(["_N_T_/layout"]);
    await new Promise((resolve) => setTimeout(resolve, 5));
    // …and the render, done, would store what it read before.
    await cache.set(key, page("<p>avant la publication</p>"), hour);
    expect(await cache.get(key, read)).toBeNull();
    // The next render, read after the publication, is kept.
    await cache.set(key, page("<p>après</p>"), hour);
    expect(htmlOf(await cache.get(key, read))).toBe("<p>après</p>");
  });

  it("keeps none of several renders of one page that overlap an invalidation (the segments of a prefetch each render it)", async () => {
    const cache = await handler();
    const key = `/plan-${Math.random()}`;
    const tag = `_N_T_/essai-${Math.random()}`;
    const pause = () => new Promise((resolve) => setTimeout(resolve, 3));
    // Three renders read, one after the other…
    for (let i = 0; i < 3; i++) {
      expect(await cache.get(key, read)).toBeNull();
      await pause();
    }
    // …a publication…
    await cache.revalidateTag([tag]);
    await pause();
    // …a fourth render reads after it: the four are done in any order, and none is kept (the
    // fourth's result cannot be told from the others').
    expect(await cache.get(key, read)).toBeNull();
    for (let i = 0; i < 4; i++) await cache.set(key, page(`<p>rendu ${i}</p>`, tag), hour);
    // The next render, alone, is.
    expect(await cache.get(key, read)).toBeNull();
    await pause();
    await cache.set(key, page("<p>après</p>", tag), hour);
    expect(htmlOf(await cache.get(key, read))).toBe("<p>après</p>");
  });

  describe("with the clock in the test's hands", () => {
    afterEach(() => {
      vi.useRealTimers();
    });

    it("does not serve a page stored in the same millisecond as an invalidation (its last query came back with the COMMIT)", async () => {
      vi.useFakeTimers({ toFake: ["Date"] });
      const cache = await handler();
      const key = `/plan-${Math.random()}`;
      const tag = `_N_T_/essai-${Math.random()}`;
      expect(await cache.get(key, read)).toBeNull();
      vi.advanceTimersByTime(20);
      // The render is stored, then the publication's invalidation comes, both in this millisecond.
      await cache.set(key, page("<p>avant la publication</p>", tag), hour);
      await cache.revalidateTag([tag]);
      expect(await cache.get(key, read)).toBeNull();
      // That read was in the invalidation's millisecond too (before it or after?): its render is not kept…
      vi.advanceTimersByTime(5);
      await cache.set(key, page("<p>après</p>", tag), hour);
      expect(await cache.get(key, read)).toBeNull();
      // …the next one is.
      vi.advanceTimersByTime(5);
      await cache.set(key, page("<p>après</p>", tag), hour);
      expect(htmlOf(await cache.get(key, read))).toBe("<p>après</p>");
    });

    it("a read whose render was never stored does not let a later racing render in", async () => {
      vi.useFakeTimers({ toFake: ["Date"] });
      const cache = await handler();
      const key = `/plan-${Math.random()}`;
      const tag = `_N_T_/essai-${Math.random()}`;
      // A read with no render stored after it (the render failed)…
      expect(await cache.get(key, read)).toBeNull();
      vi.advanceTimersByTime(61_000);
      // …then, much later, a read, a publication during its render, and the render's result.
      expect(await cache.get(key, read)).toBeNull();
      vi.advanceTimersByTime(5);
      await cache.revalidateTag([tag]);
      vi.advanceTimersByTime(5);
      await cache.set(key, page("<p>avant la publication</p>", tag), hour);
      expect(await cache.get(key, read)).toBeNull();
    });
  });
});
