// @ts-check
/*
 * The production server (`npm start`): Next's own request handling (`next({ dev: false })`, the
 * same router as `next start`) behind a node:http server that this file owns, for three things
 * `next start` does not do (docs/decisions/0018-operations.md):
 *   - one JSON access line per request (ops/log.mjs): request id, method, route pattern, status,
 *     duration — and no personal data; every other console line of the process becomes JSON too;
 *   - a request id: a sane incoming X-Request-Id is kept, else one is made; it is sent back in
 *     the response and given to the app (the request's `x-request-id` header, and `reqId` on the
 *     app's log lines);
 *   - SIGTERM/SIGINT: stop accepting connections, let the requests in flight finish (10 s at most,
 *     then their connections are cut), then stop the app's timers and close its database
 *     (ops/lifecycle.mjs hooks, registered by instrumentation.ts) and exit 0 (1 if something had
 *     to be cut or failed to stop).
 * It also opens the database before it listens: `app.prepare()` runs instrumentation.ts; and it
 * serves, without Next, the build's files (ops/static-files.mjs) and the copies of public pages
 * (ops/page-copies.mjs).
 *
 * Plain JavaScript (checked by tsc through `@ts-check`) so that production runs it with `node`
 * alone: no TypeScript loader hooked over Next's compiled server code.
 *
 *   node ops/server.mjs [-p PORT] [-H HOST]     (PORT, default 3000; all interfaces by default)
 */
import { existsSync, readFileSync, renameSync, rmSync } from "node:fs";
import http from "node:http";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { createLogger, requestContext, routeConsoleTo } from "./log.mjs";
import { isStopping, markStopping, runShutdownHooks, startedUp } from "./lifecycle.mjs";
import { pageCopies } from "./page-copies.mjs";
import { publicHtml } from "./public-html.mjs";
import { staticFiles } from "./static-files.mjs";
import { pathnameOf, REQUEST_ID_HEADER, requestIdFrom, routeMatcherOfBuild } from "./request-log.mjs";

/** The longest the requests in flight are waited for after SIGTERM. */
const DRAIN_LIMIT_MS = 10_000;

// What `next start` does: a production server is a production server, whatever the shell says.
/** @type {Record<string, string | undefined>} */ (process.env).NODE_ENV = "production";
const root = path.resolve(import.meta.dirname, "..");

/** @type {import("pino").Logger} */
let log;
try {
  log = createLogger();
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
}
routeConsoleTo(log);

let options;
try {
  options = parseArgs({
    options: { port: { type: "string", short: "p" }, hostname: { type: "string", short: "H" } },
    strict: true,
  }).values;
} catch (error) {
  log.fatal({}, `arguments invalides : ${error instanceof Error ? error.message : String(error)} (attendu : -p PORT -H ADRESSE)`);
  process.exit(1);
}
const port = Number(options.port ?? process.env.PORT ?? 3000);
if (!Number.isInteger(port) || port < 0 || port > 65_535) {
  log.fatal({}, `port invalide : « ${options.port ?? process.env.PORT} »`);
  process.exit(1);
}
process.env.PORT = String(port);
const hostname = options.hostname;

/** @type {NodeJS.Signals | null} */
let stopSignal = null;
/** @type {(signal: NodeJS.Signals) => void} */
let onSignal = (signal) => {
  // Still starting (opening the database): stop as soon as the start is over.
  stopSignal ??= signal;
};
process.on("SIGTERM", () => onSignal("SIGTERM"));
process.on("SIGINT", () => onSignal("SIGINT"));

