/*
 * `npm test`: every test — unit, integration (real database), browser (real Chromium) — on
 * databases of its own that it creates and removes:
 *   - DATABASE_URL set → fresh databases on that PostgreSQL server, dropped at the end;
 *   - DATABASE_URL unset → the embedded database (PGlite) in a temporary folder.
 * It ends with one line « N passed, N failed » and a non-zero exit code if anything failed.
 *
 * Parts: `npm test -- unit integration e2e` (the default: all three), or `e2e-smoke` instead of
 * `e2e`: the browser tests of every public page, feed and calendar, the full participation loop
 * and the production server's operations (e2e/operations/) only — what CI runs on its second
 * database (.ci/run), after the whole suite on the first.
 */
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import postgres from "postgres";
import { systemChromiumPath } from "../lib/chromium";
import { nonLocalDatabaseMessage } from "../tests/support/local-database-url";

const root = path.resolve(import.meta.dirname, "..");
const tmp = mkdtempSync(path.join(tmpdir(), "psc-test-"));
const adminUrl = process.env.DATABASE_URL?.trim() || undefined;
const e2eDbName = `psc_test_e2e_${Date.now().toString(36)}`;
const only = process.argv.slice(2); // e.g. `npm test -- unit integration`
const wants = (part: string) => only.length === 0 || only.includes(part);
const e2ePart = wants("e2e") ? "e2e" : only.includes("e2e-smoke") ? "e2e-smoke" : null;
/**
 * `e2e-smoke`: every public page (e2e/public/), feed and calendar (e2e/feeds/), one full
 * participation loop, and the production server's health check, logs, SIGTERM and Redis cut
 * (e2e/operations/), which depend on the database's kind — its two processes behind nginx run on
 * PostgreSQL only (skipped on the embedded database).
 */
const e2eSmokeFiles = ["e2e/public/", "e2e/feeds/", "e2e/contributions/full-loop.spec.ts", "e2e/operations/"];
let e2eDbCreated = false;

