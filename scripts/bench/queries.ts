/*
 * SQL statements per page render, counted on the database the benchmark's app will use.
 * Run by scripts/bench.ts as a child, BEFORE the app starts (with PGlite the app holds the
 * folder's lock), with `tsx --conditions=react-server` so that `server-only` resolves to its
 * empty server build:
 *
 *   tsx --conditions=react-server scripts/bench/queries.ts <out.json> <theme-slug> <fiche-slug>
 */
import { writeFileSync } from "node:fs";
import { openDatabase, prepareDatabase } from "@/db/client";
import { countQueries } from "@/db/query-count";
import { loadActionPage } from "@/server/plan/load-action-page";
import { loadCouncils } from "@/server/plan/load-councils";
import { loadDemarchePage } from "@/server/plan/load-demarche-page";
import { loadPlanOverview } from "@/server/plan/load-plan-overview";
import { loadThemePage } from "@/server/plan/load-theme-page";

const [outFile, themeSlug, ficheSlug] = process.argv.slice(2);
if (!outFile || !themeSlug || !ficheSlug) {
  console.error("usage : queries.ts <out.json> <theme-slug> <fiche-slug>");
  process.exit(2);
}

const REPEAT = 20;

const database = await openDatabase();
try {
  const openStart = performance.now();
  await prepareDatabase(database);
  const prepareMs = performance.now() - openStart;
  const db = database.db;

  const loaders: { page: string; path: string; loader: string; run: () => Promise<unknown> }[] = [
    { page: "accueil", path: "/", loader: "loadPlanOverview", run: () => loadPlanOverview(db) },
    { page: "thématique", path: `/thematiques/${themeSlug}`, loader: "loadThemePage", run: () => loadThemePage(themeSlug, db) },
    { page: "fiche", path: `/fiches/${ficheSlug}`, loader: "loadActionPage", run: () => loadActionPage(ficheSlug, db) },
    { page: "démarche", path: "/demarche", loader: "loadDemarchePage", run: () => loadDemarchePage(db) },
    { page: "conseils", path: "/conseils", loader: "loadCouncils", run: () => loadCouncils(db) },
  ];

  const results = [];
  for (const l of loaders) {
    const first = await countQueries(l.run);
    const times: number[] = [];
    let stable = true;
    for (let i = 0; i < REPEAT; i++) {
      const t0 = performance.now();
      const again = await countQueries(l.run);
      times.push(performance.now() - t0);
      if (again.queries !== first.queries) stable = false;
    }
    times.sort((a, b) => a - b);
    results.push({
      page: l.page,
      path: l.path,
      loader: l.loader,
      found: first.result !== null,
      queries: first.queries,
      stableOverRepeats: stable,
      medianMs: Number(times[Math.floor(times.length / 2)]!.toFixed(2)),
    });
  }
  writeFileSync(
    outFile,
    JSON.stringify({ databaseKind: database.kind, prepareMs: Math.round(prepareMs), repeat: REPEAT, loaders: results }, null, 2),
  );
} finally {
  await database.close();
}
