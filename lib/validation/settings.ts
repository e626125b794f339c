import { z } from "zod";
import { accessibilityStatuses, CITY_NAME_MAX, CONTACT_ADDRESS_MAX, LEGAL_TEXT_MAX, SERVICE_NAME_MAX } from "@/lib/city-identity";
import { DEACTIVATED_ACCOUNT_YEARS_MAX, DEACTIVATED_ACCOUNT_YEARS_MIN } from "@/lib/personal-data";
import { choice, id, list, optionalDay, optionalText, queryDay, queryId, searchText, text, wholeNumber } from "./fields";

/*
 * Settings: the platform's (report threshold, answer delay; the City's identity and the texts of
 * its legal pages; personal data: who answers for it and how long a deactivated account is kept), a council's (who may submit to
 * moderation), and each person's notification emails; plus the journal's filters. Forms and
 * server functions parse with the same schemas.
 */

// ——— Platform settings (administrators) ———

export const REPORT_THRESHOLD_MIN = 1;
export const REPORT_THRESHOLD_MAX = 100;
export const ANSWER_DUE_DAYS_MIN = 1;
export const ANSWER_DUE_DAYS_MAX = 365;

export const platformSettingsSchema = z.object({
  reportThreshold: wholeNumber({ min: REPORT_THRESHOLD_MIN, max: REPORT_THRESHOLD_MAX, what: "le nombre de signalements", example: 3 }),
  answerDueDays: wholeNumber({ min: ANSWER_DUE_DAYS_MIN, max: ANSWER_DUE_DAYS_MAX, what: "le délai de réponse en jours", example: 60 }),
});
export type PlatformSettingsInput = z.input<typeof platformSettingsSchema>;
export type PlatformSettingsData = z.output<typeof platformSettingsSchema>;

/** A text of the City's, shown on a public page as paragraphs with links (lib/plain-text.ts); empty is allowed. */
const cityText = (what: string, max = LEGAL_TEXT_MAX) => optionalText({ max, what }).transform((v) => v ?? "");

// ——— The City's identity (administrators): every public page, feed and e-mail shows it ———

export const cityIdentitySchema = z.object({
  cityName: text({
    min: 2,
    max: CITY_NAME_MAX,
    empty: "Indiquez le nom de la Ville (par exemple « Ville de Démoville »).",
    what: "Le nom de la Ville",
  }),
  serviceName: text({
    min: 2,
    max: SERVICE_NAME_MAX,
    empty: "Indiquez le nom du service (par exemple « Projet social communal »).",
    what: "Le nom du service",
  }),
  contactAddress: cityText("L'adresse de contact", CONTACT_ADDRESS_MAX),
});
export type CityIdentityInput = z.input<typeof cityIdentitySchema>;
export type CityIdentityData = z.output<typeof cityIdentitySchema>;

/** The logo form has one file field; its bytes are checked by the server function (server/settings/city-logo.ts). */
export const cityLogoSchema = z.object({
  logo: z.custom<File>((v) => typeof File !== "undefined" && v instanceof File && v.size > 0, {
    error: "Choisissez un fichier PNG ou SVG.",
  }),
});
export const removeCityLogoSchema = z.object({});

// ——— The legal pages (administrators): /mentions-legales and /accessibilite ———

export const legalPagesSchema = z
  .object({
    legalNotice: cityText("Les mentions légales"),
    accessibilityStatus: choice(accessibilityStatuses, "Choisissez l'état de conformité."),
    accessibilityAuditDate: optionalDay(),
    accessibilityDerogations: cityText("Les dérogations et contenus non accessibles"),
    accessibilityContact: cityText("Le contact pour l'accessibilité", CONTACT_ADDRESS_MAX),
  })
  .refine((v) => v.accessibilityStatus === "non_conforme" || v.accessibilityAuditDate !== null, {
    path: ["accessibilityAuditDate"],
    error: "Un état « conforme » ou « partiellement conforme » vient d'un audit : indiquez sa date.",
  });
export type LegalPagesInput = z.input<typeof legalPagesSchema>;
export type LegalPagesData = z.output<typeof legalPagesSchema>;

// ——— Personal data (administrators): printed on /donnees-personnelles, applied by the retention job ———

export const DATA_CONTROLLER_NAME_MAX = 200;
export const DATA_CONTROLLER_ADDRESS_MAX = 500;
export const DPO_CONTACT_MAX = 500;
export const PRIVACY_LEGAL_BASIS_MAX = 2000;

