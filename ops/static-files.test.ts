import http from "node:http";
import { mkdir, mkdtemp, writeFile } from "node:fs/promises";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { staticFiles } from "./static-files.mjs";

/*
 * The build's files served from memory, through a real HTTP server in ops/server.mjs's order, with
 * a stand-in for Next that serves `/_next/static/` from a build folder as Next does (headers of
 * proxy.ts, its own ETag and cache headers, gzip done at each request) and counts what it is asked.
 */

const script = "self.chunk=function(){return 'une fiche action'};\n".repeat(200);
let distDir = "";
let base = "";
let server: http.Server;
const asked: string[] = [];
let requests = 0;

function next(req: http.IncomingMessage, res: http.ServerResponse) {
  asked.push(`${req.method} ${req.url}`);
  const url = req.url ?? "";
  res.setHeader("content-security-policy", "script-src 'self' 'nonce-AAAA' 'strict-dynamic'");
  res.setHeader("x-content-type-options", "nosniff");
  if (url === "/_next/static/chunks/app-abc123.js" && (req.method === "GET" || req.method === "HEAD")) {
    res.setHeader("Cache-Control", "public, max-age=31536000, immutable");
    res.setHeader("ETag", 'W/"2c88-19"');
    res.setHeader("Content-Type", "application/javascript; charset=UTF-8");
    res.setHeader("Vary", "Accept-Encoding");
    if (req.headers["if-none-match"] === 'W/"2c88-19"') return void res.writeHead(304).end();
    const gzip = /gzip/.test(String(req.headers["accept-encoding"] ?? ""));
    if (gzip) res.setHeader("Content-Encoding", "gzip");
    res.writeHead(200);
    return void res.end(req.method === "HEAD" ? undefined : gzip ? gzipSync(script) : script);
  }
  res.setHeader("Content-Type", "text/plain; charset=utf-8");
  res.writeHead(404).end("introuvable");
}

async function get(pathname: string, headers: Record<string, string> = {}, method = "GET") {
  const response = await fetch(`${base}${pathname}`, { method, headers: { "accept-encoding": "identity", ...headers } });
  return { status: response.status, headers: response.headers, text: await response.text() };
}

/** Waits for the file Next just served to be kept (read and gzipped in the background). */
async function keptAfter(pathname: string) {
  for (let i = 0; i < 100; i++) {
    const before = asked.length;
    await get(pathname);
    if (asked.length === before) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`${pathname} jamais gardé`);
}

beforeAll(async () => {
  distDir = await mkdtemp(path.join(tmpdir(), "static-files-"));
  await mkdir(path.join(distDir, "static", "chunks"), { recursive: true });
  await writeFile(path.join(distDir, "static", "chunks", "app-abc123.js"), script);
  await writeFile(path.join(distDir, "secret.txt"), "hors du dossier static");
  const files = staticFiles({ distDir });
  server = http.createServer((req, res) => {
    // As ops/server.mjs does: each request's own id, set before the files or Next answer.
    requests += 1;
    res.setHeader("X-Request-Id", `req-${requests}`);
    files.handle(req, res, () => next(req, res));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

describe("the build's files served from memory", () => {
  const file = "/_next/static/chunks/app-abc123.js";

  it("go to Next the first time, then are sent without it: the same bytes and headers, gzip or not, a fresh nonce each time", async () => {
    const first = await get(file);
    expect(first.status).toBe(200);
    expect(first.text).toBe(script);
    expect(asked).toContain(`GET ${file}`);
    await keptAfter(file);

    const calls = asked.length;
    const plain = await get(file);
    const zipped = await fetch(`${base}${file}`, { headers: { "accept-encoding": "gzip, deflate, br" } });
    const zippedBytes = Buffer.from(await zipped.arrayBuffer());
    const again = await get(file);
    expect(asked.length).toBe(calls);

    expect(plain.status).toBe(200);
    expect(plain.text).toBe(script);
    expect(plain.headers.get("content-encoding")).toBeNull();
    expect(plain.headers.get("content-length")).toBe(String(Buffer.byteLength(script)));
    // fetch() undoes the gzip itself; the raw length says it was sent compressed.
    expect(zipped.headers.get("content-encoding")).toBe("gzip");
    expect(zippedBytes.toString()).toBe(script);
    expect(Number(zipped.headers.get("content-length"))).toBeLessThan(Buffer.byteLength(script) / 5);
    for (const header of ["cache-control", "etag", "content-type", "vary", "x-content-type-options"]) {
      expect(plain.headers.get(header), header).toBe(first.headers.get(header));
    }
    expect(plain.headers.get("x-request-id")).not.toBe(again.headers.get("x-request-id"));
    const nonce = (h: Headers) => /'nonce-([^']+)'/.exec(h.get("content-security-policy") ?? "")?.[1];
    expect(nonce(plain.headers)).toBeTruthy();
    expect(nonce(plain.headers)).not.toBe("AAAA");
    expect(nonce(plain.headers)).not.toBe(nonce(again.headers));
  });

  it("answer 304 to a browser that holds the file, and HEAD without a body", async () => {
    await keptAfter(file);
    const calls = asked.length;
    const held = await get(file, { "if-none-match": 'W/"2c88-19"' });
    expect(held.status).toBe(304);
    expect(held.text).toBe("");
    const head = await get(file, {}, "HEAD");
    expect(head.status).toBe(200);
    expect(head.text).toBe("");
    expect(head.headers.get("content-length")).toBe(String(Buffer.byteLength(script)));
    expect(asked.length).toBe(calls);
  });

  it("leave to Next what is not a plain request for one of its files", async () => {
    await keptAfter(file);
    const cases: [string, Record<string, string>, string][] = [
      [`${file}?v=2`, {}, "GET"],
      [file, { range: "bytes=0-9" }, "GET"],
      [file, {}, "POST"],
      ["/_next/static/chunks/absent.js", {}, "GET"],
      ["/_next/static/chunks/absent.js", {}, "GET"],
      ["/_next/static/%2e%2e/secret.txt", {}, "GET"],
      ["/_next/static/chunks/.hidden.js", {}, "GET"],
      ["/_next/staticx/chunks/app-abc123.js", {}, "GET"],
    ];
    for (const [pathname, headers, method] of cases) {
      const before = asked.length;
      const answer = await get(pathname, headers, method);
      expect(asked.length, `${method} ${pathname}`).toBe(before + 1);
      expect(answer.text).not.toContain("hors du dossier static");
    }
    // A file Next did not find is never kept: asked again, it goes to Next again (counted above).
  });
});