function browserAvailable(): boolean {
  if (systemChromiumPath()) return true;
  try {
    const { chromium } = createRequire(import.meta.url)("playwright-core") as typeof import("playwright-core");
    return existsSync(chromium.executablePath());
  } catch {
    return false;
  }
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: root, env, stdio: "inherit" });
    child.on("exit", (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

async function withAdmin<T>(fn: (sql: postgres.Sql) => Promise<T>): Promise<T> {
  const sql = postgres(adminUrl!, { max: 1, onnotice: () => {} });
  try {
    return await fn(sql);
  } finally {
    await sql.end({ timeout: 5 });
  }
}

function databaseUrl(name: string): string {
  const url = new URL(adminUrl!);
  url.pathname = `/${name}`;
  return url.toString();
}

interface Tally {
  passed: number;
  failed: number;
  skipped: number;
  /** « file › test » of each failure, printed again at the very end: CI keeps only the tail of the log. */
  failures: string[];
}

function readVitestTally(file: string): Tally | null {
  if (!existsSync(file)) return null;
  const report = JSON.parse(readFileSync(file, "utf8")) as {
    numPassedTests: number;
    numFailedTests: number;
    numPendingTests: number;
    numTodoTests: number;
    testResults?: { name: string; status: string; message?: string; assertionResults?: { fullName: string; status: string }[] }[];
  };
  const failures: string[] = [];
  for (const fileResult of report.testResults ?? []) {
    const name = path.relative(root, fileResult.name);
    const failed = (fileResult.assertionResults ?? []).filter((a) => a.status === "failed");
    for (const a of failed) failures.push(`${name} › ${a.fullName}`);
    // A file that fails before any test runs (an import, a beforeAll) has no failed assertion.
    if (fileResult.status === "failed" && failed.length === 0) failures.push(`${name} › ${(fileResult.message ?? "").split("\n")[0]}`);
  }
  return {
    passed: report.numPassedTests,
    failed: report.numFailedTests,
    skipped: report.numPendingTests + report.numTodoTests,
    failures,
  };
}

function readPlaywrightTally(file: string): Tally | null {
  if (!existsSync(file)) return null;
  interface Suite {
    file?: string;
    specs?: { title: string; ok: boolean; file: string; line: number }[];
    suites?: Suite[];
  }
  const report = JSON.parse(readFileSync(file, "utf8")) as {
    stats: { expected: number; unexpected: number; flaky: number; skipped: number };
    suites?: Suite[];
    errors?: { message?: string }[];
  };
  const failures: string[] = [];
  const walk = (suite: Suite) => {
    for (const spec of suite.specs ?? []) if (!spec.ok) failures.push(`${spec.file}:${spec.line} › ${spec.title}`);
    suite.suites?.forEach(walk);
  };
  report.suites?.forEach(walk);
  for (const error of report.errors ?? []) failures.push(`(playwright) ${(error.message ?? "").split("\n")[0]}`);
  return {
    passed: report.stats.expected + report.stats.flaky,
    failed: report.stats.unexpected,
    skipped: report.stats.skipped,
    failures,
  };
}

async function main(): Promise<number> {
  // Checked before anything runs (playwright.config.ts checks again for `npm run test:e2e`).
  const refusal = e2ePart ? nonLocalDatabaseMessage(adminUrl) : null;
  if (refusal) {
    console.error(refusal);
    return 1;
  }
  if (e2ePart && !browserAvailable()) {
    console.error(
      "Aucun Chromium trouvé pour les tests navigateur : installez-le (Debian : apt-get install -y chromium ; ailleurs : npx playwright install chromium) ou donnez son chemin dans CHROMIUM_PATH.",
    );
    return 1;
  }
  const baseEnv: NodeJS.ProcessEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
  delete baseEnv.DATABASE_URL;
  console.log(
    adminUrl
      ? `Base de test : PostgreSQL (${new URL(adminUrl).host}), bases créées puis supprimées.`
      : `Base de test : PGlite embarqué dans ${tmp}.`,
  );

  let exitCode = 0;
  const tallies: Tally[] = [];
  const projects = ["unit", "integration"].filter(wants);
  if (projects.length > 0) {
    const vitestReport = path.join(tmp, "vitest.json");
    const code = await run(
      "npx",
      [
        "vitest",
        "run",
        ...projects.flatMap((p) => ["--project", p]),
        "--reporter=default",
        "--reporter=json",
        `--outputFile.json=${vitestReport}`,
      ],
      { ...baseEnv, ...(adminUrl ? { TEST_PG_ADMIN_URL: adminUrl } : { TEST_PGLITE_ROOT: tmp }) },
    );
    const tally = readVitestTally(vitestReport);
    if (tally) tallies.push(tally);
    if (code !== 0 || !tally) exitCode = 1;
  }

  if (e2ePart) {
    if (adminUrl) {
      await withAdmin((sql) => sql.unsafe(`create database ${e2eDbName}`));
      e2eDbCreated = true;
    }
    const playwrightReport = path.join(tmp, "playwright.json");
    const files = e2ePart === "e2e-smoke" ? e2eSmokeFiles : [];
    const code = await run("npx", ["playwright", "test", ...files, "--reporter=list,json"], {
      ...baseEnv,
      PLAYWRIGHT_JSON_OUTPUT_NAME: playwrightReport,
      ...(adminUrl ? { DATABASE_URL: databaseUrl(e2eDbName) } : { PGLITE_DIR: path.join(tmp, "e2e-db") }),
    });
    const tally = readPlaywrightTally(playwrightReport);
    if (tally) tallies.push(tally);
    if (code !== 0 || !tally) exitCode = 1;
  }

  const total = tallies.reduce(
    (t, x) => ({
      passed: t.passed + x.passed,
      failed: t.failed + x.failed,
      skipped: t.skipped + x.skipped,
      failures: [...t.failures, ...x.failures],
    }),
    { passed: 0, failed: 0, skipped: 0, failures: [] },
  );
  if (total.failures.length > 0) console.log(`\nfailed:\n${total.failures.map((f) => `  ✘ ${f}`).join("\n")}`);
  console.log(`\ntests: ${total.passed} passed, ${total.failed} failed${total.skipped ? `, ${total.skipped} skipped` : ""}`);
  return exitCode;
}

async function cleanUp() {
  if (e2eDbCreated) {
    await withAdmin((sql) => sql.unsafe(`drop database if exists ${e2eDbName} with (force)`)).catch((error) =>
      console.error("Nettoyage de la base de test impossible :", error),
    );
  }
  rmSync(tmp, { recursive: true, force: true });
}

let code = 1;
try {
  code = await main();
} finally {
  await cleanUp();
}
process.exit(code);
