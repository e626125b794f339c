import http from "node:http";
import { mkdtemp } from "node:fs/promises";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import CacheHandler from "./cache-handler.mjs";
import { COPY_MAX_AGE_MS, pageCopies, REFRESH_LIMIT_MS, REFRESH_MIN_HITS } from "./page-copies.mjs";
import { publicHtml } from "./public-html.mjs";

/*
 * The server's copies of public pages, through a real HTTP server: ops/server.mjs's order (a copy,
 * else the stripped page from « Next »), with a stand-in for Next that answers like Next's cache
 * does and counts what it is asked. The invalidations are made through the app's cache handler.
 */

interface NextAnswer {
  cache?: string;
  cacheControl?: string;
  setCookie?: boolean;
  /** Runs while « Next » renders (an invalidation made meanwhile). */
  during?: () => Promise<void>;
  /** As Next does for a cached page: one render of a path for all the requests that ask for it meanwhile. */
  shared?: boolean;
}

/** The renders in progress, by path, when `shared`: each gives the version it read when it began. */
const renders = new Map<string, Promise<number>>();

let clock = 1_000_000;
const copies = pageCopies({ enabled: true, now: () => clock });
const silent = { info: () => {}, warn: () => {} };
const plain = publicHtml({ distDir: "/nonexistent", log: silent, copies });
let nextCalls = 0;
let answer: NextAnswer = {};
let version = 1;
let base = "";
let server: http.Server;

async function next(req: http.IncomingMessage, res: http.ServerResponse) {
  nextCalls += 1;
  if (req.method === "POST") {
    // A route handler's write: its invalidation starts before its answer, and is not waited for.
    void invalidate();
    res.writeHead(201).end("écrit");
    return;
  }
  if (req.method === "PUT") {
    res.writeHead(204).end();
    return;
  }
  let shown: number;
  if (answer.shared) {
    const path = (req.url ?? "/").split("?")[0]!;
    let render = renders.get(path);
    if (!render) {
      const read = version;
      const during = answer.during;
      render = (async () => {
        await during?.();
        return read;
      })();
      renders.set(path, render);
      void render.finally(() => renders.delete(path));
    }
    shown = await render;
  } else {
    await answer.during?.();
    shown = version;
  }
  res.setHeader("content-security-policy", "script-src 'self' 'nonce-AAAA' 'strict-dynamic'");
  res.setHeader("x-nextjs-cache", answer.cache ?? "HIT");
  res.setHeader("Cache-Control", answer.cacheControl ?? "s-maxage=3600, stale-while-revalidate=31532400");
  res.setHeader("ETag", `"v${shown}"`);
  if (answer.setCookie) res.setHeader("Set-Cookie", "a=b; Path=/");
  res.setHeader("Content-Type", "text/html; charset=utf-8");
  res.writeHead(200);
  res.end(`<!DOCTYPE html><html><body><h1>Le plan, version ${shown}</h1><script>self.__next_f=[]</script></body></html>`);
}

async function get(pathname: string, headers: Record<string, string> = {}, method = "GET") {
  const response = await fetch(`${base}${pathname}`, { method, headers: { "accept-encoding": "identity", ...headers } });
  return { status: response.status, headers: response.headers, text: await response.text() };
}

let cache: CacheHandler;

/** An invalidation, as a write's `revalidatePath` makes it: the promise Next waits for before answering a server action. */
function invalidate() {
  return cache.revalidateTag(["_N_T_/fiches/autre"]);
}

const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * A request held in « Next » until the test lets it go: `entered` resolves once it is there. Tests
 * that check what happens meanwhile use it rather than a fixed time, which a busy machine (CI, two
 * cores shared with other test files) could outlast.
 */
function heldInNext() {
  let enter!: () => void;
  const entered = new Promise<void>((resolve) => (enter = resolve));
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  const during = () => {
    enter();
    return held;
  };
  return { during, entered, release };
}

