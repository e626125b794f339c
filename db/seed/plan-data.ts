/**
 * The plan as the source document gives it (shared/seed/000_55062771f3cddc09.txt: the article
 * « Premier point d'étape pour le projet social communal », Ville d'Aurillac). Nothing here is
 * invented: where the source is silent (a day, a progress figure, a status word), the field is null.
 */

type ActionStatus = "planned" | "in_progress" | "done" | "suspended";

export const SOURCE_LABEL =
  "Article « Premier point d'étape pour le projet social communal », Ville d'Aurillac (date de publication non précisée)";

export const planSeed = {
  slug: "2015-2020",
  title: "Projet social communal",
  cityName: "Aurillac",
  periodStartYear: 2015,
  periodEndYear: 2020,
  summary:
    "Issu des Assises de la Solidarité, le projet social communal définit la politique sociale de la Ville d'Aurillac " +
    "en faveur des Aurillacois, notamment les plus fragiles, pour la période 2015-2020. Son but : une politique sociale " +
    "lisible, unique et compréhensible pour celles et ceux qui en ont besoin, et un programme d'actions partagé, " +
    "opérationnel et adapté.",
  announcedActionCount: 17,
  sourceTitle: "Premier point d'étape pour le projet social communal",
  demarche: [
    "Le projet social communal est issu des Assises de la Solidarité. Face à l'aggravation de la crise économique, " +
      "la Municipalité d'Aurillac a lancé les Assises de la Solidarité pour repenser sa politique sociale, notamment " +
      "en faveur des personnes les plus fragiles.",
    "Elles ont rassemblé de nombreux acteurs locaux du monde social, mais aussi des habitants, à travers les conseils " +
      "de quartier. Leur but : une politique sociale lisible, unique et compréhensible pour celles et ceux qui en ont besoin.",
    "« Les Assises de la Solidarité visaient à définir la politique sociale en faveur des Aurillacois, notamment les " +
      "plus fragiles, pour la période 2015-2020 et à construire un programme d'actions partagé, opérationnel et adapté. »\n" +
      "— Ville d'Aurillac, article « Premier point d'étape pour le projet social communal »",
    "Le document source ajoute : « Fruit d'une large concertation, le projet social communal a abouti à une stratégie " +
      "développée en cinq thématiques et dix-sept fiches actions, que le maire et ses adjoints ont décliné par domaines " +
      "de compétences. »",
    "« Nous avons fait le choix politique d'un Aurillac pour tous. C'est-à-dire que nous souhaitons construire une " +
      "société inclusive où chacun trouve sa place, quel que soit son statut social. »\n" +
      "— Pierre Mathonier, maire, lors de la première réunion de restitution du projet social communal (même article)",
  ].join("\n\n"),
};

/**
 * Aurillac's identity and legal texts (platform_settings), as far as the source document and the
 * City's public information give them; the rest stays « à compléter » until an admin writes it.
 */
export const cityIdentitySeed = {
  cityName: "Ville d'Aurillac",
  serviceName: "Projet social communal",
  dataControllerName: "Ville d'Aurillac",
  dataControllerAddress: "Mairie d'Aurillac, 15000 Aurillac",
  dpoContact: "Délégué·e à la protection des données, Mairie d'Aurillac, 15000 Aurillac",
  legalNotice: [
    "Éditeur : Ville d'Aurillac (Cantal).",
    "Sources des informations : les informations d'origine viennent de l'article « Premier point d'étape pour le projet " +
      "social communal » publié par la Ville d'Aurillac (date de publication non précisée). Rien n'y est ajouté : quand ce " +
      "document ne donne pas une information (un jour, un avancement, un statut), le site l'indique comme « non précisé » " +
      "ou « non renseigné ».",
    "Certaines informations sont des données de démonstration (par exemple les conseils de quartier) : elles sont " +
      "signalées comme telles sur chaque page où elles apparaissent.",
    "Directeur ou directrice de la publication, hébergeur : à compléter par la Ville.",
  ].join("\n\n"),
};

