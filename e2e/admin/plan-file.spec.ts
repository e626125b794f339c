import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { expectAccessibleAtEachWidth } from "../support/accessibility";
import { createEmptyDatabase, startApp, type AppProcess, type TestDatabase } from "../support/app-process";
import { DEMO_PASSWORD, demo, signInAs, signedInContext } from "../support/auth";

/*
 * Issue 11, point 6, « Another city starts from nothing »: the whole plan as one file. On the
 * browser tests' server (Aurillac's seeded plan), an admin downloads it; nobody else can. Then a
 * second production server, on a database of its own started empty (SEED_PLAN=0), plays another
 * City: its admin names it « Ville de Démoville », imports its plan file (e2e/fixtures/plan-demoville.json)
 * — first a wrong one, refused with every problem listed and nothing imported — with JavaScript
 * off, and every public page, feed, calendar, open data file and the sitemap's pages are read:
 * « Aurillac » is nowhere in their bytes.
 *
 * That server caches its pages in Redis under a prefix of its own (REDIS_URL): without it, Next's
 * cache would write them into the build's folder, which the browser tests' server reads too.
 */
const fixture = path.resolve(import.meta.dirname, "../fixtures/plan-demoville.json");
const redisUrl = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";
/** Ports E2E_PORT+5 on: this spec's server (its port is E2E_PORT+5). */
const demovillePort = Number(process.env.E2E_PORT ?? 3107) + 5;

