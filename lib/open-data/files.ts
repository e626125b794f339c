import { actionStatuses, statusLabel, type ActionStatus } from "@/lib/labels";
import { answerStateLabels, answerStates, type AnswerState } from "@/lib/validation/answer";
import { kindLabels, positionLabels } from "@/lib/validation/contribution";
import { receiptCodes, receipts } from "@/lib/paper-contribution";

/*
 * The open data files (/donnees, issue 13, docs/decisions/0014-open-data.md): what each one holds,
 * field by field, in French for the people who read them. One description serves the page, the
 * Table Schema of each file (lib/open-data/table-schema.ts) and the tests that check the files
 * against it. Field names and codes are French and plain ASCII (a spreadsheet filter, a script);
 * they are a public interface: never rename one, add fields at the end.
 */

export const openDataFileNames = [
  "thematiques",
  "fiches",
  "points-etape",
  "changements-echeance",
  "contributions",
  "reponses",
  "soutiens",
  "reunions",
] as const;
export type OpenDataFileName = (typeof openDataFileNames)[number];
export const openDataFormats = ["csv", "json"] as const;
export type OpenDataFormat = (typeof openDataFormats)[number];

export const isOpenDataFileName = (name: string): name is OpenDataFileName => (openDataFileNames as readonly string[]).includes(name);

export const OPEN_LICENCE = {
  name: "etalab-2.0",
  title: "Licence Ouverte / Open Licence version 2.0",
  path: "https://www.etalab.gouv.fr/licence-ouverte-open-licence/",
} as const;

export type FieldType = "string" | "integer" | "boolean" | "date" | "datetime";

export interface FieldSpec {
  name: string;
  title: string;
  description: string;
  type: FieldType;
  required?: boolean;
  unique?: boolean;
  enum?: readonly string[];
  minimum?: number;
  maximum?: number;
  pattern?: string;
}

export interface OpenDataFileSpec {
  name: OpenDataFileName;
  title: string;
  /** One or two sentences: what a row is, which rows are there. */
  description: string;
  fields: readonly FieldSpec[];
  primaryKey: readonly string[];
  foreignKeys: readonly { fields: readonly string[]; resource: OpenDataFileName; reference: readonly string[] }[];
}

/* The codes of the files, French and stable, for the values the app keeps in English. */
export const statusCodes: Record<ActionStatus, string> = {
  planned: "a_venir",
  in_progress: "en_cours",
  done: "realisee",
  suspended: "suspendue",
};
export const kindCodes = { feedback: "avis", proposal: "proposition" } as const satisfies Record<keyof typeof kindLabels, string>;
export const positionCodes = {
  favorable: "favorable",
  favorable_with_reservations: "favorable_avec_reserves",
  unfavorable: "defavorable",
} as const satisfies Record<keyof typeof positionLabels, string>;
export const answerStateCodes: Record<AnswerState, string> = {
  under_review: "a_l_etude",
  accepted: "retenue",
  rejected: "non_retenue",
  done: "realisee",
};

/** « a_venir (À venir), en_cours (En cours)… »: each code with the words the pages use for it. */
const codeList = <K extends string>(keys: readonly K[], codes: Record<K, string>, label: (key: K) => string) =>
  keys.map((k) => `${codes[k]} (${label(k)})`).join(", ");

export const SLUG_PATTERN = "^[a-z0-9]+(-[a-z0-9]+)*$";
/** Several slugs in one cell (a fiche under two themes). */
export const THEME_SEPARATOR = "|";

const slugField = (name: string, title: string, description: string, required = true): FieldSpec => ({
  name,
  title,
  description,
  type: "string",
  required,
  pattern: SLUG_PATTERN,
});
const statusField: FieldSpec = {
  name: "statut",
  title: "Statut",
  description: "",
  type: "string",
  enum: actionStatuses.map((s) => statusCodes[s]),
};
const progressField: FieldSpec = {
  name: "avancement",
  title: "Avancement (%)",
  description: "",
  type: "integer",
  minimum: 0,
  maximum: 100,
};
const demoField = (what: string): FieldSpec => ({
  name: "demonstration",
  title: "Donnée de démonstration",
  description: `« oui » pour ${what} de démonstration (jamais en production), « non » sinon.`,
  type: "boolean",
  required: true,
});
const ficheRef = [{ fields: ["fiche"], resource: "fiches", reference: ["identifiant"] }] as const;
const contributionRef = [{ fields: ["contribution"], resource: "contributions", reference: ["identifiant"] }] as const;