beforeAll(async () => {
  const { nodeFs } = await import("next/dist/server/lib/node-fs-methods.js");
  const dir = await mkdtemp(path.join(tmpdir(), "copies-"));
  cache = new CacheHandler({ fs: nodeFs, serverDistDir: path.join(dir, "server"), revalidatedTags: [], _requestHeaders: {} });
  server = http.createServer((req, res) => {
    copies.handle(req, res, () => {
      plain(req, res);
      void next(req, res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  copies.close();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

describe("the server's copies of public pages", () => {
  it("serve a cached page again without Next: the same bytes, gzip or not, a fresh nonce each time", async () => {
    answer = {};
    const first = await get("/plan?a=1");
    expect(first.text).toContain("Le plan, version 1");
    expect(first.text).not.toContain("<script");
    const calls = nextCalls;
    const again = await get("/plan?a=1");
    const zipped = await fetch(`${base}/plan?a=1`, { headers: { "accept-encoding": "gzip" } });
    expect(nextCalls).toBe(calls);
    expect(again.text).toBe(first.text);
    expect(zipped.headers.get("content-encoding")).toBe("gzip");
    // fetch inflates it.
    expect(await zipped.text()).toBe(first.text);
    expect(again.headers.get("etag")).toBe(first.headers.get("etag"));
    expect(again.headers.get("cache-control")).toBe(first.headers.get("cache-control"));
    const nonce = (h: Headers) => /'nonce-([^']*)'/.exec(h.get("content-security-policy") ?? "")?.[1];
    expect(nonce(again.headers)).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    expect(nonce(again.headers)).not.toBe(nonce(first.headers));
    expect(nonce(zipped.headers)).not.toBe(nonce(again.headers));
    // Another address (another query) is Next's to answer.
    await get("/plan?a=2");
    expect(nextCalls).toBe(calls + 1);
  });

  it("answer a conditional request with its ETag by a 304, and a HEAD without a body", async () => {
    answer = {};
    const first = await get("/plan?b");
    const calls = nextCalls;
    const notModified = await fetch(`${base}/plan?b`, { headers: { "if-none-match": first.headers.get("etag")! } });
    expect(notModified.status).toBe(304);
    const head = await get("/plan?b", {}, "HEAD");
    expect(head.status).toBe(200);
    expect(head.text).toBe("");
    expect(nextCalls).toBe(calls);
  });

  it("are dropped at any invalidation: the next request goes through Next, which makes the next copy", async () => {
    answer = {};
    await get("/plan?c");
    await get("/plan?c");
    const calls = nextCalls;
    version += 1;
    await invalidate();
    expect((await get("/plan?c")).text).toContain(`version ${version}`);
    expect(nextCalls).toBe(calls + 1);
    expect((await get("/plan?c")).text).toContain(`version ${version}`);
    expect(nextCalls).toBe(calls + 1);
  });

  it("after a change, let one request of a page through Next and give the others the copy it made", async () => {
    answer = {};
    await get("/plan?h");
    version += 1;
    await invalidate();
    const calls = nextCalls;
    answer = { during: () => new Promise((resolve) => setTimeout(resolve, 50)) };
    const pages = await Promise.all(Array.from({ length: 10 }, () => get("/plan?h")));
    expect(nextCalls).toBe(calls + 1);
    for (const page of pages) expect(page.text).toContain(`version ${version}`);
    // The one through Next made no copy (an answer not cached): those that waited go to Next.
    await invalidate();
    answer = { cache: "STALE", during: () => new Promise((resolve) => setTimeout(resolve, 50)) };
    const others = await Promise.all(Array.from({ length: 5 }, () => get("/plan?h")));
    expect(nextCalls).toBe(calls + 1 + 5);
    for (const page of others) expect(page.status).toBe(200);
  });

  it("are still served while Next works on another request, a few at each turn of the event loop", async () => {
    answer = {};
    await get("/plan?i");
    // A slow request in Next (another address: a render, a form sent), held there…
    const slowOne = heldInNext();
    answer = { cache: "MISS", during: slowOne.during };
    let slowDone = false;
    const slow = get("/plan?lente").then(() => (slowDone = true));
    await slowOne.entered;
    const calls = nextCalls;
    // …does not hold the copies back: 40 at once all come from the copy while it is still there
    // (were they queued behind it, this would wait for ever and the test time out).
    const pages = await Promise.all(Array.from({ length: 40 }, () => get("/plan?i")));
    expect(slowDone).toBe(false);
    expect(nextCalls).toBe(calls);
    for (const page of pages) expect(page.text).toContain(`version ${version}`);
    slowOne.release();
    await slow;
  });

  it("never give a request that came after an invalidation the render of one from before it, nor keep it", async () => {
    const render = heldInNext();
    answer = { cache: "MISS", shared: true, during: render.during };
    const before = version;
    // A render begins (it reads the page as it is)…
    const first = get("/partagee");
    await render.entered;
    // …a write changes it, and a visitor asks for the page while that render is not over.
    version += 1;
    await invalidate();
    answer = { cache: "MISS", shared: true };
    const second = get("/partagee?visiteur");
    await pause(20);
    render.release();
    expect((await first).text).toContain(`version ${before}`);
    expect((await second).text).toContain(`version ${version}`);
    answer = {};
    expect((await get("/partagee?visiteur")).text).toContain(`version ${version}`);
  });

  it("say they come from a cache, even the copy of a render", async () => {
    answer = { cache: "MISS" };
    expect((await get("/plan?g")).headers.get("x-nextjs-cache")).toBe("MISS");
    answer = {};
    const calls = nextCalls;
    expect((await get("/plan?g")).headers.get("x-nextjs-cache")).toBe("HIT");
    expect(nextCalls).toBe(calls);
  });

  it("are not made from a render an invalidation overlapped: its page may be older than the change", async () => {
    answer = { cache: "MISS", during: invalidate };
    await get("/plan?d");
    answer = {};
    const calls = nextCalls;
    await get("/plan?d");
    expect(nextCalls).toBe(calls + 1);
  });

  it("last a minute at most, so the page's hourly revalidation still happens in Next", async () => {
    answer = {};
    await get("/plan?e");
    const calls = nextCalls;
    clock += COPY_MAX_AGE_MS - 1;
    await get("/plan?e");
    expect(nextCalls).toBe(calls);
    clock += 2;
    await get("/plan?e");
    expect(nextCalls).toBe(calls + 1);
  });

  it("are neither made nor used for a visitor with a cookie, an RSC request, a stale, uncached or cookie-setting answer", async () => {
    const cases: { name: string; answer: NextAnswer; headers?: Record<string, string> }[] = [
      { name: "cookie", answer: {}, headers: { cookie: "next-auth.session-token=x" } },
      { name: "rsc", answer: {}, headers: { rsc: "1" } },
      { name: "stale", answer: { cache: "STALE" } },
      { name: "dynamic", answer: { cacheControl: "private, no-cache, no-store, max-age=0, must-revalidate" } },
      { name: "set-cookie", answer: { setCookie: true } },
    ];
    for (const c of cases) {
      answer = c.answer;
      await get(`/plan?${c.name}`, c.headers);
      const calls = nextCalls;
      await get(`/plan?${c.name}`, c.headers);
      expect(nextCalls, c.name).toBe(calls + 1);
    }
    // A copy made for an anonymous visitor is not served to a signed-in one.
    answer = {};
    await get("/plan?f");
    const calls = nextCalls;
    await get("/plan?f", { cookie: "next-auth.session-token=x" });
    expect(nextCalls).toBe(calls + 1);
  });
});

describe("the pages visitors read, made again before a write is over (decision 0032)", () => {
  beforeAll(() => {
    // As ops/server.mjs does: a GET through the server's own port.
    copies.refreshWith(async (pathAndQuery, headers) => {
      await (await fetch(`${base}${pathAndQuery}`, { headers })).arrayBuffer();
    });
  });

  /** Reads a page until it is among the most read. */
  async function makeHot(pathname: string) {
    for (let i = 0; i <= REFRESH_MIN_HITS; i++) await get(pathname);
  }

  it("serve the page as it was while the write runs, and as it is once the write is over: no reader waits for Next", async () => {
    answer = {};
    await makeHot("/plan?chaude");
    const before = version;
    version += 1;
    const calls = nextCalls;
    const refresh = heldInNext();
    answer = { cache: "MISS", during: refresh.during };
    let over = false;
    const write = invalidate().then(() => (over = true));
    await refresh.entered;
    // The refresh is in Next: readers get the page as it was, at once.
    const during = await Promise.all(Array.from({ length: 10 }, () => get("/plan?chaude")));
    expect(over).toBe(false);
    for (const page of during) expect(page.text).toContain(`version ${before}`);
    refresh.release();
    await write;
    // The write is over only once the page is made again: the next reader gets it from the copy.
    answer = {};
    expect((await get("/plan?chaude")).text).toContain(`version ${version}`);
    expect(nextCalls).toBe(calls + 1);
  });

  it("leave alone a page read little: its copy is out of date once the write is over, and Next makes it on its next visit", async () => {
    answer = {};
    await get("/plan?froide");
    await get("/plan?froide");
    version += 1;
    const calls = nextCalls;
    await invalidate();
    expect(nextCalls - calls).toBeLessThanOrEqual(1); // the hot page of the test above, not this one
    const afterWrite = nextCalls;
    expect((await get("/plan?froide")).text).toContain(`version ${version}`);
    expect(nextCalls).toBe(afterWrite + 1);
  });

  it("hold the answer of a POST until its write is released, so that what its writer reads next is never older", async () => {
    answer = {};
    await makeHot("/plan?post");
    version += 1;
    answer = { cache: "MISS", during: () => pause(150) };
    const started = performance.now();
    const posted = await fetch(`${base}/ecrire`, { method: "POST" });
    expect(posted.status).toBe(201);
    expect(await posted.text()).toBe("écrit");
    // Held while the page was made again (150 ms in « Next »), not answered at once.
    expect(performance.now() - started).toBeGreaterThanOrEqual(140);
    answer = {};
    expect((await get("/plan?post")).text).toContain(`version ${version}`);
    // A request that changes nothing is not held.
    const quick = performance.now();
    await fetch(`${base}/ecrire-rien`, { method: "PUT" });
    expect(performance.now() - quick).toBeLessThan(140);
  });

  it("wait REFRESH_LIMIT_MS at most: then a copy older than the write is no longer served, its page goes through Next", async () => {
    answer = {};
    await makeHot("/plan?lente-a-refaire");
    version += 1;
    // The refresh never ends by itself: the write is over all the same, once the limit is reached.
    const refresh = heldInNext();
    answer = { cache: "MISS", during: refresh.during };
    const started = performance.now();
    await invalidate();
    expect(performance.now() - started).toBeGreaterThanOrEqual(REFRESH_LIMIT_MS - 20);
    answer = {};
    const calls = nextCalls;
    const page = await get("/plan?lente-a-refaire");
    expect(page.text).toContain(`version ${version}`);
    expect(nextCalls).toBe(calls + 1);
    refresh.release();
  });
});