export const privacySettingsSchema = z.object({
  dataControllerName: text({
    min: 2,
    max: DATA_CONTROLLER_NAME_MAX,
    empty: "Indiquez le responsable du traitement (en général la Ville elle-même).",
    what: "Le nom du responsable du traitement",
  }),
  dataControllerAddress: text({
    min: 5,
    max: DATA_CONTROLLER_ADDRESS_MAX,
    empty: "Indiquez l'adresse postale du responsable du traitement.",
    what: "L'adresse",
  }),
  dpoContact: text({
    min: 5,
    max: DPO_CONTACT_MAX,
    empty: "Indiquez comment joindre le délégué ou la déléguée à la protection des données (adresse, courriel…).",
    what: "Le contact du délégué ou de la déléguée à la protection des données",
  }),
  privacyLegalBasis: text({
    min: 10,
    max: PRIVACY_LEGAL_BASIS_MAX,
    empty: "Indiquez la base légale des traitements (par exemple la mission d'intérêt public).",
    what: "La base légale",
  }),
  privacyNotes: cityText("Les précisions sur les données personnelles"),
  deactivatedAccountYears: wholeNumber({
    min: DEACTIVATED_ACCOUNT_YEARS_MIN,
    max: DEACTIVATED_ACCOUNT_YEARS_MAX,
    what: "la durée de conservation des comptes désactivés, en années",
    example: 3,
  }),
});
export type PrivacySettingsInput = z.input<typeof privacySettingsSchema>;
export type PrivacySettingsData = z.output<typeof privacySettingsSchema>;

// ——— A council's submission policy (its referents and administrators) ———

export const submissionPolicies = ["any_member", "referents_only"] as const;
export type SubmissionPolicy = (typeof submissionPolicies)[number];

export const submissionPolicyLabels: Record<SubmissionPolicy, string> = {
  any_member: "Tout membre du conseil",
  referents_only: "Les référent·e·s seulement",
};

export const submissionPolicySchema = z.object({
  councilId: id("Conseil invalide."),
  policy: choice(submissionPolicies, "Choisissez qui peut soumettre une contribution à la modération."),
});
export type SubmissionPolicyInput = z.input<typeof submissionPolicySchema>;
export type SubmissionPolicyData = z.output<typeof submissionPolicySchema>;

// ——— Notification emails (each person) ———

export const notificationKinds = [
  "contribution_approved",
  "contribution_rejected",
  "contribution_hidden",
  "contribution_answered",
  "contribution_supported",
  "moderation_waiting",
  "moderation_reported",
] as const;
export type NotificationKindName = (typeof notificationKinds)[number];

/** The kinds a council member gets, and the ones a moderator gets. */
export const memberNotificationKinds: readonly NotificationKindName[] = [
  "contribution_approved",
  "contribution_rejected",
  "contribution_hidden",
  "contribution_answered",
  "contribution_supported",
];
export const moderatorNotificationKinds: readonly NotificationKindName[] = ["moderation_waiting", "moderation_reported"];

/** « Recevoir un courriel quand… » — one line per kind, in plain words. */
export const notificationKindLabels: Record<NotificationKindName, string> = {
  contribution_approved: "une contribution de mon conseil est publiée",
  contribution_rejected: "une contribution de mon conseil est refusée par la modération",
  contribution_hidden: "une contribution publiée de mon conseil est masquée",
  contribution_answered: "la Ville répond à une proposition de mon conseil",
  contribution_supported: "un autre conseil soutient une proposition de mon conseil",
  moderation_waiting: "des contributions attendent la modération",
  moderation_reported: "une contribution publiée est signalée",
};

/** The kinds whose email stays on (the ticked boxes, all named `email`); every other kind relevant to the person is turned off. */
const notificationKindList = list(choice(notificationKinds, "Type de notification inconnu."), {
  max: notificationKinds.length,
  tooMany: "Trop de types de notification : rechargez la page, puis réessayez.",
});

/**
 * `shown`: the kinds the form showed (hidden fields), `email`: those ticked. Only the kinds shown
 * change — so a post that is not this form (no `shown`) changes nothing, and unticking every box
 * still means « no e-mail at all ».
 */
export const notificationPreferencesSchema = z.object({
  shown: notificationKindList.refine((kinds) => kinds.length > 0, {
    error: "Ce formulaire est incomplet : rechargez la page, puis réessayez.",
  }),
  email: notificationKindList,
});
export type NotificationPreferencesInput = z.input<typeof notificationPreferencesSchema>;
export type NotificationPreferencesData = z.output<typeof notificationPreferencesSchema>;

/** « Tout marquer comme lu »: a button, nothing to type. */
export const markAllNotificationsReadSchema = z.object({});

// ——— The journal's filters (a GET form: every value arrives as text and never fails) ———

export const JOURNAL_PAGE_SIZE = 50;

export const journalFiltersSchema = z.object({
  action: searchText(80),
  actor: searchText(100),
  // A council that does not exist, or a number PostgreSQL cannot hold, is simply no filter.
  council: queryId(),
  from: queryDay(),
  to: queryDay(),
  // `?avant=<id>`: the rows strictly older than that one (keyset); anything else is the first page.
  before: queryId(),
});
/** Any of them may be absent from the URL. */
export type JournalFiltersInput = Partial<z.input<typeof journalFiltersSchema>>;
export type JournalFilters = z.output<typeof journalFiltersSchema>;