export const milestoneSeeds = [
  {
    key: "diagnostic-social",
    title: "Diagnostic social",
    description: "Un diagnostic social de la ville d'Aurillac est établi.",
    startsOn: "2014-01-01",
    endsOn: "2015-12-31",
    precision: "year",
  },
  {
    key: "presentation-diagnostic",
    title: "Présentation du diagnostic aux partenaires",
    description: "Le diagnostic social est présenté à l'ensemble des partenaires.",
    startsOn: "2015-04-28",
    endsOn: null,
    precision: "day",
  },
  {
    key: "ateliers-thematiques",
    title: "Ateliers thématiques",
    description: "Des ateliers définissent des pistes d'actions à partir du diagnostic social.",
    startsOn: "2015-05-28",
    endsOn: null,
    precision: "day",
  },
  {
    key: "adoption-conseil-municipal",
    title: "Adoption par le conseil municipal",
    description: "Le conseil municipal adopte le projet social communal.",
    startsOn: "2015-10-09",
    endsOn: null,
    precision: "day",
  },
  {
    key: "presentation-partenaires",
    title: "Présentation aux partenaires",
    description: "Le projet social communal adopté est présenté aux partenaires.",
    startsOn: "2015-12-16",
    endsOn: null,
    precision: "day",
  },
] as const;

export const themeSeeds = [
  { number: 1, slug: "petite-enfance-enfance-jeunesse", title: "Petite enfance / Enfance / Jeunesse", announcedActionCount: 4 },
  { number: 2, slug: "politique-sociale-plus-fragiles", title: "Politique sociale pour les plus fragiles", announcedActionCount: 3 },
  { number: 3, slug: "habitat-cadre-de-vie", title: "Habitat / Cadre de vie", announcedActionCount: 3 },
  { number: 4, slug: "animation-territoriale", title: "Animation territoriale", announcedActionCount: 4 },
  { number: 5, slug: "gouvernance", title: "Gouvernance", announcedActionCount: 1 },
] as const;

export interface ActionSeed {
  slug: string;
  title: string;
  status: ActionStatus | null;
  timeframeLabel: string | null;
  timeframeEndYear: number | null;
  /** The words in brackets after the entry, as printed. */
  sourceWording: string;
  /** The whole entry as printed: it becomes the first progress report. */
  sourceEntry: string;
  projects: { name: string; detail?: string }[];
  /** [theme number, position inside the theme] */
  themes: [number, number][];
}