export const openDataFiles: Record<OpenDataFileName, OpenDataFileSpec> = {
  thematiques: {
    name: "thematiques",
    title: "Thématiques",
    description: "Les thématiques du projet social communal, une par ligne, dans l'ordre de leur numéro.",
    fields: [
      {
        ...slugField("identifiant", "Identifiant", "Identifiant stable de la thématique ; sa page est /thematiques/<identifiant>."),
        unique: true,
      },
      {
        name: "numero",
        title: "Numéro",
        description: "Numéro de la thématique dans le projet.",
        type: "integer",
        required: true,
        unique: true,
        minimum: 1,
      },
      { name: "titre", title: "Titre", description: "Titre de la thématique.", type: "string", required: true },
      { name: "description", title: "Description", description: "Présentation de la thématique ; vide s'il n'y en a pas.", type: "string" },
      {
        name: "fiches_annoncees",
        title: "Fiches annoncées",
        description:
          "Nombre de fiches actions que le document source annonce pour la thématique (il peut en lister moins) ; vide s'il n'en dit rien.",
        type: "integer",
        minimum: 0,
      },
    ],
    primaryKey: ["identifiant"],
    foreignKeys: [],
  },
  fiches: {
    name: "fiches",
    title: "Fiches actions",
    description: "Les fiches actions, une par ligne (une fiche listée sous deux thématiques n'a qu'une ligne), avec leur état actuel.",
    fields: [
      { ...slugField("identifiant", "Identifiant", "Identifiant stable de la fiche ; sa page est /fiches/<identifiant>."), unique: true },
      { name: "titre", title: "Titre", description: "Titre de la fiche action.", type: "string", required: true },
      { name: "description", title: "Description", description: "Présentation de la fiche ; vide s'il n'y en a pas.", type: "string" },
      {
        name: "thematiques",
        title: "Thématiques",
        description: `Identifiants des thématiques où figure la fiche, séparés par « ${THEME_SEPARATOR} » (une fiche peut figurer sous deux thématiques).`,
        type: "string",
        pattern: "^[a-z0-9]+(-[a-z0-9]+)*(\\|[a-z0-9]+(-[a-z0-9]+)*)*$",
      },
      {
        ...statusField,
        description: `Statut actuel : ${codeList(actionStatuses, statusCodes, statusLabel)} ; vide quand le document source n'en donne pas.`,
      },
      { ...progressField, description: "Avancement de 0 à 100, fixé par les points d'étape ; vide tant qu'aucun ne l'a mesuré." },
      {
        name: "echeance_initiale",
        title: "Échéance initiale",
        description: "Échéance telle que le document source l'écrit (« 2018/2019 », « jusqu'en 2018 ») ; vide s'il n'en donne pas.",
        type: "string",
      },
      {
        name: "date_limite_initiale",
        title: "Date limite initiale",
        description: "Le 31 décembre de la dernière année de l'échéance initiale.",
        type: "date",
      },
      {
        name: "echeance_actuelle",
        title: "Échéance actuelle",
        description: "Échéance en vigueur : l'initiale, ou la dernière fixée par un changement d'échéance (voir ce fichier).",
        type: "string",
      },
      { name: "date_limite_actuelle", title: "Date limite actuelle", description: "Dernier jour de l'échéance en vigueur.", type: "date" },
      {
        name: "statut_source",
        title: "Statut dans le document source",
        description: "Les mots du document source sur l'état de la fiche, tels qu'il les écrit.",
        type: "string",
      },
    ],
    primaryKey: ["identifiant"],
    foreignKeys: [],
  },
  "points-etape": {
    name: "points-etape",
    title: "Points d'étape",
    description:
      "Les points d'étape publiés sur les fiches, par la Ville ou tirés du document source. Un point corrigé (possible dans les 24 heures) a son texte actuel ; ses versions antérieures restent lisibles sur la page de la fiche.",
    fields: [
      {
        name: "identifiant",
        title: "Identifiant",
        description: "Numéro stable du point d'étape.",
        type: "integer",
        required: true,
        unique: true,
      },
      slugField("fiche", "Fiche action", "Identifiant de la fiche (fichier fiches)."),
      { name: "titre", title: "Titre", description: "Titre du point d'étape.", type: "string", required: true },
      { name: "texte", title: "Texte", description: "Ce qui a été fait.", type: "string", required: true },
      {
        name: "date",
        title: "Date",
        description: "Jour du point d'étape ; vide quand la source n'en donne pas (aucun n'est inventé).",
        type: "date",
      },
      {
        ...statusField,
        description: "Statut de la fiche annoncé par ce point d'étape (mêmes codes que le fichier fiches) ; vide s'il n'en change pas.",
      },
      { ...progressField, description: "Avancement annoncé, de 0 à 100 ; vide s'il n'en donne pas." },
      { name: "source", title: "Source", description: "D'où vient l'information, quand elle vient d'un document.", type: "string" },
      { name: "publie_le", title: "Publié le", description: "Date et heure de publication (UTC).", type: "datetime", required: true },
      {
        name: "corrige_le",
        title: "Corrigé le",
        description: "Date et heure de la dernière correction (UTC) ; vide s'il n'a pas été corrigé.",
        type: "datetime",
      },
    ],
    primaryKey: ["identifiant"],
    foreignKeys: ficheRef,
  },
  "changements-echeance": {
    name: "changements-echeance",
    title: "Changements d'échéance",
    description: "Chaque report ou avancée de l'échéance d'une fiche, avec son motif (toujours publié).",
    fields: [
      {
        name: "identifiant",
        title: "Identifiant",
        description: "Numéro stable du changement.",
        type: "integer",
        required: true,
        unique: true,
      },
      slugField("fiche", "Fiche action", "Identifiant de la fiche (fichier fiches)."),
      { name: "echeance_precedente", title: "Échéance précédente", description: "Échéance remplacée, en mots.", type: "string" },
      {
        name: "date_limite_precedente",
        title: "Date limite précédente",
        description: "Dernier jour de l'échéance remplacée.",
        type: "date",
      },
      { name: "nouvelle_echeance", title: "Nouvelle échéance", description: "Échéance fixée, en mots.", type: "string", required: true },
      {
        name: "nouvelle_date_limite",
        title: "Nouvelle date limite",
        description: "Dernier jour de la nouvelle échéance.",
        type: "date",
        required: true,
      },
      { name: "motif", title: "Motif", description: "Pourquoi l'échéance a changé.", type: "string", required: true },
      { name: "date", title: "Date", description: "Date et heure du changement (UTC).", type: "datetime", required: true },
    ],
    primaryKey: ["identifiant"],
    foreignKeys: ficheRef,
  },
  contributions: {
    name: "contributions",
    title: "Contributions publiées",
    description:
      "Les avis et propositions des conseils de quartier publiés après modération. Un brouillon, une contribution en attente, refusée ou masquée n'y figure jamais.",
    fields: [
      {
        name: "identifiant",
        title: "Identifiant",
        description: "Numéro stable de la contribution ; elle est sur les pages de sa fiche, à l'ancre #contribution-<identifiant>.",
        type: "integer",
        required: true,
        unique: true,
      },
      slugField("fiche", "Fiche action", "Identifiant de la fiche (fichier fiches)."),
      { name: "conseil", title: "Conseil de quartier", description: "Nom du conseil qui l'a publiée.", type: "string", required: true },
      slugField("conseil_identifiant", "Identifiant du conseil", "Identifiant stable du conseil ; sa page est /conseils/<identifiant>."),
      {
        name: "nature",
        title: "Nature",
        description: `${codeList(["feedback", "proposal"], kindCodes, (k) => kindLabels[k])}.`,
        type: "string",
        required: true,
        enum: Object.values(kindCodes),
      },
      {
        name: "position",
        title: "Position",
        description: `Position d'un avis : ${codeList(["favorable", "favorable_with_reservations", "unfavorable"], positionCodes, (p) => positionLabels[p])} ; vide pour une proposition.`,
        type: "string",
        enum: Object.values(positionCodes),
      },
      { name: "titre", title: "Titre", description: "Titre d'une proposition ; vide pour un avis.", type: "string" },
      { name: "texte", title: "Texte", description: "Le texte publié.", type: "string", required: true },
      {
        name: "auteur",
        title: "Auteur",
        description:
          "Nom affiché de la personne qui l'a écrite, comme sur le site (elle en est prévenue avant d'écrire) ; « Ancien membre du conseil … » si elle a supprimé son compte ; pour une contribution reçue hors du site, le nom de l'auteur tel qu'il est écrit s'il est donné ; vide si l'auteur n'est pas connu.",
        type: "string",
      },
      {
        name: "date_publication",
        title: "Publiée le",
        description: "Date et heure de publication (UTC).",
        type: "datetime",
        required: true,
      },
      demoField("une contribution"),
      {
        name: "provenance",
        title: "Provenance",
        description: `Pour une contribution remise hors du site et saisie par la Ville : ${codeList(receipts, receiptCodes, (r) => ({ paper: "reçue sur papier", mail: "reçue par courrier", meeting: "reçue en réunion" })[r])} ; vide pour une contribution écrite sur le site.`,
        type: "string",
        enum: Object.values(receiptCodes),
      },
      {
        name: "date_reception",
        title: "Reçue le",
        description: "Jour où la Ville a reçu une contribution remise hors du site ; vide pour une contribution écrite sur le site.",
        type: "date",
      },
    ],
    primaryKey: ["identifiant"],
    foreignKeys: ficheRef,
  },
  reponses: {
    name: "reponses",
    title: "Réponses de la Ville",
    description:
      "Les réponses de la Ville aux propositions publiées, toutes conservées : la plus récente d'une proposition donne son état actuel.",
    fields: [
      {
        name: "identifiant",
        title: "Identifiant",
        description: "Numéro stable de la réponse.",
        type: "integer",
        required: true,
        unique: true,
      },
      {
        name: "contribution",
        title: "Proposition",
        description: "Identifiant de la proposition (fichier contributions).",
        type: "integer",
        required: true,
      },
      {
        name: "etat",
        title: "État",
        description: `Où en est la proposition : ${codeList(answerStates, answerStateCodes, (s) => answerStateLabels[s])}.`,
        type: "string",
        required: true,
        enum: answerStates.map((s) => answerStateCodes[s]),
      },
      { name: "texte", title: "Texte", description: "La réponse.", type: "string", required: true },
      { name: "signataire", title: "Signataire", description: "Qui signe la réponse pour la Ville.", type: "string", required: true },
      { name: "fonction_signataire", title: "Fonction du signataire", description: "Sa fonction, si elle est donnée.", type: "string" },
      { name: "date", title: "Date", description: "Date et heure de la réponse (UTC).", type: "datetime", required: true },
    ],
    primaryKey: ["identifiant"],
    foreignKeys: contributionRef,
  },
  soutiens: {
    name: "soutiens",
    title: "Soutiens",
    description:
      "Les soutiens qu'un conseil de quartier donne à la proposition publiée d'un autre conseil (un par conseil et par proposition).",
    fields: [
      {
        name: "contribution",
        title: "Proposition",
        description: "Identifiant de la proposition soutenue (fichier contributions).",
        type: "integer",
        required: true,
      },
      { name: "conseil", title: "Conseil", description: "Nom du conseil qui la soutient.", type: "string", required: true },
      slugField("conseil_identifiant", "Identifiant du conseil", "Identifiant stable du conseil qui la soutient."),
      { name: "date", title: "Date", description: "Date et heure du soutien (UTC).", type: "datetime", required: true },
    ],
    primaryKey: ["contribution", "conseil_identifiant"],
    foreignKeys: contributionRef,
  },
  reunions: {
    name: "reunions",
    title: "Réunions publiques",
    description: "Les réunions publiques de restitution, passées et à venir.",
    fields: [
      {
        ...slugField("identifiant", "Identifiant", "Identifiant stable de la réunion ; sa page est /reunions/<identifiant>."),
        unique: true,
      },
      { name: "titre", title: "Titre", description: "Titre de la réunion.", type: "string", required: true },
      { name: "debut", title: "Début", description: "Date et heure du début (UTC).", type: "datetime", required: true },
      { name: "lieu", title: "Lieu", description: "Où elle a lieu.", type: "string", required: true },
      {
        name: "ordre_du_jour",
        title: "Ordre du jour",
        description: "Les points de l'ordre du jour, dans l'ordre, un par ligne ; vide s'il n'y en a pas.",
        type: "string",
      },
      {
        name: "compte_rendu",
        title: "Compte rendu",
        description: "Le compte rendu, une fois la réunion passée ; vide avant.",
        type: "string",
      },
      demoField("une réunion"),
    ],
    primaryKey: ["identifiant"],
    foreignKeys: [],
  },
};

/** A value of a row, before it is written as CSV or JSON: dates are already "YYYY-MM-DD" text. */
export type OpenDataValue = string | number | boolean | null;
export type OpenDataRow = Record<string, OpenDataValue>;

/** Table Schema's default `datetime`: "YYYY-MM-DDThh:mm:ssZ", in UTC, to the second. */
export function datetimeValue(at: Date | null): string | null {
  return at === null ? null : `${at.toISOString().slice(0, 19)}Z`;
}

/** The address of each form of a file, under /donnees. */
export const openDataPath = (name: OpenDataFileName, format: OpenDataFormat) => `/donnees/${name}.${format}`;
export const openDataSchemaPath = (name: OpenDataFileName) => `/donnees/schemas/${name}.json`;
