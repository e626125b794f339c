import { actionSeeds, planSeed, themeSeeds } from "../../db/seed/plan-data";

/*
 * The public pages the browser tests visit, with the h1 each must show. Slugs and titles come
 * from the seed (db/seed/plan-data.ts), so the tests follow the data instead of copying it.
 */

function mustFind<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`e2e: ${what} absent du seed`);
  return value;
}

/** The fiche the source lists under two themes. */
export const sharedAction = mustFind(
  actionSeeds.find((a) => a.themes.length > 1),
  "une fiche listée sous deux thématiques",
);

/** A theme that holds the shared fiche, so its page shows « figure aussi dans ». */
export const themeWithSharedAction = mustFind(
  themeSeeds.find((t) => t.number === sharedAction.themes[1]?.[0]),
  "la deuxième thématique de la fiche partagée",
);

export const firstTheme = mustFind(themeSeeds[0], "la thématique 1");

export const themeHeading = (theme: { number: number; title: string }) => `Thématique ${theme.number} : ${theme.title}`;

export interface PublicPage {
  /** Used in test titles. */
  label: string;
  path: string;
  /** Accessible name of the page's h1. */
  heading: string;
  status: number;
}

export const notFoundPath = "/cette-page-n-existe-pas";

export const publicPages: PublicPage[] = [
  { label: "accueil", path: "/", heading: planSeed.title, status: 200 },
  { label: "le plan", path: "/plan", heading: "Le plan : toutes les fiches actions", status: 200 },
  {
    label: "le plan, filtré",
    path: `/plan/filtre?thematique=${themeWithSharedAction.slug}&statut=en-cours`,
    heading: "Le plan : toutes les fiches actions",
    status: 200,
  },
  { label: "thématique", path: `/thematiques/${themeWithSharedAction.slug}`, heading: themeHeading(themeWithSharedAction), status: 200 },
  { label: "fiche action", path: `/fiches/${sharedAction.slug}`, heading: sharedAction.title, status: 200 },
  { label: "démarche", path: "/demarche", heading: "La démarche", status: 200 },
  { label: "conseils de quartier", path: "/conseils", heading: "Conseils de quartier", status: 200 },
  { label: "réunions publiques", path: "/reunions", heading: "Réunions publiques", status: 200 },
  { label: "mentions légales", path: "/mentions-legales", heading: "Mentions légales", status: 200 },
  { label: "données personnelles", path: "/donnees-personnelles", heading: "Données personnelles", status: 200 },
  { label: "accessibilité", path: "/accessibilite", heading: "Accessibilité", status: 200 },
  { label: "données ouvertes", path: "/donnees", heading: "Données ouvertes", status: 200 },
  { label: "recherche, sans mots", path: "/recherche", heading: "Rechercher", status: 200 },
  { label: "recherche, avec résultats", path: "/recherche?q=parentalite", heading: "Rechercher", status: 200 },
  { label: "registre de la modération", path: "/moderation/registre", heading: "Registre de la modération", status: 200 },
  { label: "page introuvable", path: notFoundPath, heading: "Page introuvable", status: 404 },
];

export { actionSeeds, planSeed, themeSeeds };
