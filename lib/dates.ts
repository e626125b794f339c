/** French formatting of dates, always in the City's time zone (the server may run in UTC). */
export const CITY_TIME_ZONE = "Europe/Paris";

const dayFormat = new Intl.DateTimeFormat("fr-FR", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
const monthFormat = new Intl.DateTimeFormat("fr-FR", { month: "long", year: "numeric", timeZone: "UTC" });
const dateTimeFormat = new Intl.DateTimeFormat("fr-FR", {
  weekday: "long",
  day: "numeric",
  month: "long",
  year: "numeric",
  hour: "numeric",
  minute: "2-digit",
  timeZone: CITY_TIME_ZONE,
});

/** A calendar date stored as "YYYY-MM-DD" (no time zone): « 28 avril 2015 », « 1er mai 2015 ». */
export function formatDay(isoDate: string): string {
  const text = dayFormat.format(parseIsoDate(isoDate));
  return text.replace(/^1 /, "1er ");
}

export type DatePrecision = "day" | "month" | "year";

/** A date or a span with the precision the source gives: « 2014–2015 », « avril 2015 », « 28 avril 2015 ». */
export function formatDateSpan(startsOn: string, endsOn: string | null, precision: DatePrecision): string {
  const one = (d: string) =>
    precision === "year" ? d.slice(0, 4) : precision === "month" ? monthFormat.format(parseIsoDate(d)) : formatDay(d);
  if (!endsOn) return one(startsOn);
  const [a, b] = [one(startsOn), one(endsOn)];
  return a === b ? a : `${a}–${b}`;
}

/** « jeudi 17 décembre 2026 à 18 h 30 » */
export function formatDateTime(date: Date): string {
  const parts = dateTimeFormat.formatToParts(date);
  const get = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? "";
  const day = get("day") === "1" ? "1er" : get("day");
  const minutes = get("minute");
  return `${get("weekday")} ${day} ${get("month")} ${get("year")} à ${Number(get("hour"))} h${minutes === "00" ? "" : ` ${minutes}`}`;
}

const cityDayFormat = new Intl.DateTimeFormat("en-CA", { year: "numeric", month: "2-digit", day: "2-digit", timeZone: CITY_TIME_ZONE });

/** The calendar day of an instant in the City's time zone, as "YYYY-MM-DD" (for `formatDay`). */
export function cityDay(date: Date): string {
  return cityDayFormat.format(date);
}

/** Machine-readable value for <time datetime>. */
export function isoDateTime(date: Date): string {
  return date.toISOString();
}

function parseIsoDate(isoDate: string): Date {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!match) throw new Error(`date invalide : ${isoDate}`);
  return new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
}
