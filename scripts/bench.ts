/*
 * `npm run bench` — how fast the public pages are served, what JavaScript they ship and how many
 * SQL statements they cost, in one run (about 2–3 minutes). See docs/benchmark.md.
 *
 *   1. production build into .next-bench (with the empty baseline page app/bench/page-vide),
 *      on a fresh database: PostgreSQL `psc_bench_<stamp>` if DATABASE_URL is set, else a
 *      temporary PGlite folder;
 *   2. SQL statements per page loader (child process, before the app opens the database);
 *   3. the production server (`npm start`'s ops/server.mjs, with its JSON access log) pinned to
 *      core 0; pages warmed up, their HTML saved;
 *   4. the same HTML served by nginx (one worker, core 0, gzip) as the reference;
 *   5. the same load on both (wrk or autocannon on core 1, Accept-Encoding: gzip);
 *   5b. the app's pages under the same load without, then with, one approval per second on
 *      fiche WRITE_FICHE_SLUG (scripts/bench/writes.ts), in turns (BENCH_WRITE_ROUNDS pairs of
 *      half BENCH_DURATION each): ratios of req/s and p99, approval times;
 *   6. JavaScript shipped per page (gzip), minus the empty page's;
 *   6b. Lighthouse mobile (median of BENCH_LIGHTHOUSE_RUNS runs) on the pages under load and on
 *      the plain-HTML floor page served by nginx (scripts/bench/lighthouse.ts);
 *   6c. the same server again with PUBLIC_PAGES_KEEP_SCRIPTS=1 — public pages as Next sends them,
 *      scripts included (docs/decisions/0020) — on the same database: HTML and JS sizes, req/s,
 *      Lighthouse, for the « before / after » of the plain public pages;
 *   7. bench-results/bench-<stamp>.json, bench-results/latest.json (+ latest.md), tables; the
 *      server's warnings and errors, if any, in bench-results/bench-<stamp>-serveur.log.
 *
 * Settings: BENCH_DURATION (s, default 10), BENCH_CONNECTIONS (default 10), BENCH_WARMUP
 * (s, default 3), BENCH_WRITE_ROUNDS (default 4), BENCH_TOOL=autocannon (force the fallback), DATABASE_URL, BENCH_LIGHTHOUSE_RUNS
 * (default 3, 0: none), BENCH_CONTRIBUTIONS=100k (PostgreSQL only: the pages at 100,000 published
 * contributions, filled by scripts/bench/volume-fill.ts once the server has seeded the database).
 */
import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { gzipSync } from "node:zlib";
import { createReadStream, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createInterface } from "node:readline";
import os from "node:os";
import path from "node:path";
import { get, header, waitForServer, type RawResponse } from "./bench/http";
import { findScripts, GZIP_LEVEL, ScriptSizer } from "./bench/js-size";
import { FLOOR_PAGE, floorPageWithStylesheet, LIGHTHOUSE_VERSION, lighthouseMedian, type LighthouseMedian } from "./bench/lighthouse";
import { pickTool, runLoad, type LoadResult } from "./bench/load";
import { NGINX_BIN, startNginx, writeNginxConf } from "./bench/nginx";
import {
  freePort,
  hasCommand,
  installSignalHandlers,
  interrupted,
  onCleanup,
  pinned,
  pinningAvailable,
  runCleanups,
  runToCompletion,
  startGroup,
} from "./bench/processes";
import { kb, markdownTable, ratio, round } from "./bench/report";
import { volumeFillSql } from "./bench/volume-fill";
import { startMailSink } from "./bench/mail-sink";
import { combinedLoad, combinedWriters, startWriter, timings, warmWrites, type WriterResult } from "./bench/writes";
import { demoEmail } from "@/db/seed/plan-data";

const ROOT = path.resolve(import.meta.dirname, "..");
process.chdir(ROOT);

const THEME_SLUG = "petite-enfance-enfance-jeunesse";
const FICHE_SLUG = "accompagnement-parentalite";
/** The fiche the writers approve avis on: theme « Gouvernance », not THEME_SLUG, not FICHE_SLUG. */
const WRITE_FICHE_SLUG = "pilotage-projet-social";

interface PageDef {
  key: string;
  label: string;
  path: string;
  /** Put under load (app vs nginx). */
  load: boolean;
}

const PAGES: PageDef[] = [
  { key: "accueil", label: "Accueil", path: "/", load: true },
  { key: "thematique", label: "Thématique", path: `/thematiques/${THEME_SLUG}`, load: true },
  { key: "fiche", label: "Fiche action", path: `/fiches/${FICHE_SLUG}`, load: true },
  { key: "demarche", label: "Démarche", path: "/demarche", load: false },
  { key: "conseils", label: "Conseils", path: "/conseils", load: false },
  { key: "page-vide", label: "Page vide (référence)", path: "/bench/page-vide", load: false },
];
const EMPTY_PAGE = "page-vide";
/** Where nginx serves the plain-HTML floor page (scripts/bench/lighthouse.ts). */
const FLOOR_PATH = "/plancher";
const STYLED_FLOOR_PATH = "/plancher-style";
const WARMUP_REQUESTS = 5;

function intFromEnv(name: string, fallback: number, min: number, max: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === "") return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) {
    throw new Error(`${name}=${raw} : attendu un entier entre ${min} et ${max}`);
  }
  return n;
}

function log(msg: string): void {
  const s = ((performance.now() - t0) / 1000).toFixed(1).padStart(6);
  console.log(`[bench ${s} s] ${msg}`);
}

function tail(file: string, lines = 40): string {
  try {
    return readFileSync(file, "utf8").split("\n").slice(-lines).join("\n");
  } catch {
    return "(pas de journal)";
  }
}

