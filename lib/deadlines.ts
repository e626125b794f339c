import type { ActionStatus } from "./labels";

/*
 * A fiche's deadline. The source gives time frames in words (« 2018/2019 », « jusqu'en 2018 ») and
 * an end year; the original deadline is that year's 31 December. Once someone changes the time
 * frame (always with a reason), the fiche keeps both: the original and the current one.
 */

export interface DeadlineFields {
  status: ActionStatus | null;
  timeframeLabel: string | null;
  timeframeEndYear: number | null;
  currentTimeframeLabel: string | null;
  deadline: string | null;
}

export interface DeadlineView {
  originalLabel: string | null;
  originalDeadline: string | null;
  /** Equal to the original ones while nobody changed them. */
  currentLabel: string | null;
  currentDeadline: string | null;
  changed: boolean;
  /** Past its current deadline and not done. */
  late: boolean;
}

export function originalDeadline(endYear: number | null): string | null {
  return endYear === null ? null : `${endYear}-12-31`;
}

/** `today` is the City's calendar day, "YYYY-MM-DD" (lib/dates.ts cityDay). */
export function deadlineView(fields: DeadlineFields, today: string): DeadlineView {
  const original = originalDeadline(fields.timeframeEndYear);
  const changed = fields.deadline !== null;
  const currentDeadline = changed ? fields.deadline : original;
  return {
    originalLabel: fields.timeframeLabel,
    originalDeadline: original,
    currentLabel: changed ? (fields.currentTimeframeLabel ?? fields.timeframeLabel) : fields.timeframeLabel,
    currentDeadline,
    changed,
    late: currentDeadline !== null && currentDeadline < today && fields.status !== "done",
  };
}

/** Whether a deadline falls within the next `months` months (inclusive of today). */
export function isWithinMonths(deadline: string | null, today: string, months: number): boolean {
  if (deadline === null || deadline < today) return false;
  const [y, m, d] = today.split("-").map(Number) as [number, number, number];
  const limit = new Date(Date.UTC(y, m - 1 + months, d)).toISOString().slice(0, 10);
  return deadline <= limit;
}

const frenchMonths = [
  "janvier",
  "février",
  "mars",
  "avril",
  "mai",
  "juin",
  "juillet",
  "août",
  "septembre",
  "octobre",
  "novembre",
  "décembre",
];

/**
 * Whether a deadline's words already give its date's month and year (« juin 2027 » for
 * 2027-06-30): then « (jusqu'au 30 juin 2027) » only repeats them. « fin 2027 » or « 2018/2019 »
 * do not say which day: the date is worth adding.
 */
export function labelGivesDate(label: string | null, isoDate: string): boolean {
  if (!label) return false;
  const [year, month] = isoDate.split("-").map(Number) as [number, number];
  const words = label.toLocaleLowerCase("fr-FR").normalize("NFC");
  return words.includes(String(year)) && words.includes(frenchMonths[month - 1]!);
}
