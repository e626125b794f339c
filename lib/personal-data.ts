/*
 * How long the app keeps personal data, written once: the retention job (server/retention/)
 * computes its cut-offs from these rules and /donnees-personnelles prints their periods, so the
 * page cannot say one thing while the job does another. Browser-safe, no I/O.
 */

/** The sign-in throttle forgets an account's or a network's failures after this quiet time (server/auth/throttle.ts). */
export const SIGN_IN_QUIET_HOURS = 24;
/** Invitation and password links, once used, cancelled or expired, are kept this long (a person asking « did I get a link? »). */
export const SPENT_LINK_DAYS = 30;
/** Read notifications are kept this long after they were read. */
export const READ_NOTIFICATION_YEARS = 1;
/** A deactivated account is erased this many years after its deactivation (an admin sets it: platform_settings). */
export const DEACTIVATED_ACCOUNT_YEARS_DEFAULT = 3;
export const DEACTIVATED_ACCOUNT_YEARS_MIN = 1;
export const DEACTIVATED_ACCOUNT_YEARS_MAX = 10;

/**
 * How often the server's timer runs the short purge (server/retention/schedule.ts). The throttle
 * rows hold an IP address (or its /64 network): each pass deletes those that will have been quiet
 * for 24 hours before the next pass, so that no address is ever kept longer than 24 hours.
 */
export const RETENTION_TICK_MINUTES = 10;

/** The data controller and the DPO, as installed: generic enough to be true of any city, marked on the page until the City changes them. */
export const DEFAULT_DATA_CONTROLLER_NAME = "La Ville";
export const DEFAULT_DATA_CONTROLLER_ADDRESS = "Mairie (adresse à compléter)";
export const DEFAULT_DPO_CONTACT = "Délégué·e à la protection des données de la Ville (contact à compléter)";
/** The legal basis of every processing of the platform, as installed. */
export const DEFAULT_PRIVACY_LEGAL_BASIS =
  "Mission d'intérêt public (article 6, paragraphe 1, point e du RGPD) : associer les habitants à la politique sociale de la commune.";

export interface RetentionSettings {
  /** Years after its deactivation that an account is erased. */
  deactivatedAccountYears: number;
}

/** What the retention job purges, one journal count each (`retention.purge`). */
export const retentionKinds = [
  "signInThrottles",
  "invitations",
  "passwordResetTokens",
  "readNotifications",
  "revokedSessions",
  "deactivatedAccounts",
] as const;
export type RetentionKind = (typeof retentionKinds)[number];

const HOUR_MS = 3600_000;
const DAY_MS = 24 * HOUR_MS;

/** The same instant `years` calendar years earlier (UTC; 29 February gives 1 March). */
export function yearsBefore(now: Date, years: number): Date {
  const out = new Date(now.getTime());
  out.setUTCFullYear(out.getUTCFullYear() - years);
  return out;
}

/** When the daily run erases an account deactivated at `deactivatedAt` (its first run on or after that instant). */
export const erasureDueAt = (deactivatedAt: Date, settings: RetentionSettings) =>
  yearsBefore(deactivatedAt, -settings.deactivatedAccountYears);

export const yearsText = (n: number) => (n === 1 ? "un an" : `${n} ans`);

interface Rule {
  /** The data, as the page names it. */
  data: string;
  /** The period, as the page says it (read from the settings where the admin sets it). */
  period(settings: RetentionSettings): string;
  /** Rows whose reference date is at or before this instant are purged at `now`. */
  cutoff(now: Date, settings: RetentionSettings): Date;
}

export const retentionRules = {
  signInThrottles: {
    data: "Les tentatives de connexion manquées : l'adresse électronique tapée et l'adresse IP (ou son réseau) d'où elles viennent",
    period: () => `effacées au plus tard ${SIGN_IN_QUIET_HOURS} heures après la dernière tentative manquée`,
    // One tick early: the pass that runs before the 24th hour deletes it (see RETENTION_TICK_MINUTES).
    cutoff: (now: Date) => new Date(now.getTime() - SIGN_IN_QUIET_HOURS * HOUR_MS + RETENTION_TICK_MINUTES * 60_000),
  },
  invitations: {
    data: "Les invitations : l'adresse électronique de la personne invitée",
    period: () => `effacées ${SPENT_LINK_DAYS} jours après leur acceptation, leur annulation ou leur expiration`,
    cutoff: (now: Date) => new Date(now.getTime() - SPENT_LINK_DAYS * DAY_MS),
  },
  passwordResetTokens: {
    data: "Les liens pour choisir un nouveau mot de passe",
    period: () => `effacés ${SPENT_LINK_DAYS} jours après leur utilisation ou leur expiration`,
    cutoff: (now: Date) => new Date(now.getTime() - SPENT_LINK_DAYS * DAY_MS),
  },
  readNotifications: {
    data: "Les notifications lues",
    period: () =>
      `effacées ${yearsText(READ_NOTIFICATION_YEARS)} après leur lecture (celles qui ne sont pas lues restent tant que le compte existe)`,
    cutoff: (now: Date) => yearsBefore(now, READ_NOTIFICATION_YEARS),
  },
  revokedSessions: {
    data: "Les sessions fermées par « Se déconnecter » : leur numéro, pour refuser une copie du cookie",
    period: () => "effacées à la date où la session aurait expiré (7 jours au plus)",
    cutoff: (now: Date) => now,
  },
  deactivatedAccounts: {
    data: "Les comptes désactivés : adresse électronique, nom, fonction, rôles, notifications",
    period: (settings: RetentionSettings) =>
      `effacés ${yearsText(settings.deactivatedAccountYears)} après leur désactivation, comme une suppression demandée par la personne (les contributions publiées restent, signées « Ancien membre du conseil … »)`,
    cutoff: (now: Date, settings: RetentionSettings) => yearsBefore(now, settings.deactivatedAccountYears),
  },
} satisfies Record<RetentionKind, Rule>;

/** The periods in the page's order: one line per kind of data the job purges. */
export function retentionPeriods(settings: RetentionSettings): { kind: RetentionKind; data: string; period: string }[] {
  return retentionKinds.map((kind) => ({ kind, data: retentionRules[kind].data, period: retentionRules[kind].period(settings) }));
}
