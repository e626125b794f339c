// @ts-check
/*
 * The build's own files (`/_next/static/…`: the scripts and style sheets of the signed-in pages,
 * the fonts and images the build emitted) served by the production server from memory, gzipped
 * once, instead of by Next at each request.
 *
 * Why: Next reads each such file from disk and gzips it again for every request, after its whole
 * request path (router, proxy.ts). A signed-in page asks for ~670 KB of them, and a browser that
 * has not kept them (a first visit, a private window, each browser test) costs the server ≈ 90 ms
 * of its one core per page (measured 2026-12-03: 20 loads of /moderation's 10 files, server CPU
 * from /proc). These files never change while a build runs: their names hold their content's hash.
 *
 * How: the first request for a file goes to Next as before; if Next answers 200, the file is read
 * from the build's folder, gzipped, and kept with the headers Next sent (proxy.ts's security
 * headers included: a fresh CSP nonce per response, as for the page copies). Later requests get
 * it with ops/page-copies.mjs's `send`: a 304 for an If-None-Match that names its ETag, gzip or not
 * as asked, HEAD without the body. Left to Next: anything but GET and HEAD, a query string, a Range
 * request, an address that is not a plain file name under `/_next/static/`, a file not found.
 * Unlike the page copies, this works with several processes (REDIS_URL): the files are the build's.
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import { gzip as gzipCallback } from "node:zlib";
import { headerText, keptHeaders, send } from "./page-copies.mjs";

const gzip = promisify(gzipCallback);

const PREFIX = "/_next/static/";
/** A plain relative file name: letters, digits, `._~-` and `/` between non-dot-only segments. */
const PLAIN_NAME = /^(?:[A-Za-z0-9_~-][A-Za-z0-9._~-]*\/)*[A-Za-z0-9_~-][A-Za-z0-9._~-]*$/;
/** The most kept in memory (the demo build's files are 1.3 MB in all; a City's logo is not here). */
const MAX_KEPT_BYTES = 64 * 1024 * 1024;

/**
 * @typedef {{ headers: [string, string][], etag: string | null, page: { html: Buffer, gzip: Buffer } }} KeptFile
 */

/**
 * @param {{ distDir: string, log?: { warn: (fields: object, message: string) => void } }} options
 */
export function staticFiles({ distDir, log }) {
  const root = path.join(distDir, "static");
  /** @type {Map<string, KeptFile>} */
  const kept = new Map();
  /** Files being read and gzipped: asked again meanwhile, they go to Next. */
  const keeping = new Set();
  let keptBytes = 0;

  /**
   * The file an address names in the build's folder, or null if it is not one we serve ourselves.
   * @param {import("node:http").IncomingMessage} req
   */
  function fileOf(req) {
    if (req.method !== "GET" && req.method !== "HEAD") return null;
    if (req.headers.range !== undefined) return null;
    const url = req.url ?? "";
    if (!url.startsWith(PREFIX)) return null;
    const name = url.slice(PREFIX.length);
    if (!PLAIN_NAME.test(name)) return null;
    return name;
  }

  /**
   * Reads, gzips and keeps a file Next just answered 200 for, with the headers it sent.
   * @param {string} name @param {import("node:http").ServerResponse} res
   */
  async function keep(name, res) {
    const headers = keptHeaders(res);
    keeping.add(name);
    try {
      // The send of page copies names the plain body `html`; here it is the file's bytes.
      const html = await readFile(path.join(root, name));
      if (keptBytes + html.length > MAX_KEPT_BYTES) return;
      const page = { html, gzip: await gzip(html) };
      kept.set(name, { headers, etag: headerText(res.getHeader("etag")) || null, page });
      keptBytes += html.length;
    } catch (error) {
      // Not kept: Next goes on serving it.
      log?.warn({ err: error, file: name }, "fichier du build non gardé en mémoire");
    } finally {
      keeping.delete(name);
    }
  }

  return {
    /**
     * Sends a kept file, or hands the request to Next (`next`) and keeps the file if Next found it.
     * @param {import("node:http").IncomingMessage} req
     * @param {import("node:http").ServerResponse} res
     * @param {() => void} next
     */
    handle(req, res, next) {
      const name = fileOf(req);
      if (name === null) return next();
      const file = kept.get(name);
      if (file) return send(req, res, file);
      if (req.method === "GET") {
        res.once("finish", () => {
          if (res.statusCode === 200 && !kept.has(name) && !keeping.has(name)) void keep(name, res);
        });
      }
      next();
    },
  };
}