export const actionSeeds: ActionSeed[] = [
  {
    slug: "accueil-enfants-difficultes-parentales",
    title: "Faciliter l'accueil des enfants des familles rencontrant des difficultés parentales",
    status: "in_progress",
    timeframeLabel: "jusqu'en 2018",
    timeframeEndYear: 2018,
    sourceWording: "en cours jusqu'en 2018",
    sourceEntry:
      "Faciliter l'accueil des enfants des familles rencontrant des difficultés parentales notamment à travers les classes passerelles (en cours jusqu'en 2018).",
    projects: [{ name: "Classes passerelles" }],
    themes: [[1, 1]],
  },
  {
    slug: "accompagnement-parentalite",
    title: "Développer les dispositifs d'accompagnement à la parentalité",
    status: "in_progress",
    timeframeLabel: null,
    timeframeEndYear: null,
    sourceWording: "en cours",
    sourceEntry:
      "Développer les dispositifs d'accompagnement à la parentalité notamment à travers le multi-accueil qui ouvrira ses portes en 2018, avenue Jean-Baptiste Veyre (en cours).",
    projects: [{ name: "Multi-accueil de l'avenue Jean-Baptiste Veyre", detail: "Ouverture annoncée en 2018" }],
    themes: [[1, 2]],
  },
  {
    slug: "dispositifs-adaptes-ecoles-territoires",
    title: "Adapter les dispositifs municipaux et du CCAS aux besoins du public de chaque école et sur chaque territoire",
    status: "in_progress",
    timeframeLabel: null,
    timeframeEndYear: null,
    sourceWording: "en cours",
    sourceEntry:
      "Adapter les dispositifs municipaux et du CCAS aux besoins du public de chaque école et sur chaque territoire notamment à travers une clarification de la politique municipale en faveur de la jeunesse (en cours).",
    projects: [{ name: "Clarification de la politique municipale en faveur de la jeunesse" }],
    themes: [[1, 3]],
  },
  {
    slug: "limiter-intervenants-familles",
    title: "Limiter le nombre d'intervenants dans les familles",
    status: "in_progress",
    timeframeLabel: null,
    timeframeEndYear: null,
    sourceWording: "en cours",
    sourceEntry: "Limiter le nombre d'intervenants dans les familles (en cours).",
    projects: [],
    // Listed under theme 1 and again under theme 2: one fiche, two themes.
    themes: [
      [1, 4],
      [2, 2],
    ],
  },
  {
    slug: "situation-personnes-precarite",
    title: "Améliorer la situation des personnes en précarité",
    status: "in_progress",
    timeframeLabel: null,
    timeframeEndYear: null,
    sourceWording: "en cours",
    sourceEntry: "Améliorer la situation des personnes en précarité notamment à travers l'ouverture d'un accueil de jour (en cours).",
    projects: [{ name: "Ouverture d'un accueil de jour" }],
    themes: [[2, 1]],
  },
  {
    slug: "aller-vers-reseau-benevoles",
    title: "Favoriser les pratiques professionnelles du « aller vers »",
    status: "in_progress",
    timeframeLabel: null,
    timeframeEndYear: null,
    sourceWording: "en cours",
    sourceEntry:
      "Favoriser les pratiques professionnelles du « aller vers », notamment par la création d'un réseau de bénévoles pour les personnes âgées, handicapées et isolées (en cours).",
    projects: [{ name: "Réseau de bénévoles pour les personnes âgées, handicapées et isolées" }],
    themes: [[2, 3]],
  },
  {
    slug: "restructurer-quartiers-sud",
    title: "Restructurer les quartiers Sud",
    status: "planned",
    timeframeLabel: "2018/2019",
    timeframeEndYear: 2019,
    sourceWording: "à venir en 2018/2019",
    sourceEntry: "Restructurer les quartiers Sud, notamment à travers le projet Créacité (à venir en 2018/2019).",
    projects: [{ name: "Projet Créacité", detail: "Quartiers Sud" }],
    themes: [[3, 1]],
  },
  {
    slug: "restructuration-centre-ville",
    title: "Poursuivre la restructuration du centre-ville",
    status: "in_progress",
    timeframeLabel: "jusqu'en 2020",
    timeframeEndYear: 2020,
    sourceWording: "en cours jusqu'en 2020",
    sourceEntry:
      "Poursuivre la restructuration du centre-ville, notamment par la poursuite des projets de rénovation urbaine en centre-ville (en cours jusqu'en 2020).",
    projects: [{ name: "Projets de rénovation urbaine en centre-ville" }],
    themes: [[3, 2]],
  },
  {
    slug: "logements-plus-precaires",
    title: "Rééquilibrer l'offre de logements pour les plus précaires",
    status: "in_progress",
    timeframeLabel: "jusqu'en 2020",
    timeframeEndYear: 2020,
    sourceWording: "en cours jusqu'en 2020",
    sourceEntry: "Rééquilibrer l'offre de logements pour les plus précaires (en cours jusqu'en 2020).",
    projects: [],
    themes: [[3, 3]],
  },
  {
    slug: "liens-avec-les-habitants",
    title: "Développer et faciliter les liens avec les habitants",
    status: "in_progress",
    timeframeLabel: null,
    timeframeEndYear: null,
    sourceWording: "en cours",
    sourceEntry:
      "Développer et faciliter les liens avec les habitants, avec notamment le recrutement d'un médiateur pour les trois grands quartiers (en cours).",
    projects: [{ name: "Recrutement d'un médiateur pour les trois grands quartiers" }],
    themes: [[4, 1]],
  },
  {
    slug: "espaces-de-proximite",
    title: "Coordonner les espaces de proximité sur les trois grands quartiers",
    status: "in_progress",
    timeframeLabel: null,
    timeframeEndYear: null,
    sourceWording: "en cours",
    sourceEntry: "Coordonner les espaces de proximité sur les trois grands quartiers (en cours).",
    projects: [],
    themes: [[4, 2]],
  },
  {
    slug: "maison-des-associations",
    title: "Développer le rôle de la Maison des Associations",
    status: "in_progress",
    timeframeLabel: null,
    timeframeEndYear: null,
    sourceWording: "en cours",
    sourceEntry: "Développer le rôle de la Maison des Associations (en cours).",
    projects: [{ name: "Maison des Associations" }],
    themes: [[4, 3]],
  },
  {
    slug: "instances-participatives",
    title: "Clarifier les missions des instances participatives de la Ville et favoriser les dynamiques territoriales",
    status: "in_progress",
    timeframeLabel: null,
    timeframeEndYear: null,
    sourceWording: "en cours",
    sourceEntry:
      "Clarifier les missions des instances participatives de la Ville et favoriser les dynamiques territoriales, notamment avec l'intervention des centres sociaux (en cours).",
    projects: [{ name: "Intervention des centres sociaux" }],
    themes: [[4, 4]],
  },
  {
    slug: "pilotage-projet-social",
    title: "Assurer le pilotage du projet social",
    // The source gives only years for this entry, no status word.
    status: null,
    timeframeLabel: "2017/2018",
    timeframeEndYear: 2018,
    sourceWording: "2017/2018",
    sourceEntry: "Assurer le pilotage du projet social (2017/2018).",
    projects: [{ name: "Pilotage du projet social", detail: "Prévu en 2017/2018" }],
    themes: [[5, 1]],
  },
];

