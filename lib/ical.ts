/*
 * iCalendar (RFC 5545) serialisation, pure: the calendar of public meetings, the one of the fiches'
 * deadlines, and the one-meeting file behind « Ajouter à mon agenda » (server/calendars/). Lines end
 * in CRLF and are folded at 75 octets without cutting a character; texts are escaped (`\ ; ,` and
 * line breaks). Times are written in UTC (the `Z` form): every calendar application converts them to
 * its own zone, and no VTIMEZONE block has to describe Paris's summer time rules.
 */

export type IcsWhen = { date: string } | { dateTime: Date };

export interface IcsEvent {
  /** Stable for the life of the item (lib/feeds.ts calendarUid): the same event is updated, not duplicated. */
  uid: string;
  /** When the item last changed in the City's data (RFC 5545 § 3.8.7.2, a calendar without METHOD). */
  stamp: Date;
  /** Same-day DATE (`YYYY-MM-DD`) for an all-day event: its end is the next day (exclusive). */
  start: IcsWhen;
  end: IcsWhen;
  summary: string;
  description?: string;
  location?: string;
  url?: string;
  /** Deadlines do not make anyone busy. */
  transparent?: boolean;
}

export interface IcsCalendar {
  name: string;
  description?: string;
  events: IcsEvent[];
}

export const ICS_CONTENT_TYPE = "text/calendar; charset=utf-8";
/** The software that wrote the calendar (RFC 5545 PRODID), not the City: the City is in the calendar's name. */
export const ICS_PRODUCT_ID = "-//Projet social communal//Plateforme de participation//FR";
const MAX_OCTETS = 75;
const encoder = new TextEncoder();

/** A TEXT value: `\` `;` `,` escaped, line breaks as `\n`, other control characters dropped. */
export function escapeIcsText(text: string): string {
  return text
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, "")
    .replace(/\\/g, "\\\\")
    .replace(/;/g, "\\;")
    .replace(/,/g, "\\,")
    .replace(/\r\n|\r|\n/g, "\\n");
}

/**
 * One content line folded at 75 octets (RFC 5545 § 3.1): the following lines start with one space,
 * which counts in their 75. A character (a code point: « é » is 2 octets, an emoji 4) is never cut.
 */
export function foldIcsLine(line: string): string {
  const out: string[] = [];
  let current = "";
  let octets = 0;
  for (const char of line) {
    const size = encoder.encode(char).length;
    if (octets + size > MAX_OCTETS) {
      out.push(current);
      current = " ";
      octets = 1;
    }
    current += char;
    octets += size;
  }
  out.push(current);
  return out.join("\r\n");
}

const pad = (n: number) => String(n).padStart(2, "0");

/** UTC DATE-TIME: 20261203T173000Z. */
export function icsDateTime(date: Date): string {
  return `${date.getUTCFullYear()}${pad(date.getUTCMonth() + 1)}${pad(date.getUTCDate())}T${pad(date.getUTCHours())}${pad(date.getUTCMinutes())}${pad(date.getUTCSeconds())}Z`;
}

/** The day after a `YYYY-MM-DD` date (an all-day event's exclusive end). */
export function nextDay(isoDate: string): string {
  const [y, m, d] = isoDate.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10);
}

function whenProperty(name: "DTSTART" | "DTEND", when: IcsWhen): string {
  return "date" in when ? `${name};VALUE=DATE:${when.date.replace(/-/g, "")}` : `${name}:${icsDateTime(when.dateTime)}`;
}

/** A URI value is not TEXT (no escaping), but a line break would end the property. */
const uri = (value: string) => value.replace(/[\r\n]/g, "");

function eventLines(event: IcsEvent): string[] {
  return [
    "BEGIN:VEVENT",
    `UID:${escapeIcsText(event.uid)}`,
    `DTSTAMP:${icsDateTime(event.stamp)}`,
    `LAST-MODIFIED:${icsDateTime(event.stamp)}`,
    whenProperty("DTSTART", event.start),
    whenProperty("DTEND", event.end),
    `SUMMARY:${escapeIcsText(event.summary)}`,
    ...(event.location ? [`LOCATION:${escapeIcsText(event.location)}`] : []),
    ...(event.description ? [`DESCRIPTION:${escapeIcsText(event.description)}`] : []),
    ...(event.url ? [`URL:${uri(event.url)}`] : []),
    "STATUS:CONFIRMED",
    `TRANSP:${event.transparent ? "TRANSPARENT" : "OPAQUE"}`,
    "END:VEVENT",
  ];
}

/** The whole calendar: CRLF line ends (the last line too), every line folded. */
export function icsCalendar(calendar: IcsCalendar): string {
  const lines = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    `PRODID:${escapeIcsText(ICS_PRODUCT_ID)}`,
    "CALSCALE:GREGORIAN",
    // RFC 7986 and the older names most applications read, for a subscribed calendar.
    `NAME:${escapeIcsText(calendar.name)}`,
    `X-WR-CALNAME:${escapeIcsText(calendar.name)}`,
    ...(calendar.description
      ? [`DESCRIPTION:${escapeIcsText(calendar.description)}`, `X-WR-CALDESC:${escapeIcsText(calendar.description)}`]
      : []),
    "REFRESH-INTERVAL;VALUE=DURATION:PT1H",
    "X-PUBLISHED-TTL:PT1H",
    ...calendar.events.flatMap(eventLines),
    "END:VCALENDAR",
  ];
  return lines.map(foldIcsLine).join("\r\n") + "\r\n";
}