test.describe("on the seeded install", () => {
  test("an admin downloads the plan as one JSON file from /admin/plan; anyone else gets a 404", async ({ browser }) => {
    const context = await signedInContext(browser, demo.admin);
    const page = await context.newPage();
    await page.goto("/admin/plan");
    const downloading = page.waitForEvent("download");
    await page.getByRole("link", { name: "Exporter le plan (fichier JSON)" }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(/^plan-2015-2020-\d{4}-\d{2}-\d{2}\.json$/);
    const file = JSON.parse(readFileSync((await download.path())!, "utf8"));
    expect(file).toMatchObject({ format: "projet-social-communal", version: 1, plan: { identifiant: "2015-2020" } });
    expect(file.thematiques.length).toBeGreaterThanOrEqual(5);
    expect(JSON.stringify(file)).not.toContain("@demo.");

    // The import page says that this install's plan makes an import pointless; axe at both widths.
    await page.goto("/admin/plan/importer");
    await expect(page.getByText(/Cette installation a déjà un plan/)).toBeVisible();
    await expectAccessibleAtEachWidth(page);
    await context.close();

    const moderator = await signedInContext(browser, demo.moderator);
    expect((await moderator.request.get("/admin/plan/exporter")).status()).toBe(404);
    await moderator.close();
    const anonymous = await browser.newContext();
    const response = await anonymous.request.get("/admin/plan/exporter", { maxRedirects: 0 });
    expect(response.status()).toBe(303);
    expect(response.headers().location).toMatch(/\/connexion\?callbackUrl=%2Fadmin%2Fplan$/);
    await anonymous.close();
  });
});

test.describe("another City starts from nothing", () => {
  test.describe.configure({ timeout: 420_000 });
  let database: TestDatabase | null = null;
  let app: AppProcess | null = null;
  test.afterAll(async () => {
    await app?.stop();
    await database?.drop();
  });

  test("an empty install named « Ville de Démoville » imports its plan file; no public page says « Aurillac »", async ({ browser }) => {
    database = await createEmptyDatabase("demoville");
    app = await startApp(
      database,
      { SEED_PLAN: "0", REDIS_URL: redisUrl, REDIS_PREFIX: `psc-demoville-${Date.now().toString(36)}` },
      demovillePort,
    );
    const base = app.base;

    // Before anything: no plan on the public site, the admin is told to import one.
    const anonymous = await browser.newContext({ baseURL: base });
    expect(await (await anonymous.request.get("/")).text()).toContain("pas encore publié");

    const admin = await browser.newContext({ baseURL: base, javaScriptEnabled: false });
    await signInAs(admin, demo.admin, DEMO_PASSWORD, base);
    const page = await admin.newPage();

    // The City's name, in « Paramètres ».
    await page.goto("/admin/parametres");
    const identity = page.getByRole("form", { name: "Identité de la Ville" });
    await identity.getByLabel("Nom de la Ville").fill("Ville de Démoville");
    await identity.getByRole("button", { name: "Enregistrer l'identité" }).click();
    await expect(page.getByRole("main").getByRole("status").filter({ hasText: /\S/ }).first()).toBeVisible();

    await page.goto("/admin/plan");
    await expect(page.getByText("Cette installation n'a pas encore de plan")).toBeVisible();
    await page.getByRole("link", { name: "importer le plan de la Ville" }).click();
    await expect(page).toHaveURL(/\/admin\/plan\/importer$/);

    // A wrong file: every problem with its place, nothing imported (without JavaScript: the page the POST returns).
    const wrong = JSON.parse(readFileSync(fixture, "utf8"));
    delete wrong.fiches[0].titre;
    wrong.fiches[1].statut = "en_retard";
    const form = page.getByRole("form", { name: "Importer un plan" });
    await form
      .getByLabel("Fichier du plan (.json)")
      .setInputFiles({ name: "plan-faux.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(wrong)) });
    await form.getByRole("button", { name: "Importer le plan" }).click();
    await expect(
      page.getByRole("alert").filter({ hasText: "Ce fichier ne correspond pas au format d'un plan : rien n'a été importé." }),
    ).toBeVisible();
    await expect(page.getByText("fiches[0].titre : ce champ est obligatoire")).toBeVisible();
    await expect(page.getByText(/^fiches\[1\]\.statut : doit valoir « a_venir »/)).toBeVisible();
    expect(await (await anonymous.request.get("/plan")).text()).not.toContain("Familles et enfance");

    // The same page with its list of problems, with JavaScript this time: axe at both widths.
    const adminJs = await browser.newContext({ baseURL: base });
    await signInAs(adminJs, demo.admin, DEMO_PASSWORD, base);
    const jsPage = await adminJs.newPage();
    await jsPage.goto("/admin/plan/importer");
    await jsPage.waitForLoadState("networkidle");
    const jsForm = jsPage.getByRole("form", { name: "Importer un plan" });
    await jsForm
      .getByLabel("Fichier du plan (.json)")
      .setInputFiles({ name: "plan-faux.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(wrong)) });
    await jsForm.getByRole("button", { name: "Importer le plan" }).click();
    await expect(jsPage.getByText("fiches[0].titre : ce champ est obligatoire")).toBeVisible();
    await expectAccessibleAtEachWidth(jsPage);
    await adminJs.close();

    // The right file, still without JavaScript.
    await form.getByLabel("Fichier du plan (.json)").setInputFiles(fixture);
    await form.getByRole("button", { name: "Importer le plan" }).click();
    await expect(page).toHaveURL(/\/admin\/plan\?importe=1$/);
    await expect(page.getByText("Le plan est importé : il paraît déjà sur le site public.")).toBeVisible();
    await expect(page.getByRole("heading", { name: "1. Familles et enfance" })).toBeVisible();
    await admin.close();

    // Every public page, feed, calendar and open data file, and every page the sitemap lists.
    const request = anonymous.request;
    const home = await request.get("/");
    expect(await home.text()).toContain("Ville de Démoville");
    expect(await home.text()).toContain("Projet social de Démoville");
    const sitemap = await (await request.get("/sitemap.xml")).text();
    const listed = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]!).pathname + new URL(m[1]!).search);
    expect(listed).toEqual(expect.arrayContaining(["/fiches/creche-des-tilleuls", "/thematiques/familles-et-enfance"]));
    const paths = new Set([
      "/",
      "/plan",
      "/plan/filtre?thematique=familles-et-enfance",
      "/thematiques/familles-et-enfance",
      "/thematiques/bien-vieillir",
      "/fiches/creche-des-tilleuls",
      "/fiches/cafe-des-parents",
      "/fiches/creche-des-tilleuls/gros-caracteres",
      "/demarche",
      "/mentions-legales",
      "/accessibilite",
      "/donnees-personnelles",
      "/conseils",
      "/conseils/conseil-des-tilleuls",
      "/reunions",
      "/recherche?q=creche",
      "/moderation/registre",
      "/connexion",
      "/flux.atom",
      "/thematiques/familles-et-enfance/flux.atom",
      "/fiches/creche-des-tilleuls/flux.atom",
      "/conseils/conseil-des-tilleuls/flux.atom",
      "/reunions.ics",
      "/echeances.ics",
      "/sitemap.xml",
      "/robots.txt",
      "/donnees",
      ...["thematiques", "fiches", "points-etape", "changements-echeance", "contributions", "reponses", "soutiens", "reunions"].flatMap(
        (name) => [`/donnees/${name}.csv`, `/donnees/${name}.json`, `/donnees/schemas/${name}.json`],
      ),
      ...listed,
    ]);
    const mentions: string[] = [];
    for (const p of paths) {
      const body = await bytesOf(request, p);
      if (/aurillac/i.test(body))
        mentions.push(`${p} : …${body.slice(Math.max(0, body.search(/aurillac/i) - 80), body.search(/aurillac/i) + 40)}…`);
    }
    expect(mentions, "« Aurillac » sur une page publique").toEqual([]);
    // The plan's own texts are there: the démarche, a fiche's deadline change, an open data row.
    expect(await bytesOf(request, "/demarche")).toContain("Trois forums de quartier");
    expect(await bytesOf(request, "/fiches/creche-des-tilleuls")).toContain("Les fouilles archéologiques préalables");
    expect(await bytesOf(request, "/donnees/fiches.csv")).toContain("creche-des-tilleuls");
    await anonymous.close();
  });
});

/** A public address's bytes (200, or the ordinary 404 page for a 404), as text. */
async function bytesOf(request: APIRequestContext, address: string): Promise<string> {
  const response = await request.get(address);
  expect(response.status(), address).toBe(200);
  return (await response.body()).toString("utf8");
}
