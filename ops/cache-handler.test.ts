import { describe, expect, it } from "vitest";
import { mkdtemp } from "node:fs/promises";
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
  const page = (html: string): IncrementalCachedAppPageValue => ({
    // Next's kinds are const enums (erased from its JavaScript): their values, typed.
    kind: "APP_PAGE" as CachedRouteKind.APP_PAGE,
    html,
    rscData: Buffer.from(html),
    headers: { "x-next-cache-tags": "_N_T_/layout,_N_T_/plan/layout,_N_T_/plan/page,_N_T_/plan" },
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

  async function handler() {
    const { nodeFs } = await import("next/dist/server/lib/node-fs-methods.js");
    const dir = await mkdtemp(path.join(tmpdir(), "cache-"));
    return new CacheHandler({
      fs: nodeFs,
      serverDistDir: path.join(dir, "server"),
      dev: false,
      flushToDisk: false,
      maxMemoryCacheSize: 10_000_000,
      revalidatedTags: [],
      _requestHeaders: {},
    });
  }

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
});