/** Council names are not in the source: these are demo data and say so. */
export const demoCouncilSeeds = [1, 2, 3, 4, 5, 6].map((number) => ({
  number,
  slug: `conseil-de-quartier-${number}`,
  name: `Conseil de quartier n°${number}`,
  description:
    "Conseil de démonstration : son quartier et ses membres seront renseignés par la Ville. Ces informations ne sont pas réelles.",
}));

/**
 * Demo accounts, one per role, created only with demo data (never in production unless
 * SEED_DEMO_DATA=1). Listed in the README. Addresses use the reserved `.invalid` domain.
 */
export const DEMO_PASSWORD = "demo-aurillac-2026";

export const demoAccountSeeds = [
  { email: "admin@demo.aurillac.invalid", displayName: "Alice Admin (démo)", isAdmin: true },
  { email: "moderation@demo.aurillac.invalid", displayName: "Maxime Modération (démo)", isModerator: true },
  {
    email: "elu@demo.aurillac.invalid",
    displayName: "Élise Élue (démo)",
    isOfficial: true,
    title: "Adjointe au maire chargée des solidarités (démonstration)",
  },
  { email: "referent1@demo.aurillac.invalid", displayName: "René Référent (démo)", councils: [[1, "referent"]] },
  { email: "membre1@demo.aurillac.invalid", displayName: "Marie Membre (démo)", councils: [[1, "member"]] },
  {
    email: "membre2@demo.aurillac.invalid",
    displayName: "Bruno Membre (démo)",
    councils: [
      [2, "member"],
      [3, "referent"],
    ],
  },
] as const satisfies readonly {
  email: string;
  displayName: string;
  isAdmin?: boolean;
  isModerator?: boolean;
  isOfficial?: boolean;
  title?: string;
  councils?: readonly (readonly [number, "member" | "referent"])[];
}[];

/** A demo account's address by its first part (« moderation », « membre1 »): the test hooks and the bench name no City. */
export function demoEmail(localPart: string): string {
  const found = demoAccountSeeds.find((a) => a.email.startsWith(`${localPart}@`));
  if (!found) throw new Error(`no demo account « ${localPart} »`);
  return found.email;
}
