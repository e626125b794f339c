import { expect, test, type Page } from "@playwright/test";
import { actionSeeds, publicPages, sharedAction, themeHeading, themeSeeds, themeWithSharedAction } from "../support/public-paths";

test.use({ javaScriptEnabled: false });

/** What each page must show beyond its h1, with no JavaScript at all. */
const mainContent: Record<string, (page: Page) => Promise<void>> = {
  "/": async (page) => {
    for (const theme of themeSeeds) {
      await expect(page.getByRole("link", { name: themeHeading(theme), exact: true })).toBeVisible();
    }
    await expect(page.getByRole("main").getByRole("searchbox", { name: "Rechercher une fiche, un mot" })).toBeVisible();
    await expect(page.getByRole("main").getByRole("link", { name: "Le plan : toutes les fiches", exact: true })).toHaveAttribute(
      "href",
      "/plan",
    );
  },
  "/plan": async (page) => {
    for (const theme of themeSeeds) {
      await expect(page.getByRole("link", { name: themeHeading(theme), exact: true })).toBeVisible();
    }
    for (const action of actionSeeds) {
      await expect(page.getByRole("link", { name: action.title, exact: true }).first()).toBeVisible();
    }
    await expect(page.getByText("Comment l'avancement est calculé")).toBeVisible();
    await expect(page.getByRole("form", { name: "Filtrer les fiches actions" })).toBeVisible();
  },
  [`/plan/filtre?thematique=${themeWithSharedAction.slug}&statut=en-cours`]: async (page) => {
    // Statuses change as other specs post progress reports: every fiche listed is « En cours » and of that theme.
    const ofTheme = actionSeeds.filter((a) => a.themes.some(([n]) => n === themeWithSharedAction.number)).map((a) => a.title);
    const items = page.locator('main section[aria-labelledby^="thematique-"] li');
    await expect(page.getByRole("heading", { level: 2, name: /fiches? actions? : thématique \d, statut « En cours »$/ })).toBeVisible();
    for (const item of await items.all()) {
      await expect(item).toContainText("Statut : En cours");
      expect(ofTheme).toContain(await item.locator('a[href^="/fiches/"]').innerText());
    }
    await expect(page.getByLabel("Thématique", { exact: true })).toHaveValue(themeWithSharedAction.slug);
    await expect(page.getByLabel("Statut", { exact: true })).toHaveValue("en-cours");
  },
  [`/thematiques/${themeWithSharedAction.slug}`]: async (page) => {
    const titles = actionSeeds.filter((a) => a.themes.some(([n]) => n === themeWithSharedAction.number)).map((a) => a.title);
    for (const title of titles) await expect(page.getByRole("link", { name: title, exact: true })).toBeVisible();
    await expect(page.getByText("Cette fiche action figure aussi dans")).toBeVisible();
    await expect(page.getByText(/Le document source annonce (et liste )?\d+ fiches? actions? pour cette thématique/)).toBeVisible();
  },
  [`/fiches/${sharedAction.slug}`]: async (page) => {
    // The badge reads « Statut : En cours » (the first two words are for screen readers only).
    await expect(page.getByRole("main").getByText("Statut : En cours", { exact: true }).first()).toBeVisible();
    await expect(page.getByText("Échéance non précisée par la source")).toBeVisible();
    await expect(page.getByText(`Dans le document source : « ${sharedAction.sourceWording} »`)).toBeVisible();
    await expect(page.getByRole("heading", { level: 2, name: "Points d'étape" })).toBeVisible();
    await expect(page.getByText(sharedAction.sourceEntry)).toBeVisible();
    await expect(page.getByRole("navigation", { name: "Fil d'Ariane" })).toBeVisible();
  },
  "/demarche": async (page) => {
    await expect(page.getByRole("heading", { level: 2, name: "D'où vient le projet" })).toBeVisible();
    const steps = page.getByRole("region", { name: "Les étapes" }).getByRole("listitem");
    await expect(steps).toHaveCount(5);
    await expect(page.locator("ol time[datetime='2015-10-09']")).toHaveText("9 octobre 2015");
  },
  "/conseils": async (page) => {
    await expect(page.getByRole("heading", { level: 3, name: "Conseil de quartier n°1" })).toBeVisible();
    await expect(page.getByText("Donnée de démonstration").first()).toBeVisible();
  },
  "/mentions-legales": async (page) => {
    await expect(page.getByRole("heading", { level: 2, name: "Éditeur, publication et hébergement" })).toBeVisible();
    await expect(page.getByText("Éditeur : Ville d'Aurillac (Cantal).")).toBeVisible();
  },
  "/donnees-personnelles": async (page) => {
    await expect(page.getByRole("heading", { level: 2, name: "À compléter par la Ville" })).toBeVisible();
    await expect(page.getByText("Aucun cookie n'est déposé pour lire le site.")).toBeVisible();
  },
  "/accessibilite": async (page) => {
    await expect(page.getByRole("heading", { level: 2, name: "À compléter par la Ville" })).toBeVisible();
    await expect(page.getByText("État de conformité : non conforme")).toBeVisible();
  },
  "/donnees": async (page) => {
    await expect(page.getByRole("heading", { level: 2, name: "Licence" })).toBeVisible();
    for (const title of ["Thématiques", "Fiches actions", "Contributions publiées", "Réponses de la Ville", "Réunions publiques"]) {
      const section = page.getByRole("region", { name: title, exact: true });
      await expect(section.getByRole("link", { name: /^Télécharger en CSV/ })).toBeVisible();
      await expect(section.getByRole("link", { name: /^Télécharger en JSON/ })).toBeVisible();
    }
    // The columns, folded in a <details> that opens without script.
    const columns = page.getByRole("region", { name: "Contributions publiées" }).getByText(/^Les 13 colonnes/);
    await columns.click();
    await expect(page.getByRole("region", { name: "Contributions publiées" }).getByText("date_publication", { exact: true })).toBeVisible();
  },
  "/recherche": async (page) => {
    await expect(page.getByRole("searchbox", { name: "Mots à rechercher" })).toHaveValue("");
    await expect(page.getByText("Tapez un ou plusieurs mots dans le champ ci-dessus")).toBeVisible();
  },
  "/recherche?q=parentalite": async (page) => {
    await expect(page.getByRole("heading", { level: 2, name: /^\d+ résultats? pour « parentalite »/ })).toBeVisible();
    await expect(
      page.getByRole("link", { name: "Développer les dispositifs d'accompagnement à la parentalité", exact: true }),
    ).toBeVisible();
  },
};

for (const { label, path, heading, status } of publicPages) {
  test(`sans JavaScript, ${label} (${path}) affiche son contenu`, async ({ page }) => {
    const response = await page.goto(path);
    expect(response?.status()).toBe(status);
    await expect(page.getByRole("heading", { level: 1, name: heading })).toBeVisible();
    await expect(page.getByRole("navigation", { name: "Menu principal" })).toBeVisible();
    await expect(page.getByRole("contentinfo").getByRole("link", { name: "Mentions légales" })).toBeVisible();
    await mainContent[path]?.(page);
  });
}
