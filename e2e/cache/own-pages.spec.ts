import { expect, test, type Browser } from "@playwright/test";
import { createDatabase, dropTemplateDatabase, startApp, type AppProcess, type TestDatabase } from "../support/app-process";
import { DEMO_PASSWORD, demo, signInAs } from "../support/auth";

/*
 * Two servers of the same build, each on its database and without Redis (as the browser tests run
 * them beside their own server): each serves the pages it rendered itself, never a page the other
 * left. Next's cache wrote every render to the build's folder and read it back when the page was not
 * in memory, so a server showed the other's page — older than its own last change — for up to an
 * hour. A visitor saw the previous plan on « Le plan » right after a publication (CI, stop 24).
 * ops/cache-handler.mjs keeps pages in memory only.
 */

test.describe.configure({ timeout: 300_000 });

const apps: AppProcess[] = [];
const databases: TestDatabase[] = [];
test.afterAll(async () => {
  for (const app of apps) await app.stop();
  for (const database of databases) await database.drop();
  await dropTemplateDatabase();
});

async function serverOfItsOwn(label: string): Promise<AppProcess> {
  const database = await createDatabase(label);
  databases.push(database);
  const app = await startApp(database);
  apps.push(app);
  return app;
}

/** An admin adds a fiche to the plan's first theme on `app` (every public page of that server is refreshed). */
async function addFiche(browser: Browser, app: AppProcess, title: string) {
  const context = await browser.newContext({ baseURL: app.base });
  await signInAs(context, demo.admin, DEMO_PASSWORD, app.base);
  const page = await context.newPage();
  await page.goto("/admin/plan/fiches/nouvelle");
  await page.waitForLoadState("networkidle");
  const form = page.getByRole("form", { name: "Ajouter une fiche action" });
  await form.getByLabel("Titre").fill(title);
  await form
    .getByRole("group", { name: /Thématiques/ })
    .getByRole("checkbox")
    .first()
    .check();
  await form.getByRole("button", { name: "Ajouter la fiche" }).click();
  await page.waitForURL(/\/admin\/plan\/fiches\/\d+\?ajoutee=1$/);
  await context.close();
}

test("two servers of one build, each on its own database: each serves « Le plan » as its own database has it", async ({ browser }) => {
  const [first, second] = await Promise.all([serverOfItsOwn("pages_a"), serverOfItsOwn("pages_b")]);
  const unique = Date.now().toString(36);
  const firstFiche = `Fiche du premier serveur ${unique}`;
  const secondFiche = `Fiche du second serveur ${unique}`;

  // A change on the first server, then one on the second, whose « Le plan » is rendered after both.
  await addFiche(browser, first!, firstFiche);
  await addFiche(browser, second!, secondFiche);
  const visitor = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
  await visitor.goto(`${second!.base}/plan`);
  await expect(visitor.getByRole("link", { name: secondFiche })).toBeVisible();
  await expect(visitor.getByRole("link", { name: firstFiche })).toHaveCount(0);

  // The first server's « Le plan », first asked now: its own fiche, not the second server's page.
  await visitor.goto(`${first!.base}/plan`);
  await expect(visitor.getByRole("link", { name: firstFiche })).toBeVisible();
  await expect(visitor.getByRole("link", { name: secondFiche })).toHaveCount(0);
});
