/*
 * `npm run bench -- --data=100k` (or `npm run bench:volume`): what the server functions behind the
 * signed-in pages and the public pages cost at a City's worst volume, against the same functions
 * on the demo data, in one run (issue 15). PostgreSQL only: DATABASE_URL names the server, on which
 * a throwaway database `psc_volume_<stamp>` is created and dropped at the end.
 *
 *   1. migrate + demo seed (the baseline: a few dozen contributions), measure every function;
 *   2. fill through the schema, in SQL (generate_series): 100,000 published contributions
 *      (submitted a day before their decision; a third proposals, half of them answered; each text holds one of ten topic sentences, so that
 *      a search finds a tenth of them by topic and all of them by « conseil »), 10,000 pending, 500,000 journal rows —
 *      timed (target: under 2 minutes);
 *   3. VACUUM ANALYZE, measure every function again: p50 / p95 over BENCH_VOLUME_RUNS runs (default 30),
 *      SQL statements per call, and the size of what it returns (JSON, the data a page renders);
 *   4. a table of both, with the ratios, in bench-results/volume-latest.md (+ .json).
 *
 * Run with `tsx --tsconfig scripts/bench/tsconfig.volume.json`: `server-only` maps to an empty module
 * there (as in vitest.config.mts), React keeps its ordinary build (next-auth's imports need it).
 */
import { mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import postgres from "postgres";
import { rowsOf } from "../../db/rows";
import { volumeFillSql } from "./volume-fill";
import { demoEmail } from "@/db/seed/plan-data";

const ROOT = path.resolve(import.meta.dirname, "../..");
const RUNS = Number(process.env.BENCH_VOLUME_RUNS) || 30;
const adminUrl = process.env.DATABASE_URL?.trim();
if (!adminUrl) {
  console.error("bench --data=100k : donnez un serveur PostgreSQL dans DATABASE_URL (une base jetable y est créée puis supprimée).");
  process.exit(2);
}
const name = `psc_volume_${Date.now().toString(36)}_${process.pid}`;
const url = new URL(adminUrl);
url.pathname = `/${name}`;
const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
await admin.unsafe(`create database ${name}`);
process.env.DATABASE_URL = url.toString();
process.env.SEED_DEMO_DATA = "1";

interface Measure {
  page: string;
  fn: string;
  p50: number;
  p95: number;
  /** The first call, not among the runs: what a cache filled on first use (the register's months that are over) costs once. */
  first: number;
  queries: number;
  kb: number;
  /** At volume only: the sequential scans of the big tables in the plans of its statements (EXPLAIN). */
  scans?: string[];
  /** The statements whose plan holds one (their SQL), in the JSON result: what to look at. */
  scanning?: string[];
}

/** The tables that grow with participation: at volume, a page must never read one of them whole. */
const GROWING_TABLES = [
  "contributions",
  "audit_log",
  "contribution_reports",
  "contribution_answers",
  "contribution_supports",
  "notifications",
];

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
const round = (n: number, digits = 1) => Number(n.toFixed(digits));

try {
  const { openDatabase, prepareDatabase } = await import("@/db/client");
  const { countQueries, recordQueries } = await import("@/db/query-count");
  const { sql } = await import("drizzle-orm");
  const { loadActor } = await import("@/server/auth/actor");
  const { loadAttention } = await import("@/server/account/attention");
  const { listCouncilContributions } = await import("@/server/contributions/list-council-contributions");
  const { listPendingQueue } = await import("@/server/moderation/queue");
  const { listAnswerableProposals } = await import("@/server/answers/list-answerable");
  const { listAuditLog } = await import("@/server/audit-log/list-audit-log");
  const { loadDashboard } = await import("@/server/dashboard/load-dashboard");
  const { loadPlanOverview } = await import("@/server/plan/load-plan-overview");
  const { loadThemePage } = await import("@/server/plan/load-theme-page");
  const { loadActionPage } = await import("@/server/plan/load-action-page");
  const { loadActionContributionsPage } = await import("@/server/plan/load-action-contributions-page");
  const { searchPublic } = await import("@/server/search/search-public");
  const { loadModerationRegister } = await import("@/server/moderation/load-register");
  const { listPublishedForModeration, listReportedQueue } = await import("@/server/moderation/lists");

  const database = await openDatabase();
  await prepareDatabase(database);
  const db = database.db;
  const one = async <T>(query: ReturnType<typeof sql>) => rowsOf<T>(await db.execute(query))[0]!;

  const actorOf = async (email: string) => {
    const user = await one<{ id: number; session_version: number }>(sql`select id, session_version from users where email = ${email}`);
    const actor = await loadActor(db, user.id, user.session_version);
    if (!actor) throw new Error(`compte ${email} introuvable`);
    return actor;
  };
  const [member, moderator, official, adminActor] = await Promise.all([
    actorOf(demoEmail("membre1")),
    actorOf(demoEmail("moderation")),
    actorOf(demoEmail("elu")),
    actorOf(demoEmail("admin")),
  ]);
  const council = await one<{ slug: string }>(sql`select slug from councils where id = ${[...member.councils.keys()][0]!}`);
  const fiche = await one<{ slug: string }>(sql`select slug from actions order by id limit 1`);
  const theme = await one<{ slug: string }>(sql`select slug from themes order by number limit 1`);

  const cases: { page: string; fn: string; run: () => Promise<unknown> }[] = [
    { page: "/", fn: "loadPlanOverview", run: () => loadPlanOverview(db) },
    { page: `/thematiques/${theme.slug}`, fn: "loadThemePage", run: () => loadThemePage(theme.slug, db) },
    { page: `/fiches/${fiche.slug}`, fn: "loadActionPage", run: () => loadActionPage(fiche.slug, db) },
    {
      page: `/fiches/${fiche.slug}/contributions/50`,
      fn: "loadActionContributionsPage",
      run: () => loadActionContributionsPage(fiche.slug, 50, db),
    },
    {
      page: `/espace/conseils/${council.slug}/contributions`,
      fn: "listCouncilContributions",
      run: () => listCouncilContributions(db, member, council.slug),
    },
    {
      page: `…/contributions?etat=publiees`,
      fn: "listCouncilContributions (une section)",
      run: () => listCouncilContributions(db, member, council.slug, { group: "publiees" }),
    },
    { page: "barre de compte (modération)", fn: "loadAttention", run: () => loadAttention(db, moderator) },
    { page: "/moderation", fn: "listPendingQueue", run: () => listPendingQueue(db, moderator) },
    { page: "/reponses", fn: "listAnswerableProposals", run: () => listAnswerableProposals(db, official) },
    { page: "/tableau-de-bord", fn: "loadDashboard", run: () => loadDashboard(db, official) },
    { page: "/moderation/publiees", fn: "listPublishedForModeration", run: () => listPublishedForModeration(db, moderator) },
    { page: "/moderation/signalements", fn: "listReportedQueue", run: () => listReportedQueue(db, moderator) },
    { page: "/admin/journal", fn: "listAuditLog", run: () => listAuditLog(db, adminActor) },
    {
      page: "/admin/journal?action=contribution.submit&conseil=…",
      fn: "listAuditLog (filtres)",
      run: () => listAuditLog(db, adminActor, { action: "contribution.submit", council: String([...member.councils.keys()][0]!) }),
    },
    // The public search (issue 13): typical queries — one word, two words, without accents, a typo —
    // and « conseil », a word of every generated contribution (the most matches there can be).
    ...["parentalite", "familles logement", "personnes agees", "parentalitee", "conseil"].map((q) => ({
      page: `/recherche?q=${q.replace(" ", "+")}`,
      fn: "searchPublic",
      run: () => searchPublic(db, q, { kind: null, themeSlug: null, councilSlug: null }),
    })),
    // The public moderation register (issue 13): 12 months of journal counts, decisions and answers.
    { page: "/moderation/registre", fn: "loadModerationRegister", run: () => loadModerationRegister(db, null) },
    {
      page: "/recherche?q=conseil&type=avis&page=50",
      fn: "searchPublic (dernière page)",
      run: () => searchPublic(db, "conseil", { kind: "contribution", themeSlug: null, councilSlug: null }, 50),
    },
  ];

  // BENCH_VOLUME_ONLY=reponses,tableau: only the cases whose page or function name contains one of
  // these words (the fill and the baseline stay the same; a shorter run to measure one change).
  const only = (process.env.BENCH_VOLUME_ONLY ?? "")
    .split(",")
    .map((w) => w.trim().toLowerCase())
    .filter(Boolean);
  const selected = only.length === 0 ? cases : cases.filter((c) => only.some((w) => `${c.page} ${c.fn}`.toLowerCase().includes(w)));
  if (selected.length === 0) throw new Error(`BENCH_VOLUME_ONLY=${process.env.BENCH_VOLUME_ONLY} : aucune page ne correspond`);

  // Each statement's plan, with the values it was sent with (a custom plan, as on a page's first executions).
  const explainer = postgres(url.toString(), { max: 1, onnotice: () => {} });
  const bigTableScans = async (
    run: () => Promise<unknown>,
    bigTables: ReadonlySet<string>,
  ): Promise<{ scans: string[]; scanning: string[] }> => {
    const { statements } = await recordQueries(run);
    const scans: string[] = [];
    const scanning: string[] = [];
    // Reads only: a page's `set local …` or transaction control has no plan.
    for (const statement of statements.filter((st) => /^\s*(\(?\s*select|with)\b/i.test(st.sql))) {
      const [row] = await explainer.unsafe(`explain (format json) ${statement.sql}`, statement.params as never[]);
      // Under a Limit, a sequential scan stops at the rows asked for (a capped count of a word found
      // everywhere): the planner's choice when most rows match; it is told apart from a whole read.
      const walk = (node: Record<string, unknown>, limited: boolean) => {
        const table = String(node["Relation Name"] ?? "");
        const under = limited || node["Node Type"] === "Limit";
        if (String(node["Node Type"]).endsWith("Seq Scan") && bigTables.has(table)) scans.push(under ? `${table} (sous LIMIT)` : table);
        for (const child of (node.Plans as Record<string, unknown>[] | undefined) ?? []) walk(child, under);
      };
      const before = scans.length;
      walk((row!["QUERY PLAN"] as { Plan: Record<string, unknown> }[])[0]!.Plan, false);
      if (scans.length > before) scanning.push(statement.sql);
    }
    return { scans, scanning };
  };

  /** `bigTables`: at volume, the tables whose whole reads are reported (EXPLAIN of each statement). */
  const measureAll = async (bigTables: ReadonlySet<string> | null): Promise<Measure[]> => {
    const out: Measure[] = [];
    for (const c of selected) {
      const t = performance.now();
      const first = await countQueries(c.run);
      const firstMs = performance.now() - t;
      const kb = Buffer.byteLength(JSON.stringify(first.result)) / 1024;
      const times: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        const t0 = performance.now();
        await c.run();
        times.push(performance.now() - t0);
      }
      times.sort((a, b) => a - b);
      out.push({
        page: c.page,
        fn: c.fn,
        p50: round(percentile(times, 50)),
        p95: round(percentile(times, 95)),
        first: round(firstMs),
        queries: first.queries,
        kb: round(kb),
        ...(bigTables ? await bigTableScans(c.run, bigTables) : {}),
      });
    }
    return out;
  };

  console.log(`[volume] base ${name} ; mesure sur les données de démonstration (${RUNS} appels par fonction)…`);
  const baseline = await measureAll(null);

  console.log("[volume] remplissage : 100 000 contributions publiées, 10 000 en attente, 500 000 lignes de journal…");
  const t0 = performance.now();
  for (const statement of volumeFillSql({ memberId: member.id, moderatorId: moderator.id })) await db.execute(sql.raw(statement));
  // What autovacuum does on a live database after such a load: statistics, and the visibility map
  // that lets index-only scans skip the table.
  await db.execute(sql`vacuum analyze`);
  const fillSeconds = round((performance.now() - t0) / 1000);
  const counts = await one<{
    published: number;
    pending: number;
    journal: number;
    answers: number;
    reports: number;
    notifications: number;
  }>(
    sql`select (select count(*) from contributions where status = 'published')::int as published,
               (select count(*) from contributions where status = 'pending')::int as pending,
               (select count(*) from audit_log)::int as journal,
               (select count(*) from contribution_answers)::int as answers,
               (select count(*) from contribution_reports)::int as reports,
               (select count(*) from notifications)::int as notifications`,
  );
  console.log(`[volume] rempli en ${fillSeconds} s : ${JSON.stringify(counts)} ; mesure…`);
  // A sequential scan of a table of a few hundred rows is the planner's right choice: only the ones
  // the fill made large (≥ 1,000 rows) count.
  const sizes = rowsOf<{ relname: string; n: number }>(
    await db.execute(sql`select relname, reltuples::int as n from pg_class where relkind = 'r' and relname in ${GROWING_TABLES}`),
  );
  const bigTables = new Set(sizes.filter((t) => t.n >= 1000).map((t) => t.relname));
  console.log(`[volume] grandes tables : ${sizes.map((t) => `${t.relname} ${t.n}`).join(", ")}`);
  const atVolume = await measureAll(bigTables);
  await database.close();
  await explainer.end({ timeout: 5 });

  const load = os
    .loadavg()
    .map((n) => n.toFixed(2))
    .join(" / ");
  const lines = [
    `## Fonctions serveur à 100 000 contributions (\`npm run bench -- --data=100k\`)`,
    "",
    `Base : PostgreSQL, ${counts.published} publiées, ${counts.pending} en attente, ${counts.journal} lignes de journal, ${counts.answers} réponses, ${counts.reports} signalements, ${counts.notifications} notifications ; remplissage ${fillSeconds} s ; ${RUNS} appels par fonction ; charge moyenne ${load}.`,
    "",
    "| page | fonction | p50 démo (ms) | p50 volume (ms) | p95 volume (ms) | p95 volume / démo | requêtes démo → volume | données renvoyées démo → volume (Ko) | lectures séquentielles des grandes tables (EXPLAIN) |",
    "|---|---|---:|---:|---:|---:|---|---|---|",
    ...atVolume.map((v, i) => {
      const b = baseline[i]!;
      const scans = v.scans?.length ? v.scans.join(", ") : "aucune";
      return `| ${v.page} | ${v.fn} | ${b.p50} | ${v.p50} | ${v.p95} | ${round(v.p95 / Math.max(b.p95, 0.1))}× | ${b.queries} → ${v.queries} | ${b.kb} → ${v.kb} | ${scans} |`;
    }),
    "",
  ];
  const outDir = path.join(ROOT, "bench-results");
  mkdirSync(outDir, { recursive: true });
  writeFileSync(path.join(outDir, "volume-latest.md"), lines.join("\n"));
  writeFileSync(
    path.join(outDir, "volume-latest.json"),
    JSON.stringify({ fillSeconds, counts, load, runs: RUNS, baseline, atVolume }, null, 2),
  );
  console.log(`\n${lines.join("\n")}`);
} finally {
  // BENCH_VOLUME_KEEP=1 keeps the filled database, to read query plans in it (psql, EXPLAIN).
  if (process.env.BENCH_VOLUME_KEEP === "1") console.log(`[volume] base gardée : ${name}`);
  else await admin.unsafe(`drop database if exists ${name} with (force)`).catch(() => {});
  await admin.end({ timeout: 5 });
}
