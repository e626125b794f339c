import { expect, test } from "@playwright/test";
import { createDatabase, dropTemplateDatabase, startApp, type AppProcess, type TestDatabase } from "../support/app-process";
import { DEMO_PASSWORD, demo, signInAs } from "../support/auth";
import { checkInert, payloads } from "../support/xss";
import { expectAccessibleAt as a11y } from "./helpers";

/*
 * Issue 11, point 3 (decision 0027): an admin prepares the next plan (the current plan's themes
 * copied), adds a fiche to it, previews it and publishes it; the home page shows the new plan, and
 * /plans/2015-2020 the old one, « Plan terminé », with its fiches and their reports. The draft form
 * is sent without JavaScript, and so is the edit of its presentation (a step of its démarche added); the
 * publication is refused without it (box not ticked) then sent with it.
 *
 * Publishing changes the home page of the whole site: this spec runs on a production server and a
 * database of its own (as e2e/operations does), never on the one the other specs share.
 */

test.describe.configure({ timeout: 420_000 });

let app: AppProcess | null = null;
let database: TestDatabase | null = null;
test.afterAll(async () => {
  await app?.stop();
  await database?.drop();
  await dropTemplateDatabase();
});

test("un·e admin prépare le prochain plan, y ajoute une fiche et le publie : l'ancien reste lisible, « Plan terminé »", async ({
  browser,
}) => {
  database = await createDatabase("prochain_plan");
  app = await startApp(database);
  const base = app.base;
  const noScript = await browser.newContext({ baseURL: base, javaScriptEnabled: false });
  await signInAs(noScript, demo.admin, DEMO_PASSWORD, base);
  const withScript = await browser.newContext({ baseURL: base });
  await signInAs(withScript, demo.admin, DEMO_PASSWORD, base);
  const visitor = await (await browser.newContext({ baseURL: base, javaScriptEnabled: false })).newPage();
  // axe runs in the page: it needs the browser's JavaScript (the public pages themselves come without scripts).
  const checker = await (await browser.newContext({ baseURL: base })).newPage();
  const fiche = `Maison des familles ${Date.now().toString(36)}`;

  // The form that opens the next plan passes axe (checked with JavaScript: axe runs in the page).
  const page = await withScript.newPage();
  await a11y(page, "/admin/plan/prochain");

  // Without JavaScript: from /admin/plan to the form, sent; the draft's page follows.
  const nojs = await noScript.newPage();
  await nojs.goto("/admin/plan");
  await nojs.getByRole("link", { name: "Préparer le prochain plan" }).click();
  await nojs.waitForURL(/\/admin\/plan\/prochain$/);
  const openForm = nojs.getByRole("form", { name: "Préparer le prochain plan" });
  await openForm.getByLabel("Titre du plan").fill("Projet social communal 2021-2026");
  await openForm.getByLabel("Année de début").fill("2021");
  await openForm.getByLabel("Année de fin").fill("2026");
  await openForm.getByLabel("Introduction").fill("Le deuxième projet social communal, écrit avec les conseils de quartier.");
  await expect(openForm.getByLabel("Copier les thématiques du plan en cours", { exact: false })).toBeChecked();
  await openForm.getByRole("button", { name: "Ouvrir le prochain plan en brouillon" }).click();
  await nojs.waitForURL(/\/admin\/plan\/prochain\?ouvert=1$/);
  await expect(nojs.getByRole("heading", { level: 1 })).toHaveText("Projet social communal 2021-2026");
  await expect(nojs.getByText("Le prochain plan est ouvert en brouillon.")).toBeVisible();
  await expect(nojs.getByRole("heading", { name: /^1\. / })).toBeVisible();

  // Not public: the home page keeps its plan, the draft's address does not exist.
  await visitor.goto("/");
  await expect(visitor.getByRole("heading", { level: 1 })).toHaveText("Projet social communal");
  expect((await visitor.goto("/plans/2021-2026"))!.status()).toBe(404);

  // With JavaScript: a fiche added to the draft's first theme.
  await a11y(page, "/admin/plan/prochain");
  await page.getByRole("link", { name: "Ajouter une fiche action" }).first().click();
  await page.waitForURL(/\/admin\/plan\/fiches\/nouvelle\?plan=prochain$/);
  await page.waitForLoadState("networkidle");
  const ficheForm = page.getByRole("form", { name: "Ajouter une fiche action" });
  await ficheForm.getByLabel("Titre").fill(fiche);
  await ficheForm
    .getByRole("group", { name: /Thématiques/ })
    .getByRole("checkbox")
    .first()
    .check();
  await ficheForm.getByRole("button", { name: "Ajouter la fiche" }).click();
  await page.waitForURL(/\/admin\/plan\/fiches\/\d+\?ajoutee=1$/);
  await expect(page.getByText("La fiche est ajoutée au prochain plan")).toBeVisible();
  await a11y(page, "/admin/plan/prochain/apercu");
  await expect(page.getByText("Aperçu : plan en préparation")).toBeVisible();
  await expect(page.getByRole("link", { name: fiche })).toBeVisible();

  // The draft's presentation, edited after opening it (without JavaScript): a step of its démarche
  // added, and the 50 XSS payloads in its démarche and as 29 more steps (inert on the public pages below).
  await nojs.goto("/admin/plan/prochain");
  await nojs.getByRole("link", { name: "Modifier la présentation du plan" }).click();
  await nojs.waitForURL(/\/admin\/plan\/presentation\?plan=prochain$/);
  const detailsForm = nojs.getByRole("form", { name: "Modifier la présentation du plan" });
  await expect(detailsForm.getByLabel("Titre du plan")).toHaveValue("Projet social communal 2021-2026");
  await detailsForm
    .getByLabel("Les étapes de la démarche", { exact: false })
    .fill(["2021-03 : Concertation avec les conseils de quartier", ...payloads.slice(0, 29).map((p) => `2021-04 : ${p}`)].join("\n"));
  await detailsForm.getByLabel("La démarche (facultative)").fill(payloads.join("\n\n"));
  await detailsForm.getByRole("button", { name: "Enregistrer les modifications" }).click();
  await nojs.waitForURL(/\/admin\/plan\/prochain\?presentation=1$/);
  await expect(nojs.getByText("La présentation du plan est modifiée.")).toBeVisible();
  await a11y(page, "/admin/plan/presentation?plan=prochain");

  // Publication: refused without the ticked box (no JavaScript: the server says it), then sent.
  await nojs.goto("/admin/plan/prochain");
  let publishForm = nojs.getByRole("form", { name: "Publier le prochain plan" });
  await publishForm.getByRole("button", { name: "Publier le prochain plan" }).click();
  publishForm = nojs.getByRole("form", { name: "Publier le prochain plan" });
  await expect(publishForm.getByRole("alert")).toBeVisible();
  await expect(publishForm.getByText("Cochez la case pour confirmer")).toBeVisible();
  await visitor.goto("/");
  await expect(visitor.getByRole("heading", { level: 1 })).toHaveText("Projet social communal");

  await page.goto("/admin/plan/prochain");
  await page.waitForLoadState("networkidle");
  publishForm = page.getByRole("form", { name: "Publier le prochain plan" });
  await publishForm.getByLabel("J'ai compris").check();
  await publishForm.getByRole("button", { name: "Publier le prochain plan" }).click();
  await page.waitForURL(/\/admin\/plan\?publie=1$/);
  await expect(page.getByText("Le nouveau plan est publié")).toBeVisible();

  // The home page shows the new plan and its fiche.
  await visitor.goto("/");
  await expect(visitor.getByRole("heading", { level: 1 })).toHaveText("Projet social communal 2021-2026");
  await visitor.goto("/plan");
  await expect(visitor.getByRole("link", { name: fiche })).toBeVisible();
  await visitor.goto("/demarche");
  await expect(visitor.getByText("Concertation avec les conseils de quartier")).toBeVisible();
  for (const path of ["/demarche", "/plans/2021-2026"]) {
    await checker.goto(path);
    await expect(checker.getByText(payloads[0]!).first()).toBeVisible();
    await checkInert(checker);
  }
  // « Plans précédents » in the footer: the list, then the old plan, « Plan terminé », and one of its fiches with its reports.
  await visitor.getByRole("contentinfo").getByRole("link", { name: "Plans précédents" }).click();
  await visitor.waitForURL(/\/plans$/);
  await visitor.getByRole("link", { name: "Projet social communal (2015–2020)" }).click();
  await visitor.waitForURL(/\/plans\/2015-2020$/);
  await expect(visitor.getByText("Plan terminé", { exact: true })).toBeVisible();
  await visitor.getByRole("link", { name: "Assurer le pilotage du projet social" }).first().click();
  await visitor.waitForURL(/\/fiches\/pilotage-projet-social$/);
  await expect(visitor.getByText("Plan terminé", { exact: true })).toBeVisible();
  await expect(
    visitor.getByRole("region", { name: "Points d'étape" }).getByRole("article", { name: "Premier point d'étape" }),
  ).toBeVisible();
  await expect(visitor.getByText("ne reçoit plus d'avis ni de propositions")).toBeVisible();
  await expect(visitor.getByRole("link", { name: "Donner l'avis de votre conseil" })).toHaveCount(0);

  // A meeting of the earlier plan says which plan it was about, and leads to it.
  await visitor.goto("/reunions/reunion-de-restitution-demonstration");
  await expect(visitor.getByText("Cette réunion portait sur le plan")).toBeVisible();
  await expect(visitor.getByRole("link", { name: "« Projet social communal » (2015–2020)" })).toHaveAttribute("href", "/plans/2015-2020");

  // Every new public page passes axe at 320 and 1280 px.
  for (const path of ["/plans", "/plans/2015-2020", "/plans/2021-2026", "/fiches/pilotage-projet-social"]) await a11y(checker, path);
});
