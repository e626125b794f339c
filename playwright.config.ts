import { availableParallelism } from "node:os";
import { defineConfig, devices } from "@playwright/test";
import { chromiumArgs, systemChromiumPath } from "./lib/chromium";
import { nonLocalDatabaseMessage } from "./tests/support/local-database-url";

/*
 * Browser tests run against a production build (`next build`, with no database nor secret, then
 * `npm start`, as production runs it) on its own database:
 * `npm test` (scripts/test.ts) passes DATABASE_URL (a fresh PostgreSQL database) or PGLITE_DIR
 * (a fresh temporary folder). Run alone (`npm run test:e2e`), it uses .data/pglite-e2e.
 */
// Only ever against a database on this machine (see tests/support/local-database-url.ts).
const refusal = nonLocalDatabaseMessage(process.env.DATABASE_URL);
if (refusal) {
  console.error(refusal);
  process.exit(1);
}
const port = Number(process.env.E2E_PORT ?? 3107);
export const baseURL = `http://127.0.0.1:${port}`;
/** The test SMTP server the app mails to (e2e/support/smtp-sink.ts); e2e/operations gives it to the servers it starts. */
export const sinkSmtpPort = Number(process.env.SINK_SMTP_PORT ?? port + 1);
const sinkHttpPort = Number(process.env.SINK_HTTP_PORT ?? port + 2);
export const sinkHttpUrl = `http://127.0.0.1:${sinkHttpPort}`;
export const testHooksToken = process.env.TEST_HOOKS_TOKEN ?? "e2e-test-hooks-token-0123456789abcdef";
/** The build the browser tests run; e2e/operations starts more servers from it, on databases of their own. */
export const e2eDistDir = process.env.E2E_DIST_DIR ?? ".next-e2e";
export const e2eAuthSecret = "e2e-secret-e2e-secret-e2e-secret-e2e-secret";
/**
 * The build runs with no database and no secret (issue 16: build once, deploy anywhere): no
 * DATABASE_URL, no NEXTAUTH_SECRET/URL, no SMTP_URL, and PGLITE_DIR naming a folder that must
 * still not exist afterwards (e2e/operations checks it). The server then starts on the run's database.
 */
export const buildPgliteDir = `${e2eDistDir}-sans-base`;
const executablePath = systemChromiumPath() ?? undefined;

export default defineConfig({
  testDir: "e2e",
  fullyParallel: true,
  // Half the cores as Playwright does, but at least 2 (its default gives 1 on 2 cores; CI had 2).
  // Measured on 2 cores with the app server on the same machine: 3 workers were slower (21.0 min
  // against 18.6, under load) and two more tests timed out. E2E_WORKERS overrides.
  workers: Number(process.env.E2E_WORKERS) || Math.max(2, Math.floor(availableParallelism() / 2)),
  retries: 0,
  reporter: "list",
  // Some accessibility tests check several states of a page (axe runs take seconds each on 2 cores).
  timeout: 60_000,
  use: {
    baseURL,
    locale: "fr-FR",
    timezoneId: "Europe/Paris",
    // A trace of every test, kept when it fails, cost a quarter more CPU (measured: 104–106 s against
    // 82 s for the same 44 tests; each axe scan records axe's 400 kB source): E2E_TRACE=1 to debug.
    trace: process.env.E2E_TRACE === "1" ? "retain-on-failure" : "off",
  },
  projects: [
    {
      // The home page and the demo meeting's deck as the plan is seeded (five themes, the home
      // page's height on a phone, its tiles' counts, every slide fitting its stage): measured before
      // the other specs add themes, fiches and payload-laden items through the administration.
      name: "accueil",
      use: { ...devices["Desktop Chrome"], launchOptions: { executablePath, args: chromiumArgs } },
      testMatch: ["public/home.spec.ts", "meetings/demo-deck.spec.ts"],
    },
    {
      name: "chromium",
      use: { ...devices["Desktop Chrome"], launchOptions: { executablePath, args: chromiumArgs } },
      testIgnore: ["security/fuzz*.spec.ts", "public/home.spec.ts", "meetings/demo-deck.spec.ts"],
      dependencies: ["accueil"],
      teardown: "fuzz",
    },
    {
      // The fuzz test proves that nothing is written while it runs: it runs alone, after the others
      // (the teardown of « chromium »), and alone when its file is named on the command line.
      name: "fuzz",
      use: { ...devices["Desktop Chrome"], launchOptions: { executablePath, args: chromiumArgs } },
      testMatch: "security/fuzz*.spec.ts",
    },
  ],
  webServer: [
    {
      // A real SMTP server that receives the app's mail; tests read it over HTTP (e2e/support/mail.ts).
      command: "npx tsx e2e/support/smtp-sink.ts",
      url: `${sinkHttpUrl}/`,
      timeout: 30_000,
      reuseExistingServer: false,
      env: { SINK_SMTP_PORT: String(sinkSmtpPort), SINK_HTTP_PORT: String(sinkHttpPort) },
    },
    {
      // scripts/e2e-build.mjs runs `next build`, or puts back the last build when nothing it reads changed.
      // SMTP_URL is a run-time setting like the others: with it, the build's key held the sink's
      // port (E2E_PORT + 1), and a run on another port built again.
      command: `env -u DATABASE_URL -u NEXTAUTH_SECRET -u NEXTAUTH_URL -u SMTP_URL PGLITE_DIR=${buildPgliteDir} node scripts/e2e-build.mjs && npm run start -- -p ${port} -H 127.0.0.1`,
      url: `${baseURL}/`,
      // The build alone took more than 5 min on a 2-core machine shared with other builds.
      timeout: 600_000,
      reuseExistingServer: false,
      stdout: "pipe",
      stderr: "pipe",
      env: {
        ...(process.env as Record<string, string>),
        PGLITE_DIR: process.env.PGLITE_DIR ?? ".data/pglite-e2e",
        SEED_DEMO_DATA: "1",
        TEST_HOOKS_TOKEN: testHooksToken,
        NEXT_TELEMETRY_DISABLED: "1",
        // This build is for the browser tests only: it skips type-checking (next.config.js), which
        // `npm run typecheck` does on its own (CI runs it before the tests). Never set for `npm run build`.
        E2E_SKIP_TYPECHECK: "1",
        NEXT_DIST_DIR: e2eDistDir,
        NEXTAUTH_URL: baseURL,
        NEXTAUTH_SECRET: e2eAuthSecret,
        // One JSON line per request would bury the test report: warnings and errors only.
        LOG_LEVEL: process.env.LOG_LEVEL ?? "warn",
        SMTP_URL: `smtp://127.0.0.1:${sinkSmtpPort}`,
        // The retention job's first run 2 s after start instead of 45 s: its spec (e2e/account/
        // personal-data.spec.ts) and the fuzz's « before » no longer hold a worker waiting for it.
        TEST_RETENTION_FIRST_TICK_MS: "2000",
      },
    },
  ],
});