/** The lines of the server's JSON log at level warn or above (at most `max`), read as a stream: the log holds one line per request. */
async function serverWarnings(file: string, max: number): Promise<string[]> {
  if (!existsSync(file)) return [];
  const lines: string[] = [];
  const reader = createInterface({ input: createReadStream(file, "utf8"), crlfDelay: Infinity });
  for await (const line of reader) {
    // Warnings and above, and what is not a log line (a stack trace, Next's own output).
    if (/"level":"(warn|error|fatal)"/.test(line) || (line.trim() !== "" && !line.startsWith("{"))) lines.push(line);
    if (lines.length >= max) break;
  }
  reader.close();
  return lines;
}

function commandOutput(cmd: string, args: string[]): string | null {
  const r = spawnSync(cmd, args, { encoding: "utf8" });
  if (r.status !== 0 && !r.stdout && !r.stderr) return null;
  return `${r.stdout ?? ""}${r.stderr ?? ""}`.trim();
}

/*
 * `next build` with a distDir other than .next adds its generated types folder (.next-bench/types) to tsconfig.json's
 * `include`. The benchmark must leave the working tree as it found it, so it puts the file back
 * afterwards — only if Next's additions are the sole difference (a concurrent edit is kept).
 */
function guardTsconfig(): { restore: () => void } {
  const file = path.join(ROOT, "tsconfig.json");
  let before: string;
  try {
    before = readFileSync(file, "utf8");
  } catch {
    return { restore: () => {} };
  }
  let done = false;
  return {
    restore() {
      if (done) return;
      done = true;
      const now = readFileSync(file, "utf8");
      if (now === before) return;
      try {
        const a = JSON.parse(before) as { include?: string[] };
        const b = JSON.parse(now) as { include?: string[] };
        b.include = b.include?.filter((p) => !p.startsWith(".next-bench/"));
        if (JSON.stringify(a) === JSON.stringify(b)) {
          writeFileSync(file, before);
          log("tsconfig.json remis dans son état d'avant le build (Next y ajoute .next-bench/types)");
          return;
        }
      } catch {
        // Not plain JSON: leave it alone.
      }
      console.warn("[bench] tsconfig.json a changé pendant le build (pas seulement .next-bench) : laissé tel quel.");
    },
  };
}

interface PageFigures {
  htmlBytes: number;
  htmlGzipBytes: number;
  jsFiles: number;
  jsGzipBytes: number;
  inlineScriptChars: number;
}

/** What a page weighs as served at `base`: its HTML, plain and gzip, and the scripts it makes a browser download. */
async function pageFigures(base: string, page: PageDef, sizer: ScriptSizer): Promise<PageFigures> {
  const plain = await get(`${base}${page.path}`);
  const gz = await get(`${base}${page.path}`, { acceptEncoding: "gzip" });
  const scripts = findScripts(plain.body.toString("utf8"), `${base}${page.path}`);
  const total = await sizer.total(scripts.urls);
  return {
    htmlBytes: plain.body.length,
    htmlGzipBytes: header(gz, "content-encoding") === "gzip" ? gz.body.length : gzipSync(gz.body, { level: GZIP_LEVEL }).length,
    jsFiles: total.files,
    jsGzipBytes: total.gzip,
    inlineScriptChars: scripts.inlineScriptChars,
  };
}

interface WithScripts {
  pages: Record<string, { figures: PageFigures; load: LoadResult | null; lighthouse: LighthouseMedian | null }>;
  error?: string;
}

/**
 * The production server once more, on the same build and database, with the public pages as Next
 * sends them (PUBLIC_PAGES_KEEP_SCRIPTS=1): the « before » of docs/decisions/0020, measured the
 * same way as the « after ».
 */
async function measureWithScripts(o: {
  env: NodeJS.ProcessEnv;
  port: number;
  core: number | null;
  loadCore: number | null;
  logFile: string;
  pages: PageDef[];
  sizer: ScriptSizer;
  tool: ReturnType<typeof pickTool>["tool"];
  connections: number;
  durationS: number;
  warmupS: number;
  lighthouseRuns: number;
}): Promise<WithScripts> {
  const base = `http://127.0.0.1:${o.port}`;
  const [cmd, args] = pinned(o.core, process.execPath, ["ops/server.mjs", "-p", String(o.port), "-H", "127.0.0.1"]);
  log(`serveur de production avec les scripts des pages publiques (PUBLIC_PAGES_KEEP_SCRIPTS=1) sur ${base}…`);
  const proc = startGroup("serveur avec scripts", cmd, args, { env: o.env, cwd: ROOT, logFile: o.logFile });
  const out: WithScripts = { pages: {} };
  try {
    await waitForServer(`${base}/bench/page-vide`, 120_000, proc.exited);
    for (const page of o.pages) {
      for (let i = 0; i < WARMUP_REQUESTS; i++) await get(`${base}${page.path}`);
      const figures = await pageFigures(base, page, o.sizer);
      const url = `${base}${page.path}`;
      if (o.warmupS > 0) await runLoad(o.tool, { url, connections: o.connections, durationS: o.warmupS, core: o.loadCore });
      const load = await runLoad(o.tool, { url, connections: o.connections, durationS: o.durationS, core: o.loadCore });
      const lighthouse = o.lighthouseRuns > 0 ? await lighthouseMedian(url, o.lighthouseRuns) : null;
      out.pages[page.key] = { figures, load, lighthouse };
      log(
        `avec scripts ${page.path} : HTML gzip ${figures.htmlGzipBytes} o, JS gzip ${kb(figures.jsGzipBytes)} Ko, ${load.reqPerSec.toFixed(0)} req/s, lighthouse ${JSON.stringify(lighthouse)}`,
      );
    }
  } catch (error) {
    out.error = (error as Error).message;
    console.error(`[bench] mesure avec scripts impossible : ${out.error}\n${tail(o.logFile, 15)}`);
  } finally {
    await proc.stop();
  }
  return out;
}

const t0 = performance.now();

