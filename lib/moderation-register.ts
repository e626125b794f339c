import { csvTable } from "./csv";
import { pluralize } from "./labels";

/*
 * The public moderation register's figures, as the page and the CSV file show them (the server
 * counts them: server/moderation/load-register.ts). Counts only: a month, numbers, and the labels
 * of the City's reason templates — never a name, a text or a title.
 */

/** How many months one page (and one CSV file) of the register holds. */
export const REGISTER_MONTHS = 12;

/** The category of a refusal with no template: a typed reason, or a decision from before templates were recorded. */
export const OTHER_REASON = "Autre motif";

export interface RegisterMonth {
  /** "YYYY-MM", City time. */
  month: string;
  /** Contributions submitted to moderation (each submission). */
  received: number;
  published: number;
  rejected: number;
  /** Refusals per category, in the order of the register's `categories`. */
  rejectedBy: number[];
  /** Published, then hidden by a moderator. */
  hiddenByModerator: number;
  /** Published, then hidden automatically once its reports reached the threshold. */
  hiddenByReports: number;
  /** Reports received in the month, and what became of them so far. */
  reports: number;
  reportsHidden: number;
  reportsKept: number;
  reportsOpen: number;
  /** Median time from submission to decision, of the decisions taken in the month; null if none. */
  medianDecisionHours: number | null;
  /** Proposals that got their first answer from the City in the month, and of them, after their due date. */
  answersGiven: number;
  answersLate: number;
}

/** A month with nothing in it yet: zero everywhere, one zero per refusal category. */
export function emptyRegisterMonth(month: string, categoryCount: number): RegisterMonth {
  return {
    month,
    received: 0,
    published: 0,
    rejected: 0,
    rejectedBy: Array.from({ length: categoryCount }, () => 0),
    hiddenByModerator: 0,
    hiddenByReports: 0,
    reports: 0,
    reportsHidden: 0,
    reportsKept: 0,
    reportsOpen: 0,
    medianDecisionHours: null,
    answersGiven: 0,
    answersLate: 0,
  };
}

/** « moins d'une heure », « 5 heures », « 3 jours » (from 48 hours on). */
export function formatDecisionDelay(hours: number | null): string {
  if (hours === null) return "aucune décision";
  if (hours < 1) return "moins d'une heure";
  if (hours < 48) return pluralize(Math.round(hours), "heure", "heures");
  return pluralize(Math.round(hours / 24), "jour", "jours");
}

/** Hours with one decimal and a decimal comma, as French spreadsheets read them: « 5,3 ». */
const hoursCell = (hours: number | null) => (hours === null ? null : hours.toFixed(1).replace(".", ","));

/** The register as a CSV file: one row per month, oldest first, the same figures as the page. */
export function registerCsv(months: readonly RegisterMonth[], categories: readonly string[]): string {
  const header = [
    "mois",
    "contributions reçues",
    "publiées",
    "refusées",
    ...categories.map((c) => `refusées : ${c}`),
    "masquées par la modération",
    "masquées après signalements",
    "signalements reçus",
    "signalements : contribution masquée",
    "signalements : contribution maintenue",
    "signalements : en attente d'examen",
    "délai médian entre soumission et décision (heures)",
    "réponses de la Ville données",
    "réponses données après le délai",
  ];
  const rows = [...months]
    .sort((a, b) => a.month.localeCompare(b.month))
    .map((m) => [
      m.month,
      m.received,
      m.published,
      m.rejected,
      ...m.rejectedBy,
      m.hiddenByModerator,
      m.hiddenByReports,
      m.reports,
      m.reportsHidden,
      m.reportsKept,
      m.reportsOpen,
      hoursCell(m.medianDecisionHours),
      m.answersGiven,
      m.answersLate,
    ]);
  return csvTable(header, rows);
}