const { default: nextConfig } = await import(pathToFileURL(path.join(root, "next.config.js")).href);
const distDir = path.resolve(root, nextConfig.distDir ?? ".next");
dropBuildRenders(distDir);
const { default: next } = await import("next");
const app = next({ dev: false, dir: root, hostname: hostname ?? "localhost", port });
try {
  await app.prepare();
  // Next starts instrumentation.ts (environment, database) in the background: wait for it.
  await startedUp();
} catch (error) {
  log.fatal({ err: error }, `démarrage impossible : ${error instanceof Error ? error.message : String(error)}`);
  await runShutdownHooks(log);
  process.exit(1);
}
const handle = app.getRequestHandler();
const routeOf = routeMatcherOfBuild(distDir);
const context = requestContext();
// Public pages without their scripts (docs/decisions/0020), and their copies served without Next
// (docs/decisions/0031): one process only, its invalidations are all seen here.
const copies = pageCopies({
  enabled: !process.env.REDIS_URL?.trim() && process.env.PUBLIC_PAGES_KEEP_SCRIPTS !== "1" && process.env.PAGE_COPIES !== "0",
});
const plainPublicPages = publicHtml({ distDir, log, copies });
// The build's scripts and style sheets from memory, gzipped once (ops/static-files.mjs).
const buildFiles = staticFiles({ distDir, log });

if (stopSignal) {
  log.info({ signal: stopSignal }, "arrêt demandé pendant le démarrage");
  await runShutdownHooks(log);
  process.exit(0);
}

/**
 * Every page `next build` prerendered was rendered against a throwaway in-memory database
 * (db/client.ts, decision 0001), never the one given now — the home page, `/demarche`,
 * `/conseils`, but also pages that read a setting (`/donnees-personnelles`): their files are
 * removed before Next starts, so each renders on its first request against this database and is
 * cached from then on. Only Next's own error pages (`/_not-found`, `/_global-error`), which read
 * nothing, are kept. The pages rendered at run time are kept in memory only (ops/cache-handler.mjs);
 * the folder where Next wrote them before (`route-cache`) is removed too, so no page of an earlier
 * run outlives a restart (after a restore, say). With REDIS_URL set the pages are cached in Redis
 * instead, filed under the build's id: these files are never read then, and a process that starts
 * leaves the entries of the others in place.
 * @param {string} distDir
 */
function dropBuildRenders(distDir) {
  const manifestFile = path.join(distDir, "prerender-manifest.json");
  if (!existsSync(manifestFile)) return;
  /** @type {{ routes: Record<string, unknown> }} */
  const manifest = JSON.parse(readFileSync(manifestFile, "utf8"));
  let dropped = 0;
  for (const route of Object.keys(manifest.routes)) {
    if (route.startsWith("/_")) continue;
    const base = path.join(distDir, "server", "app", route === "/" ? "index" : route.slice(1));
    for (const file of [`${base}.html`, `${base}.rsc`, `${base}.meta`, `${base}.segments`]) {
      if (existsSync(file)) rmSync(file, { recursive: true, force: true });
    }
    dropped += 1;
  }
  // Renamed first: another server of this build starting at the same time finds it gone, not half removed.
  const routeCache = path.join(distDir, "server", "route-cache");
  const removing = `${routeCache}.${process.pid}-${Date.now()}`;
  try {
    renameSync(routeCache, removing);
    rmSync(removing, { recursive: true, force: true });
  } catch (error) {
    if (/** @type {NodeJS.ErrnoException} */ (error).code !== "ENOENT") throw error;
  }
  log.info({ pages: dropped }, "pages prérendues par le build écartées : rendues à leur première visite");
}

/** The responses not finished yet. */
const inFlight = new Set();

const server = http.createServer((req, res) => {
  const started = performance.now();
  const reqId = requestIdFrom(req.headers[REQUEST_ID_HEADER]);
  req.headers[REQUEST_ID_HEADER] = reqId;
  res.setHeader("X-Request-Id", reqId);
  // Arrived on a kept-alive connection during the drain: served, and that connection closed after.
  if (isStopping()) res.setHeader("Connection", "close");
  inFlight.add(res);
  let logged = false;
  const done = () => {
    if (logged) return;
    logged = true;
    inFlight.delete(res);
    log.info(
      {
        reqId,
        method: req.method,
        route: routeOf(pathnameOf(req.url)),
        status: res.statusCode,
        ms: Math.round((performance.now() - started) * 10) / 10,
        ...(res.writableFinished ? {} : { aborted: true }),
      },
      "requête",
    );
    // During the drain, a connection whose last response just ended is not kept alive.
    if (isStopping()) setImmediate(() => server.closeIdleConnections());
  };
  res.on("finish", done);
  res.on("close", done);
  buildFiles.handle(req, res, () =>
    copies.handle(req, res, () => {
      plainPublicPages(req, res);
      context.run({ reqId }, () => {
        handle(req, res).catch((error) => {
          log.error({ err: error }, "requête en échec");
          if (!res.headersSent) res.writeHead(500, { "content-type": "text/plain; charset=utf-8" }).end("Erreur interne du serveur");
          else res.destroy();
        });
      });
    }),
  );
});

