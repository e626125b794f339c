import { expect, test, type Page } from "@playwright/test";
import { demo, signedInContext } from "../support/auth";
import { expectAccessibleAtEachWidth } from "../support/accessibility";

/*
 * Progress of a fiche from the app: an admin names the official in charge, the official posts a
 * point d'étape (a deadline moved without a reason is refused, the text kept), the public fiche
 * and its theme's roll-up change at once, a correction within 24 hours keeps the earlier text.
 * The fiche is one no other browser test changes.
 */
const fiche = { slug: "aller-vers-reseau-benevoles", title: "Favoriser les pratiques professionnelles du « aller vers »" };
const theme = "/thematiques/politique-sociale-plus-fragiles";
const unique = (label: string) => `${label} ${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

test.describe.configure({ mode: "serial" });

async function nameOfficialInCharge(page: Page) {
  await page.goto(`/espace/fiches/${fiche.slug}`);
  const form = page.getByRole("form", { name: "Élu·e·s en charge" });
  await form.getByLabel(/Élise Élue/).check();
  await form.getByRole("button", { name: "Enregistrer" }).click();
  await expect(form.getByRole("status")).toHaveText("Élu·e·s en charge enregistré·e·s.");
}

test("an official in charge posts a report: a moved deadline needs a reason; the fiche and its theme change at once", async ({
  browser,
}) => {
  test.setTimeout(90_000);
  const admin = await signedInContext(browser, demo.admin);
  await nameOfficialInCharge(await admin.newPage());
  await admin.close();

  const visitor = await browser.newContext();
  const publicPage = await visitor.newPage();
  await publicPage.goto(theme);
  const themeProgressBefore = await publicPage.locator("main").innerText();

  const official = await signedInContext(browser, demo.official);
  const page = await official.newPage();
  await page.goto("/espace");
  await page.getByRole("link", { name: /Avancement des fiches/ }).click();
  await expect(page.getByRole("region", { name: "Les fiches dont vous êtes en charge" })).toContainText(fiche.title);
  await page.getByRole("region", { name: "Les fiches dont vous êtes en charge" }).getByRole("link", { name: fiche.title }).click();

  const title = unique("Ouverture des inscriptions");
  const body = "Les associations peuvent réserver une salle depuis le 2 novembre.\n\nDeux salles sont prêtes.";
  const form = page.getByRole("form", { name: "Nouveau point d'étape" });
  await form.getByLabel("Titre").fill(title);
  await form.getByLabel("Ce qui a été fait").fill(body);
  await form.getByLabel("Nouveau statut").selectOption({ label: "En cours" });
  await form.getByLabel("Nouvel avancement (en %)").fill("60");
  await form.getByLabel("Ce point d'étape change aussi l'échéance de la fiche").check();
  await form.getByLabel("Nouvelle échéance (date)").fill("2027-06-30");
  await form.getByRole("button", { name: "Publier le point d'étape" }).click();
  await expect(form.getByText("Indiquez la raison du changement d'échéance : elle sera publiée sur la fiche.")).toBeVisible();
  await expect(form.getByLabel("Raison du changement")).toHaveAttribute("aria-invalid", "true");
  await expect(form.getByLabel("Ce qui a été fait")).toHaveValue(body);
  await expect(form.getByLabel("Titre")).toHaveValue(title);

  const reason = unique("Les travaux de la salle 3 ont pris du retard");
  await form.getByLabel("Raison du changement").fill(reason);
  await form.getByRole("button", { name: "Publier le point d'étape" }).click();
  await expect(page.getByRole("status").first()).toHaveText("Point d'étape publié : il est visible sur la fiche.");

  // The public pages change at once (the cache is refreshed by the action).
  await publicPage.goto(`/fiches/${fiche.slug}`);
  await expect(publicPage.getByRole("heading", { name: title })).toBeVisible();
  await expect(publicPage.getByText("Avancement : 60 %").first()).toBeVisible();
  await expect(publicPage.getByText("Échéance actuelle :").first()).toBeVisible();
  await expect(publicPage.getByText(reason)).toBeVisible();
  await publicPage.goto(theme);
  const fichesOfTheme = publicPage.getByRole("listitem").filter({ has: publicPage.getByRole("link", { name: fiche.title }) });
  await expect(fichesOfTheme.getByText("Avancement : 60 %").first()).toBeVisible();
  expect(await publicPage.locator("main").innerText()).not.toEqual(themeProgressBefore);

  // A correction within 24 hours: the fiche says so and keeps the earlier version.
  await page.goto(`/espace/fiches/${fiche.slug}`);
  const report = page.getByRole("article").filter({ hasText: title });
  await report.getByText("Corriger ce point d'étape").click();
  const correction = report.getByRole("form", { name: `Corriger « ${title} »` });
  await correction.getByLabel("Nouvel avancement (en %)").fill("65");
  await correction.getByRole("button", { name: "Publier la correction" }).click();
  await expect(page.getByRole("status").first()).toHaveText(
    "Correction publiée : la fiche indique la correction et garde la version précédente.",
  );
  await publicPage.goto(`/fiches/${fiche.slug}`);
  const published = publicPage.getByRole("article").filter({ hasText: title });
  await expect(published.getByText(/^Corrigé le /)).toBeVisible();
  await published.getByText("Voir la version précédente").click();
  await expect(published.getByText("Avancement : 60 %")).toBeVisible();
  await expect(publicPage.getByText("Avancement : 65 %").first()).toBeVisible();
  await Promise.all([official.close(), visitor.close()]);
});

test("an official sees, but cannot report on, a fiche they are not in charge of; members never see the pages", async ({ browser }) => {
  const official = await signedInContext(browser, demo.official);
  const page = await official.newPage();
  await page.goto("/espace/fiches/pilotage-projet-social");
  await expect(page.getByRole("form", { name: "Nouveau point d'étape" })).toHaveCount(0);
  await expect(page.getByText(/seuls le personnel de la Ville et les élu·e·s en charge/)).toBeVisible();
  const member = await signedInContext(browser, demo.member1);
  const memberPage = await member.newPage();
  for (const path of ["/espace/fiches", `/espace/fiches/${fiche.slug}`]) {
    expect((await memberPage.goto(path))?.status()).toBe(404);
  }
  await Promise.all([official.close(), member.close()]);
});

test("progress pages have no axe violation at 1280 and 320 px (used at 320), errors shown included", async ({ browser }) => {
  test.setTimeout(90_000);
  const moderator = await signedInContext(browser, demo.moderator);
  const page = await moderator.newPage();
  await page.setViewportSize({ width: 320, height: 900 });
  await page.goto("/espace/fiches");
  await expectAccessibleAtEachWidth(page);
  await page.goto(`/espace/fiches/${fiche.slug}`);
  await expectAccessibleAtEachWidth(page);
  const form = page.getByRole("form", { name: "Nouveau point d'étape" });
  await form.getByLabel("Titre").fill("");
  await form.getByLabel("Nouvel avancement (en %)").fill("120");
  await form.getByRole("button", { name: "Publier le point d'étape" }).click();
  await expect(form.getByText("L'avancement est un nombre entier entre 0 et 100.")).toBeVisible();
  await expectAccessibleAtEachWidth(page);
  await moderator.close();
});

test("the officials' dashboard: figures by theme and by council, charts with the same numbers in tables; not for members", async ({
  browser,
}) => {
  test.setTimeout(90_000);
  const official = await signedInContext(browser, demo.official);
  const page = await official.newPage();
  await page.goto("/espace");
  await page.getByRole("link", { name: /Tableau de bord/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Tableau de bord" })).toBeVisible();
  const statuses = page.getByRole("figure", { name: "Fiches actions par statut" });
  await expect(statuses.getByRole("img")).toBeVisible();
  await expect(statuses.getByRole("table")).toContainText("Gouvernance");
  // One status vocabulary: the public pages' words (lib/labels.ts), « À venir », not « Prévue ».
  await expect(statuses.getByRole("table").getByRole("columnheader", { name: "À venir" })).toBeVisible();
  await expect(statuses).not.toContainText("Prévue");
  await expect(page.getByRole("figure", { name: "Réponses de la Ville aux propositions, par conseil" }).getByRole("table")).toContainText(
    "Conseil de quartier n°1",
  );
  await expect(page.getByRole("table", { name: "Avis et propositions publiés par mois, par conseil" })).toContainText(
    "Conseil de quartier n°1",
  );
  await expect(page.getByRole("table", { name: "Avis et propositions publiés par mois, par thématique" })).toContainText("Gouvernance");
  await expectAccessibleAtEachWidth(page);
  const member = await signedInContext(browser, demo.member1);
  expect((await (await member.newPage()).goto("/tableau-de-bord"))?.status()).toBe(404);
  await Promise.all([official.close(), member.close()]);
});
