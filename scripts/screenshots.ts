/*
 * `npm run screenshots` — the README's screenshots, made again from the app as it is, so that they
 * stay current: home, a theme, a fiche, a council's space, the moderation queue and a slide, each
 * at 375 and 1280 px wide, cropped to the screen's height (docs/screenshots/<page>-<width>.png).
 *
 *   1. production build, as the browser tests make it (.next-e2e; `--sans-build` reuses the one
 *      there, e.g. right after `npx playwright test`);
 *   2. `npm start` on a new embedded database in a temporary folder, seeded with the demo data
 *      (e2e/support/app-process.ts), on a free port;
 *   3. Chromium (lib/chromium.ts) opens each address — only addresses: the pages' layout may
 *      change, the script does not depend on it — signed in as a demo account where the page needs
 *      one (e2e/support/auth.ts), and saves a PNG of the viewport.
 *
 * Do not run it while browser tests run in the same worktree: both use .next-e2e.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { chromium, type Browser, type Page } from "@playwright/test";
import { startApp } from "../e2e/support/app-process";
import { DEMO_PASSWORD, demo, signInAs } from "../e2e/support/auth";
import { chromiumArgs, systemChromiumPath } from "../lib/chromium";
import { buildPgliteDir, e2eDistDir } from "../playwright.config";

const ROOT = path.resolve(import.meta.dirname, "..");
const OUT = path.join(ROOT, "docs/screenshots");
const WIDTHS = [375, 1280] as const;
const HEIGHT: Record<(typeof WIDTHS)[number], number> = { 375: 812, 1280: 800 };
const MEETING = "reunion-de-restitution-demonstration";

interface Shot {
  name: string;
  path: string | ((page: Page) => Promise<string>);
  /** The demo account the page needs. */
  as?: string;
}

const shots: Shot[] = [
  { name: "accueil", path: "/" },
  { name: "thematique", path: "/thematiques/animation-territoriale" },
  { name: "fiche", path: "/fiches/maison-des-associations" },
  { name: "espace-conseil", path: "/espace/conseils/conseil-de-quartier-1", as: demo.referent1 },
  { name: "moderation", path: "/moderation", as: demo.moderator },
  {
    name: "diapositive",
    as: demo.moderator,
    // The demo meeting's first theme slide (its number depends on how « Ce qui a changé » pages).
    path: async (page) => {
      await page.goto(`/presentation/${MEETING}`);
      const n = await page.evaluate(
        () => Array.from(document.querySelectorAll(".slide-page")).findIndex((el) => /^Thématique/i.test(el.textContent ?? "")) + 1,
      );
      return `/presentation/${MEETING}?diapo=${Math.max(1, n)}`;
    },
  },
];

function build() {
  console.log(`next build (${e2eDistDir})…`);
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PGLITE_DIR: buildPgliteDir,
    NEXT_DIST_DIR: e2eDistDir,
    E2E_SKIP_TYPECHECK: "1",
    NEXT_TELEMETRY_DISABLED: "1",
  };
  // Built with no database nor secret, as the browser tests' build (playwright.config.ts).
  for (const name of ["DATABASE_URL", "NEXTAUTH_SECRET", "NEXTAUTH_URL"]) delete env[name];
  const result = spawnSync("npm", ["run", "build"], { cwd: ROOT, env, stdio: "inherit" });
  rmSync(path.join(ROOT, buildPgliteDir), { recursive: true, force: true });
  if (result.status !== 0) throw new Error(`next build a échoué (code ${result.status})`);
}

async function shoot(browser: Browser, base: string, shot: Shot) {
  const context = await browser.newContext({ baseURL: base, locale: "fr-FR", timezoneId: "Europe/Paris", deviceScaleFactor: 1 });
  if (shot.as) await signInAs(context, shot.as, DEMO_PASSWORD, base);
  const page = await context.newPage();
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: HEIGHT[width] });
    const address = typeof shot.path === "string" ? shot.path : await shot.path(page);
    const response = await page.goto(address, { waitUntil: "load" });
    if (!response?.ok()) throw new Error(`${address} : HTTP ${response?.status()}`);
    await page.evaluate(() => document.fonts.ready);
    const file = path.join(OUT, `${shot.name}-${width}.png`);
    await page.screenshot({ path: file, fullPage: false, animations: "disabled", caret: "hide" });
    console.log(`${path.relative(ROOT, file)}  (${address})`);
  }
  await context.close();
}

async function main() {
  const reuse = process.argv.includes("--sans-build");
  if (!reuse || !existsSync(path.join(ROOT, e2eDistDir, "BUILD_ID"))) build();
  mkdirSync(OUT, { recursive: true });
  const dir = mkdtempSync(path.join(os.tmpdir(), "psc-captures-"));
  const database = { env: { PGLITE_DIR: path.join(dir, "db") }, drop: async () => rmSync(dir, { recursive: true, force: true }) };
  console.log("démarrage du serveur sur les données de démonstration…");
  const app = await startApp(database, { LOG_LEVEL: "warn" });
  const browser = await chromium.launch({ executablePath: systemChromiumPath() ?? undefined, args: chromiumArgs });
  try {
    for (const shot of shots) await shoot(browser, app.base, shot);
  } finally {
    await browser.close();
    await app.stop();
    await database.drop();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