async function main() {
  installSignalHandlers();
  const startedAt = new Date();
  const stamp = startedAt.toISOString().replace(/[:.]/g, "-");
  const durationS = intFromEnv("BENCH_DURATION", 10, 1, 600);
  const connections = intFromEnv("BENCH_CONNECTIONS", 10, 1, 1000);
  const warmupS = intFromEnv("BENCH_WARMUP", 3, 0, 120);
  const lighthouseRuns = intFromEnv("BENCH_LIGHTHOUSE_RUNS", 3, 0, 15);
  const writeRounds = intFromEnv("BENCH_WRITE_ROUNDS", 4, 1, 20);
  const volume = process.env.BENCH_CONTRIBUTIONS ?? "";
  if (volume !== "" && volume !== "100k") throw new Error(`BENCH_CONTRIBUTIONS=${volume} : seule la valeur 100k est prévue`);
  if (volume && !process.env.DATABASE_URL) throw new Error("BENCH_CONTRIBUTIONS=100k demande PostgreSQL (DATABASE_URL)");

  // --- Tools ----------------------------------------------------------------------------------
  if (!NGINX_BIN) {
    console.error("nginx introuvable / nginx not found — apt-get install -y wrk nginx-light");
    process.exitCode = 1;
    return;
  }
  const { tool } = pickTool();
  if (tool === "autocannon" && !hasCommand("wrk")) {
    console.warn("wrk introuvable / wrk not found (apt-get install -y wrk nginx-light) : autocannon est utilisé à la place.");
  }
  const nproc = Number(commandOutput("nproc", []) ?? os.availableParallelism());
  const twoCores = nproc >= 2 && pinningAvailable;
  const serverCore = twoCores ? 0 : null;
  const loadCore = twoCores ? 1 : null;
  if (!twoCores) {
    console.warn(
      pinningAvailable
        ? "[bench] moins de 2 cœurs : serveurs et générateur de charge se partagent le processeur (chiffres pessimistes)."
        : "[bench] taskset introuvable (paquet util-linux) : processus non épinglés.",
    );
  }
  const loadAvgBefore = os.loadavg().map((n) => round(n, 2));
  if ((loadAvgBefore[0] ?? 0) > 0.7) {
    console.warn(
      `[bench] charge de la machine déjà élevée (load average ${loadAvgBefore.join(" ")}) : d'autres processus faussent les mesures.`,
    );
  }

  // --- Temporary folder and database -------------------------------------------------------------
  const tmp = mkdtempSync(path.join(os.tmpdir(), "psc-bench-"));
  onCleanup("dossier temporaire", () => rmSync(tmp, { recursive: true, force: true }));
  const appEnv: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    NEXT_DIST_DIR: ".next-bench",
    BENCH_BUILD: "1",
    SEED_DEMO_DATA: "1",
    NEXT_TELEMETRY_DISABLED: "1",
  };
  let database: { kind: "postgres" | "pglite"; name: string };
  const baseUrl = process.env.DATABASE_URL?.trim();
  if (baseUrl) {
    const { default: postgres } = await import("postgres");
    const name = `psc_bench_${stamp.replace(/[^0-9tz]/gi, "").toLowerCase()}_${process.pid}`;
    const admin = postgres(baseUrl, { max: 1, onnotice: () => {} });
    try {
      await admin.unsafe(`create database "${name}"`);
    } finally {
      await admin.end({ timeout: 5 });
    }
    onCleanup(`suppression de la base ${name}`, async () => {
      const a = postgres(baseUrl, { max: 1, onnotice: () => {} });
      try {
        await a.unsafe(`drop database if exists "${name}" with (force)`);
      } finally {
        await a.end({ timeout: 5 });
      }
    });
    const url = new URL(baseUrl);
    url.pathname = `/${name}`;
    appEnv.DATABASE_URL = url.href;
    delete appEnv.PGLITE_DIR;
    database = { kind: "postgres", name: `${url.host}/${name}` };
  } else {
    delete appEnv.DATABASE_URL;
    appEnv.PGLITE_DIR = path.join(tmp, "pglite");
    database = { kind: "pglite", name: appEnv.PGLITE_DIR };
  }
  log(`base de données : ${database.kind} (${database.name})`);

  // The app's port is chosen now: next-auth wants its own address (NEXTAUTH_URL) and production
  // refuses to start without a secret. A throwaway secret per run unless the caller gives one.
  const appPort = await freePort();
  const app = `http://127.0.0.1:${appPort}`;
  appEnv.NEXTAUTH_URL = app;
  appEnv.NEXTAUTH_SECRET ||= randomBytes(32).toString("base64");
  // The writers' seam (app/api/test-hooks/approvals) is compiled only into a build with a token.
  const hooksToken = randomBytes(24).toString("hex");
  appEnv.TEST_HOOKS_TOKEN = hooksToken;

  // --- 1. Build ----------------------------------------------------------------------------------
  log("next build (production, .next-bench, BENCH_BUILD=1)…");
  const buildLog = path.join(tmp, "build.log");
  const buildStart = performance.now();
  const tsconfigGuard = guardTsconfig();
  onCleanup("tsconfig.json", tsconfigGuard.restore);
  const buildCode = await runToCompletion("next build", "npx", ["next", "build"], { env: appEnv, cwd: ROOT, logFile: buildLog });
  tsconfigGuard.restore();
  const buildS = round((performance.now() - buildStart) / 1000, 1);
  if (buildCode !== 0) {
    if (!interrupted()) console.error(tail(buildLog));
    throw new Error(`next build a échoué (code ${buildCode}) — journal ci-dessus`);
  }
  log(`build terminé en ${buildS} s`);

  // --- 2. SQL statements per loader (before the app holds the database) -------------------------
  log("requêtes SQL par page (loaders de server/plan/load-*.ts)…");
  const queriesOut = path.join(tmp, "queries.json");
  const queriesLog = path.join(tmp, "queries.log");
  const queriesCode = await runToCompletion(
    "comptage des requêtes",
    path.join(ROOT, "node_modules/.bin/tsx"),
    ["--conditions=react-server", "scripts/bench/queries.ts", queriesOut, THEME_SLUG, FICHE_SLUG],
    { env: appEnv, cwd: ROOT, logFile: queriesLog },
  );
  let sql: {
    databaseKind: string;
    prepareMs: number;
    repeat: number;
    loaders: {
      page: string;
      path: string;
      loader: string;
      found: boolean;
      queries: number;
      stableOverRepeats: boolean;
      medianMs: number;
    }[];
  } | null = null;
  let sqlError: string | null = null;
  if (queriesCode === 0) {
    sql = JSON.parse(readFileSync(queriesOut, "utf8"));
  } else {
    sqlError = tail(queriesLog, 15);
    console.error(`[bench] comptage des requêtes impossible (code ${queriesCode}) :\n${sqlError}`);
  }

  // --- 3. The app ---------------------------------------------------------------------------------
  // What production runs (docs/decisions/0018): Next's handler in ops/server.mjs, one log line a request.
  const appLog = path.join(tmp, "server.log");
  // Its mail server, as in production (scripts/bench/mail-sink.ts): the approvals' digests are sent once, not retried at each write.
  const mailSink = await startMailSink();
  onCleanup("serveur SMTP", mailSink.close);
  appEnv.SMTP_URL = mailSink.url;
  const [appCmd, appArgs] = pinned(serverCore, process.execPath, ["ops/server.mjs", "-p", String(appPort), "-H", "127.0.0.1"]);
  log(`serveur de production sur ${app} (cœur ${serverCore ?? "libre"})…`);
  const appProc = startGroup("serveur", appCmd, appArgs, { env: appEnv, cwd: ROOT, logFile: appLog });
  let readyMs: number;
  try {
    readyMs = await waitForServer(`${app}/bench/page-vide`, 120_000, appProc.exited);
  } catch (error) {
    console.error(tail(appLog));
    throw error;
  }
  log(`application prête en ${(readyMs / 1000).toFixed(1)} s`);

  // The server has migrated and seeded the database; no public page is rendered yet (the build's
  // renders are dropped at start, ops/server.mjs): they will render at this volume.
  let volumeCounts: Record<string, number> | null = null;
  if (volume) {
    const { default: postgres } = await import("postgres");
    const client = postgres(appEnv.DATABASE_URL!, { max: 1, onnotice: () => {} });
    try {
      const idOf = async (email: string) => (await client<{ id: number }[]>`select id from users where email = ${email}`)[0]!.id;
      const fillStart = performance.now();
      log("remplissage : 100 000 contributions publiées, 10 000 en attente, 500 000 lignes de journal…");
      for (const statement of volumeFillSql({
        memberId: await idOf(demoEmail("membre1")),
        moderatorId: await idOf(demoEmail("moderation")),
      })) {
        await client.unsafe(statement);
      }
      await client.unsafe("vacuum analyze");
      volumeCounts = (
        await client<{ published: number; pending: number }[]>`select
          (select count(*) from contributions where status = 'published')::int as published,
          (select count(*) from contributions where status = 'pending')::int as pending`
      )[0]!;
      log(`rempli en ${((performance.now() - fillStart) / 1000).toFixed(1)} s : ${JSON.stringify(volumeCounts)}`);
    } finally {
      await client.end({ timeout: 5 });
    }
  }

  // Warm-up of the pages under load: the first visit of an ISR page renders it, later ones come
  // from the cache — x-nextjs-cache tells which.
  const nginxRoot = path.join(tmp, "html");
  const pageInfo: Record<
    string,
    {
      path: string;
      status: number;
      contentType: string | null;
      cacheSequence: string[];
      prerender: string | null;
      cacheControl: string | null;
      firstRequestMs: number;
      htmlBytes: number;
      appGzip: { encoding: string | null; bytes: number };
      html?: RawResponse;
    }
  > = {};
  for (const page of PAGES) {
    const seq: string[] = [];
    let last: RawResponse | undefined;
    let firstMs = 0;
    const n = page.load ? WARMUP_REQUESTS : 1;
    for (let i = 0; i < n; i++) {
      const start = performance.now();
      last = await get(`${app}${page.path}`);
      if (i === 0) firstMs = performance.now() - start;
      seq.push(header(last, "x-nextjs-cache") ?? "—");
    }
    const gz = await get(`${app}${page.path}`, { acceptEncoding: "gzip" });
    pageInfo[page.key] = {
      path: page.path,
      status: last!.status,
      contentType: header(last!, "content-type"),
      cacheSequence: seq,
      prerender: header(last!, "x-nextjs-prerender"),
      cacheControl: header(last!, "cache-control"),
      firstRequestMs: round(firstMs, 1)!,
      htmlBytes: last!.body.length,
      appGzip: { encoding: header(gz, "content-encoding"), bytes: gz.body.length },
      html: last,
    };
    if (page.load && last!.status === 200) {
      const dir = path.join(nginxRoot, page.path);
      mkdirSync(dir, { recursive: true });
      writeFileSync(path.join(dir, "index.html"), last!.body);
    }
    log(`${page.path} → ${last!.status}, x-nextjs-cache : ${seq.join(" ")}`);
  }

  // --- 6. JavaScript shipped (fetched from the app, once per file) ---------------------------------
  const sizer = new ScriptSizer();
  const js: Record<
    string,
    { files: number; rawBytes: number; gzipBytes: number; failed: number; inlineScriptChars: number; scripts: string[] } | null
  > = {};
  for (const page of PAGES) {
    const info = pageInfo[page.key]!;
    if (info.status !== 200 || !info.html) {
      js[page.key] = null;
      continue;
    }
    const scripts = findScripts(info.html.body.toString("utf8"), `${app}${page.path}`);
    const t = await sizer.total(scripts.urls);
    js[page.key] = {
      files: t.files,
      rawBytes: t.raw,
      gzipBytes: t.gzip,
      failed: t.failed,
      inlineScriptChars: scripts.inlineScriptChars,
      scripts: scripts.urls.map((u) => new URL(u).pathname),
    };
  }
  for (const info of Object.values(pageInfo)) delete info.html;
  const emptyJs = js[EMPTY_PAGE]?.gzipBytes ?? null;

  // --- 4. nginx serving the same bytes -------------------------------------------------------------
  mkdirSync(path.join(nginxRoot, FLOOR_PATH), { recursive: true });
  writeFileSync(path.join(nginxRoot, FLOOR_PATH, "index.html"), FLOOR_PAGE);
  // The same floor with the site's stylesheet (the one the home page links), copied next to it.
  const homeHtml = readFileSync(path.join(nginxRoot, "index.html"), "utf8");
  const stylesheet = /<link\b[^>]*rel="stylesheet"[^>]*href="([^"]+)"/.exec(homeHtml)?.[1] ?? null;
  if (stylesheet) {
    const css = await get(`${app}${stylesheet}`);
    mkdirSync(path.join(nginxRoot, path.dirname(stylesheet)), { recursive: true });
    writeFileSync(path.join(nginxRoot, stylesheet), css.body);
    mkdirSync(path.join(nginxRoot, STYLED_FLOOR_PATH), { recursive: true });
    writeFileSync(path.join(nginxRoot, STYLED_FLOOR_PATH, "index.html"), floorPageWithStylesheet(stylesheet));
  }
  const nginxPort = await freePort();
  const nginx = `http://127.0.0.1:${nginxPort}`;
  const conf = writeNginxConf({ dir: tmp, root: nginxRoot, port: nginxPort });
  const nginxProc = await startNginx({ dir: tmp, conf, core: serverCore });
  await waitForServer(`${nginx}/`, 10_000, nginxProc.exited);
  log(`nginx sur ${nginx} (cœur ${serverCore ?? "libre"}, 1 worker, gzip niveau 6)`);
  const nginxGzip: Record<string, { encoding: string | null; bytes: number; identical: boolean; contentType: string | null }> = {};
  for (const page of PAGES.filter((p) => p.load && pageInfo[p.key]!.status === 200)) {
    const saved = readFileSync(path.join(nginxRoot, page.path, "index.html"));
    const plain = await get(`${nginx}${page.path}`);
    const gz = await get(`${nginx}${page.path}`, { acceptEncoding: "gzip" });
    nginxGzip[page.key] = {
      encoding: header(gz, "content-encoding"),
      bytes: gz.body.length,
      identical: plain.status === 200 && plain.body.equals(saved),
      contentType: header(plain, "content-type"),
    };
    if (!nginxGzip[page.key]!.identical) throw new Error(`nginx ne renvoie pas les octets enregistrés pour ${page.path}`);
  }

  // What gzip alone costs per response (both servers compress every response on the fly): its
  // inverse bounds the req/s of one core, whatever the server.
  const gzipMs: Record<string, number> = {};
  for (const page of PAGES.filter((p) => p.load && pageInfo[p.key]!.status === 200)) {
    const html = readFileSync(path.join(nginxRoot, page.path, "index.html"));
    const times: number[] = [];
    for (let i = 0; i < 21; i++) {
      const start = performance.now();
      gzipSync(html, { level: GZIP_LEVEL });
      times.push(performance.now() - start);
    }
    times.sort((a, b) => a - b);
    gzipMs[page.key] = round(times[10]!, 2)!;
  }

  // --- 6b. Lighthouse mobile, before any load ------------------------------------------------------
  const lighthouse: Record<string, LighthouseMedian> = {};
  if (lighthouseRuns > 0) {
    lighthouse.plancher = await lighthouseMedian(`${nginx}${FLOOR_PATH}/`, lighthouseRuns);
    log(`lighthouse plancher (nginx) : ${JSON.stringify(lighthouse.plancher)}`);
    if (stylesheet) {
      lighthouse["plancher-style"] = await lighthouseMedian(`${nginx}${STYLED_FLOOR_PATH}/`, lighthouseRuns);
      log(`lighthouse plancher avec la feuille de style (nginx) : ${JSON.stringify(lighthouse["plancher-style"])}`);
    }
    for (const page of PAGES.filter((p) => p.load && pageInfo[p.key]!.status === 200)) {
      lighthouse[page.key] = await lighthouseMedian(`${app}${page.path}`, lighthouseRuns);
      log(`lighthouse ${page.path} : ${JSON.stringify(lighthouse[page.key])}`);
    }
  }

  // --- 5. Load ---------------------------------------------------------------------------------------
  const load: Record<string, { app: LoadResult; nginx: LoadResult } | null> = {};
  for (const page of PAGES.filter((p) => p.load)) {
    if (pageInfo[page.key]!.status !== 200) {
      load[page.key] = null;
      log(`${page.path} : statut ${pageInfo[page.key]!.status}, pas de mesure de charge`);
      continue;
    }
    const results: Partial<Record<"app" | "nginx", LoadResult>> = {};
    for (const [server, base] of [
      ["app", app],
      ["nginx", nginx],
    ] as const) {
      const url = `${base}${page.path}`;
      if (warmupS > 0) await runLoad(tool, { url, connections, durationS: warmupS, core: loadCore });
      results[server] = await runLoad(tool, { url, connections, durationS, core: loadCore });
      const r = results[server]!;
      log(`${server.padEnd(5)} ${page.path} : ${r.reqPerSec.toFixed(0)} req/s, p50 ${r.p50Ms} ms, p99 ${r.p99Ms} ms, erreurs ${r.errors}`);
    }
    load[page.key] = { app: results.app!, nginx: results.nginx! };
  }

  // --- 5b. Reads with one write per second ----------------------------------------------------------
  // Each page twice in a row, without then with the writer: the ratios compare runs a few seconds
  // apart on the same warm server. The home page shows every write (plan-wide figures) and so does
  // the written fiche; the bench's theme and fiche do not, and must stay served from cache.
  const writePages = [
    ...PAGES.filter((p) => p.load && pageInfo[p.key]!.status === 200),
    { key: "fiche-ecrite", label: "Fiche écrite", path: `/fiches/${WRITE_FICHE_SLUG}`, load: true },
  ];
  const underWrites: Record<
    string,
    { quiet: LoadResult; busy: LoadResult; writer: WriterResult; rounds: { quiet: LoadResult[]; busy: LoadResult[] } }
  > = {};
  const writePhaseS = Math.max(1, Math.ceil(durationS / 2));
  for (const page of writePages) {
    const url = `${app}${page.path}`;
    // A few approvals first: the first ones after the server started load and compile their code
    // (about a second of the one core), a cost paid once per process, not at each write.
    await warmWrites({ app, token: hooksToken, actionSlug: WRITE_FICHE_SLUG, count: 3 });
    await get(url);
    if (warmupS > 0) await runLoad(tool, { url, connections, durationS: warmupS, core: loadCore });
    // Without and with writes in turns, WRITE_ROUNDS times (half the load's duration each): the
    // machine's own swings (±10 % between two 10 s loads here) fall on both sides of the ratio.
    const quietRounds: LoadResult[] = [];
    const busyRounds: LoadResult[] = [];
    const writerRounds: WriterResult[] = [];
    for (let round = 0; round < writeRounds; round++) {
      quietRounds.push(await runLoad(tool, { url, connections, durationS: writePhaseS, core: loadCore }));
      const writer = startWriter({ app, token: hooksToken, actionSlug: WRITE_FICHE_SLUG });
      busyRounds.push(await runLoad(tool, { url, connections, durationS: writePhaseS, core: loadCore }));
      writerRounds.push(await writer.stop());
    }
    const [quiet, busy, written] = [combinedLoad(quietRounds), combinedLoad(busyRounds), combinedWriters(writerRounds)];
    underWrites[page.key] = { quiet, busy, writer: written, rounds: { quiet: quietRounds, busy: busyRounds } };
    log(
      `${page.path} sans / avec 1 écriture/s : ${quiet.reqPerSec.toFixed(0)} / ${busy.reqPerSec.toFixed(0)} req/s, p99 ${quiet.p99Ms} / ${busy.p99Ms} ms, ${written.writes} écritures (${written.failures} en échec)`,
    );
  }
  const allWrites = Object.values(underWrites);
  const approvalServer = timings(allWrites.flatMap((w) => w.writer.serverMs));
  const approvalRoundTrip = timings(allWrites.flatMap((w) => w.writer.roundTripMs));

  // Memory of the app's whole process group (npx + next-server), after the load.
  const rssKb = (commandOutput("ps", ["-o", "rss=", "--sid", String(appProc.pgid)]) ?? "")
    .split(/\s+/)
    .filter(Boolean)
    .reduce((n, v) => n + Number(v), 0);

  await nginxProc.stop();
  await appProc.stop();
  log("serveurs arrêtés");

  // --- 6c. The same pages with their scripts (PUBLIC_PAGES_KEEP_SCRIPTS=1), same database ----------
  const withScripts = await measureWithScripts({
    env: { ...appEnv, PUBLIC_PAGES_KEEP_SCRIPTS: "1" },
    port: appPort,
    core: serverCore,
    loadCore,
    logFile: path.join(tmp, "server-with-scripts.log"),
    pages: PAGES.filter((p) => p.load && pageInfo[p.key]!.status === 200),
    sizer,
    tool,
    connections,
    durationS,
    warmupS,
    lighthouseRuns,
  });

  // --- 7. Results ------------------------------------------------------------------------------------
  const machine = {
    date: startedAt.toISOString(),
    command: `${process.env.DATABASE_URL ? "DATABASE_URL=… " : ""}npm run bench`,
    hostname: os.hostname(),
    cpuModel: os.cpus()[0]?.model ?? null,
    nproc,
    memoryGb: round(os.totalmem() / 1024 ** 3, 1),
    loadAverageBefore: loadAvgBefore,
    node: process.version,
    next: JSON.parse(readFileSync("node_modules/next/package.json", "utf8")).version as string,
    nginx: commandOutput(NGINX_BIN, ["-v"])?.replace(/^nginx version:\s*nginx\//, "") ?? null,
    loadTool:
      tool === "wrk"
        ? `wrk ${
            commandOutput("wrk", ["-v"])
              ?.split("\n")[0]
              ?.replace(/^wrk\s+/, "")
              .split(" Copyright")[0] ?? ""
          }`.trim()
        : `autocannon ${JSON.parse(readFileSync("node_modules/autocannon/package.json", "utf8")).version as string}`,
    cores: twoCores ? "app et nginx : cœur 0 ; générateur de charge : cœur 1" : "non épinglés",
    database: database.kind,
    contributions: volumeCounts ? `${volumeCounts.published} publiées, ${volumeCounts.pending} en attente` : "données de démonstration",
    buildSeconds: buildS,
    appReadySeconds: round(readyMs / 1000, 1),
    appRssMbAfterLoad: rssKb ? round(rssKb / 1024, 0) : null,
    settings: { durationS, connections, warmupS, warmupRequests: WARMUP_REQUESTS, gzipLevelForJs: GZIP_LEVEL },
  };

  const wire = (r: { encoding: string | null; bytes: number } | undefined) =>
    r ? (r.encoding === "gzip" ? String(r.bytes) : `${r.bytes} (non compressé)`) : "?";
  const loadRows = PAGES.filter((p) => p.load).map((p) => {
    const l = load[p.key];
    const status = pageInfo[p.key]!.status;
    return {
      page: p.path,
      statut: status,
      "app req/s": round(l?.app.reqPerSec, 0),
      "nginx req/s": round(l?.nginx.reqPerSec, 0),
      "req/s app/nginx": ratio(l?.app.reqPerSec, l?.nginx.reqPerSec, 3),
      "app p50 ms": round(l?.app.p50Ms, 2),
      "nginx p50 ms": round(l?.nginx.p50Ms, 2),
      "p50 app/nginx": ratio(l?.app.p50Ms, l?.nginx.p50Ms, 1),
      "app p99 ms": round(l?.app.p99Ms, 2),
      "nginx p99 ms": round(l?.nginx.p99Ms, 2),
      "p99 app/nginx": ratio(l?.app.p99Ms, l?.nginx.p99Ms, 1),
      "erreurs app/nginx": l ? `${l.app.errors}/${l.nginx.errors}` : "non mesurée",
      // Same page, both compressed: the two servers send (almost) the same number of bytes.
      "gzip o app/nginx": l ? `${wire(pageInfo[p.key]!.appGzip)}/${wire(nginxGzip[p.key])}` : null,
      "gzip ms/réponse": gzipMs[p.key] ?? null,
    };
  });

  const pageRows = PAGES.map((p) => {
    const info = pageInfo[p.key]!;
    const j = js[p.key];
    return {
      page: p.path,
      statut: info.status,
      "x-nextjs-cache": info.cacheSequence.join(" "),
      "1re requête ms": info.firstRequestMs,
      "HTML o": info.htmlBytes,
      "HTML gzip o (app)": info.appGzip.encoding === "gzip" ? info.appGzip.bytes : null,
      "fichiers JS": j?.files ?? null,
      "JS gzip Ko": kb(j?.gzipBytes),
      "JS brut Ko": kb(j?.rawBytes),
      "Δ page vide Ko gzip": j && emptyJs !== null ? kb(j.gzipBytes - emptyJs) : null,
      "scripts inline Ko": kb(j?.inlineScriptChars),
    };
  });

  const writeRows = writePages.map((p) => {
    const w = underWrites[p.key];
    return {
      page: p.path,
      "req/s sans écriture": round(w?.quiet.reqPerSec, 0),
      "req/s avec": round(w?.busy.reqPerSec, 0),
      "req/s avec/sans (≥ 0,9)": ratio(w?.busy.reqPerSec, w?.quiet.reqPerSec, 2),
      "p99 ms sans": round(w?.quiet.p99Ms, 2),
      "p99 ms avec": round(w?.busy.p99Ms, 2),
      "p99 avec/sans (≤ 2)": ratio(w?.busy.p99Ms, w?.quiet.p99Ms, 2),
      écritures: w ? `${w.writer.writes} (${w.writer.failures} en échec)` : null,
      "erreurs sans/avec": w ? `${w.quiet.errors}/${w.busy.errors}` : null,
    };
  });
  const approvalRow = {
    approbations: approvalServer.n,
    "approbation p50 ms": approvalServer.p50,
    "approbation p95 ms (≤ 200)": approvalServer.p95,
    "approbation max ms": approvalServer.max,
    "réponse p50 ms": approvalRoundTrip.p50,
    "réponse p95 ms (≤ 200)": approvalRoundTrip.p95,
    "réponse max ms": approvalRoundTrip.max,
    "courriels envoyés": mailSink.received(),
  };

  const sqlRows = (sql?.loaders ?? []).map((l) => ({
    page: l.path,
    loader: l.loader,
    trouvé: l.found,
    "requêtes SQL": l.queries,
    "stable sur répétitions": l.stableOverRepeats,
    "médiane ms": l.medianMs,
  }));

  // Public pages with (Next as is) and without their scripts (ops/public-html.mjs, decision 0020).
  const floorLcp = lighthouse.plancher?.lcpMs ?? null;
  const plainRows = PAGES.filter((p) => p.load && pageInfo[p.key]!.status === 200).map((p) => {
    const before = withScripts.pages[p.key];
    const after = pageInfo[p.key]!;
    const afterGzip = after.appGzip.encoding === "gzip" ? after.appGzip.bytes : null;
    const lhBefore = before?.lighthouse;
    const lhAfter = lighthouse[p.key];
    return {
      page: p.path,
      "HTML gzip o avec scripts": before?.figures.htmlGzipBytes ?? null,
      "HTML gzip o sans": afterGzip,
      "HTML gzip − %": before && afterGzip !== null ? round((1 - afterGzip / before.figures.htmlGzipBytes) * 100, 0) : null,
      "JS gzip Ko avec": kb(before?.figures.jsGzipBytes),
      "JS gzip Ko sans (≤ 10)": kb(js[p.key]?.gzipBytes),
      "req/s avec": round(before?.load?.reqPerSec, 0),
      "req/s sans": round(load[p.key]?.app.reqPerSec, 0),
      "Lighthouse avec": lhBefore?.score ?? null,
      "Lighthouse sans (≥ 98)": lhAfter?.score ?? null,
      "LCP ms avec": lhBefore?.lcpMs ?? null,
      "LCP ms sans": lhAfter?.lcpMs ?? null,
      "LCP sans / plancher (≤ 1,3)": ratio(lhAfter?.lcpMs, floorLcp, 2),
      "LCP sans / plancher avec CSS": ratio(lhAfter?.lcpMs, lighthouse["plancher-style"]?.lcpMs, 2),
    };
  });
  const floorRows = [
    { key: "plancher", label: `nginx ${FLOOR_PATH}/ (HTML seul)` },
    { key: "plancher-style", label: `nginx ${STYLED_FLOOR_PATH}/ (HTML + la feuille de style du site)` },
  ].map(({ key, label }) => ({
    plancher: label,
    Lighthouse: lighthouse[key]?.score ?? null,
    "LCP ms": lighthouse[key]?.lcpMs ?? null,
    "FCP ms": lighthouse[key]?.fcpMs ?? null,
    mesures:
      lighthouseRuns > 0
        ? `médiane de ${lighthouseRuns} (Lighthouse ${LIGHTHOUSE_VERSION}, mobile)`
        : "non mesuré (BENCH_LIGHTHOUSE_RUNS=0)",
  }));
  const lighthouseErrors = [...Object.values(lighthouse).map((l) => l.error), withScripts.error].filter(Boolean);

  const results = {
    machine,
    pages: pageInfo,
    nginx: nginxGzip,
    gzipMsPerResponse: gzipMs,
    load,
    underWrites: {
      writeFiche: WRITE_FICHE_SLUG,
      pages: underWrites,
      approvalServerMs: approvalServer,
      approvalRoundTripMs: approvalRoundTrip,
    },
    js: { gzipLevel: GZIP_LEVEL, emptyPageGzipBytes: emptyJs, pages: js },
    sql: sql ?? { error: sqlError },
    volume: volumeCounts,
    lighthouse,
    withScripts,
    tables: {
      plain: plainRows,
      floor: floorRows,
      load: loadRows,
      underWrites: writeRows,
      approvals: approvalRow,
      pages: pageRows,
      sql: sqlRows,
    },
  };
  const outDir = path.join(ROOT, "bench-results");
  mkdirSync(outDir, { recursive: true });
  const outFile = path.join(outDir, `bench-${stamp}.json`);
  writeFileSync(outFile, JSON.stringify(results, null, 2));
  writeFileSync(path.join(outDir, "latest.json"), JSON.stringify(results, null, 2));
  // The server's warnings and errors, kept beside the figures: a round with socket errors or a
  // sudden drop (2026-12-03: 64 wrk timeouts in one round with writes) can then be read against
  // what the server said at that moment. Its access lines (one per request) are left out.
  const warnings = await serverWarnings(appLog, 2_000);
  if (warnings.length > 0) writeFileSync(path.join(outDir, `bench-${stamp}-serveur.log`), `${warnings.join("\n")}\n`);
  log(
    `serveur : ${warnings.length} avertissements ou erreurs dans son journal${warnings.length > 0 ? ` (bench-results/bench-${stamp}-serveur.log)` : ""}`,
  );

  const machineRows = {
    date: machine.date,
    machine: `${machine.cpuModel} — nproc ${nproc}, ${machine.memoryGb} Go`,
    "load average avant / après": `${loadAvgBefore.join(" ")} / ${os
      .loadavg()
      .map((n) => round(n, 2))
      .join(" ")}`,
    versions: `Node ${machine.node}, Next ${machine.next}, nginx ${machine.nginx}, ${machine.loadTool}`,
    cœurs: machine.cores,
    base: `${database.kind}, ${machine.contributions}`,
    charge: `${connections} connexions, ${warmupS} s de chauffe + ${durationS} s mesurées, Accept-Encoding: gzip`,
    "build / démarrage": `${buildS} s / ${machine.appReadySeconds} s`,
    "mémoire app (RSS après charge)": machine.appRssMbAfterLoad === null ? "—" : `${machine.appRssMbAfterLoad} Mo`,
  };
  const md = [
    `### Machine\n`,
    markdownTable(Object.entries(machineRows).map(([k, v]) => ({ "": k, valeur: v }))),
    `\n### Débit et latence : application vs nginx (mêmes octets)\n`,
    markdownTable(loadRows),
    `\n### Lectures avec une écriture par seconde (approbation d'un avis sur /fiches/${WRITE_FICHE_SLUG})\n`,
    markdownTable(writeRows),
    "",
    markdownTable([approvalRow]),
    `\n### Pages : cache, HTML, JavaScript livré (gzip niveau ${GZIP_LEVEL})\n`,
    markdownTable(pageRows),
    `\n### Pages publiques avec puis sans leurs scripts (décision 0020)\n`,
    markdownTable(plainRows),
    "",
    markdownTable(floorRows),
    lighthouseErrors.length ? `\nErreurs : ${lighthouseErrors.join(" ; ")}` : "",
    `\n### Requêtes SQL par rendu (loaders, base ${sql?.databaseKind ?? database.kind})\n`,
    sqlRows.length ? markdownTable(sqlRows) : `Non mesurées : ${sqlError ?? "?"}`,
    "",
  ].join("\n");
  writeFileSync(path.join(outDir, "latest.md"), md);

  // console.table prints null as "null": show a dash instead (the JSON keeps null).
  const dash = <T extends Record<string, unknown>>(rows: T[]) =>
    rows.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, v === null || v === undefined ? "—" : v])));
  console.log("\nMachine");
  console.table(machineRows);
  console.log("Débit et latence — application vs nginx servant les mêmes octets (ratio req/s < 1 : l'application sert moins vite)");
  console.table(dash(loadRows));
  console.log(`Lectures sans puis avec une approbation par seconde sur /fiches/${WRITE_FICHE_SLUG} (même charge)`);
  console.table(dash(writeRows));
  console.log(
    "Approbations pendant la charge (approbation : Server-Timing, sans le rafraîchissement ; réponse : vue de l'écrivain, quand les pages lues sont prêtes, décision 0032)",
  );
  console.table(approvalRow);
  console.log(`Pages — JavaScript livré (gzip niveau ${GZIP_LEVEL}), différence avec la page vide`);
  console.table(dash(pageRows));
  console.log("Pages publiques avec (PUBLIC_PAGES_KEEP_SCRIPTS=1) puis sans leurs scripts — Lighthouse mobile, médianes");
  console.table(dash(plainRows));
  console.table(dash(floorRows));
  if (lighthouseErrors.length) console.log(`Erreurs : ${lighthouseErrors.join(" ; ")}`);
  console.log("Requêtes SQL par rendu de page");
  if (sqlRows.length) console.table(sqlRows);
  else console.log(`  non mesurées : ${sqlError}`);
  console.log(
    `\nRésultats : ${path.relative(ROOT, outFile)} (et bench-results/latest.json, latest.md) — ${((performance.now() - t0) / 1000).toFixed(0)} s au total`,
  );
}

// `npm run bench -- --data=100k`: the server functions at 100,000 contributions (scripts/bench/volume.ts).
if (process.argv.includes("--data=100k")) {
  const volume = spawnSync(
    process.execPath,
    [path.join(ROOT, "node_modules/tsx/dist/cli.mjs"), "--tsconfig", "scripts/bench/tsconfig.volume.json", "scripts/bench/volume.ts"],
    {
      cwd: ROOT,
      stdio: "inherit",
    },
  );
  process.exit(volume.status ?? 1);
}

try {
  await main();
} catch (error) {
  if (!interrupted()) console.error(`[bench] échec : ${(error as Error).stack ?? error}`);
  process.exitCode = 1;
} finally {
  await runCleanups();
}