server.on("error", (error) => {
  log.fatal({ err: error }, `écoute impossible sur le port ${port}`);
  void runShutdownHooks(log).finally(() => process.exit(1));
});

/** @param {NodeJS.Signals} signal */
async function stop(signal) {
  if (isStopping()) return;
  markStopping();
  log.info({ signal, inFlight: inFlight.size }, "arrêt demandé : plus de nouvelle connexion, fin des requêtes en cours");
  for (const res of inFlight) if (!res.headersSent) res.setHeader("Connection", "close");
  const closed = new Promise((resolve) => server.close(() => resolve(true)));
  server.closeIdleConnections();
  /** @type {NodeJS.Timeout | undefined} */
  let timer;
  const drained = await Promise.race([closed, new Promise((resolve) => (timer = setTimeout(() => resolve(false), DRAIN_LIMIT_MS)))]);
  clearTimeout(timer);
  if (!drained) {
    log.warn({ inFlight: inFlight.size }, `arrêt : requêtes encore en cours après ${DRAIN_LIMIT_MS / 1000} s, connexions coupées`);
    server.closeAllConnections();
  } else {
    // Next's own (its `after()` work): only when no request was cut, else it would wait for them.
    await app.close().catch((error) => log.warn({ err: error }, "arrêt : fermeture de Next en échec"));
  }
  // The app's timers and database, newest first; after a cut, without letting a cut request's
  // transaction commit (Database.abandon): never written without its answer.
  const stopped = await runShutdownHooks(log, { forced: !drained });
  log.info({ signal, drained, stopped }, "arrêté");
  process.exit(drained && stopped ? 0 : 1);
}
onSignal = (signal) => void stop(signal);

/** The longest the server waits for one of its own pages during a refresh (decision 0032). */
const REFRESH_REQUEST_LIMIT_MS = 10_000;

/**
 * How the copies ask this server for a page again after a change (decision 0032): a GET through
 * its own port, so that the page goes the way a visitor's does (proxy.ts, Next's cache, the
 * stripping) and leaves its copy. Resolves when the answer is over, whatever it was.
 * @returns {import("./page-copies.mjs").FetchPage}
 */
function fetchFromItself() {
  const address = server.address();
  const bound = typeof address === "object" ? address : null;
  // Listening on every interface (or unknown): loopback reaches it.
  const host = bound && bound.address !== "::" && bound.address !== "0.0.0.0" ? bound.address : "127.0.0.1";
  const actualPort = bound?.port ?? port;
  const agent = new http.Agent({ keepAlive: true, maxSockets: 4 });
  return (pathAndQuery, headers) =>
    new Promise((resolve) => {
      const request = http.get({ host, port: actualPort, path: pathAndQuery, headers, agent }, (response) => {
        response.resume();
        response.on("end", () => resolve());
        response.on("error", () => resolve());
      });
      request.setTimeout(REFRESH_REQUEST_LIMIT_MS, () => request.destroy());
      request.on("error", () => resolve());
      request.on("close", () => resolve());
    });
}

server.listen(port, hostname, () => {
  if (copies.enabled) copies.refreshWith(fetchFromItself());
  log.info({ port, ...(hostname ? { hostname } : {}) }, `prêt : http://${hostname ?? "localhost"}:${port}`);
});
