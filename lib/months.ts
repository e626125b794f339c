import { cityDay } from "./dates";

/*
 * Calendar months in the City's time zone, written "YYYY-MM": the officials' dashboard and the
 * public moderation register count per month, and a month starts at midnight in the City (Paris time), not in
 * UTC (an event at 23:30 UTC on 31 October belongs to November).
 */

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** « 2026-11 » is a month; « 2026-13 », « 2026-1 », « novembre » are not. */
export function isMonth(value: string): boolean {
  return MONTH.test(value);
}

/** The month of an instant in the City's time zone. */
export function cityMonth(date: Date): string {
  return cityDay(date).slice(0, 7);
}

/** `month` moved by `delta` months (negative: earlier). */
export function addMonths(month: string, delta: number): string {
  const match = MONTH.exec(month);
  if (!match) throw new Error(`mois invalide : ${month}`);
  return new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1 + delta, 1)).toISOString().slice(0, 7);
}

/** The `count` months ending with `last`, oldest first. */
export function monthsEndingWith(last: string, count: number): string[] {
  return Array.from({ length: count }, (_, i) => addMonths(last, i - (count - 1)));
}

const monthFormat = new Intl.DateTimeFormat("fr-FR", { month: "long", year: "numeric", timeZone: "UTC" });

/** « novembre 2026 » */
export function formatMonth(month: string): string {
  return monthFormat.format(new Date(`${addMonths(month, 0)}-01T00:00:00Z`));
}
