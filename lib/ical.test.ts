import { describe, expect, it } from "vitest";
import { parseIcs } from "../tests/support/feed-parsers";
import { escapeIcsText, foldIcsLine, icsCalendar, icsDateTime, nextDay, type IcsCalendar } from "./ical";

/** Every character iCalendar escapes, a line break of each kind, accents and an emoji (multi-octet). */
const PAYLOAD = "Salle A, 1er étage; côté \\cour\\\nentrée rue « Veyre »\r\nfin\ravec 🎉";

const calendar = (overrides: Partial<IcsCalendar> = {}): IcsCalendar => ({
  name: `Réunions publiques, ${PAYLOAD}`,
  description: "Les réunions publiques du projet social communal d'Aurillac.",
  events: [
    {
      uid: "reunion-1@example.org",
      stamp: new Date("2026-11-20T09:00:00.500Z"),
      start: { dateTime: new Date("2026-12-03T17:30:00Z") },
      end: { dateTime: new Date("2026-12-03T19:30:00Z") },
      summary: `Restitution ${PAYLOAD}`,
      location: PAYLOAD,
      description: `${"Ordre du jour très long qui dépasse largement soixante-quinze octets, accentué, ".repeat(3)}\n${PAYLOAD}`,
      url: "https://example.org/reunions/restitution?a=1&b=2",
    },
    {
      uid: "echeance-7@example.org",
      stamp: new Date("2026-01-02T03:04:05Z"),
      start: { date: "2018-12-31" },
      end: { date: nextDay("2018-12-31") },
      summary: "Échéance : Développer la Maison des Associations",
      transparent: true,
    },
  ],
  ...overrides,
});

describe("escapeIcsText", () => {
  it("escapes backslash, semicolon and comma, writes line breaks as \\n and drops other control characters", () => {
    expect(escapeIcsText("a\\b;c,d\ne\r\nf\rg")).toBe("a\\\\b\\;c\\,d\\ne\\nf\\ng");
    expect(escapeIcsText("bip\u0007 tab\t fin")).toBe("bip tab\t fin");
  });
});

describe("foldIcsLine", () => {
  it("folds at 75 octets, continuation lines start with one space, and unfolding gives the line back", () => {
    const line = `DESCRIPTION:${"é".repeat(40)}${"🎉".repeat(20)}${"a".repeat(100)}`;
    const folded = foldIcsLine(line);
    const parts = folded.split("\r\n");
    expect(parts.length).toBeGreaterThan(3);
    for (const [i, part] of parts.entries()) {
      expect(new TextEncoder().encode(part).length).toBeLessThanOrEqual(75);
      if (i > 0) expect(part.startsWith(" ")).toBe(true);
      // No character is cut: each piece is valid UTF-16 on its own (no lone surrogate).
      expect(part).toBe(part.toWellFormed());
    }
    expect(folded.replace(/\r\n /g, "")).toBe(line);
  });

  it("leaves a short line alone", () => {
    expect(foldIcsLine("VERSION:2.0")).toBe("VERSION:2.0");
    const exactly75 = `SUMMARY:${"x".repeat(67)}`;
    expect(foldIcsLine(exactly75)).toBe(exactly75);
    expect(foldIcsLine(`${exactly75}y`)).toBe(`${exactly75}\r\n y`);
  });
});

describe("icsCalendar", () => {
  it("is an RFC 5545 calendar that ical.js reads back exactly: CRLF, folded lines, escaped texts, UTC and all-day dates", () => {
    const text = icsCalendar(calendar());
    // parseIcs checks CRLF and the 75-octet limit on every line before ical.js parses it.
    const parsed = parseIcs(text);
    expect(parsed.version).toBe("2.0");
    expect(parsed.prodId).toBe("-//Projet social communal//Plateforme de participation//FR");
    expect(parsed.name).toBe(`Réunions publiques, ${PAYLOAD.replace(/\r\n|\r/g, "\n")}`);
    const [meeting, deadline] = parsed.events;
    expect(meeting).toMatchObject({
      uid: "reunion-1@example.org",
      summary: `Restitution ${PAYLOAD.replace(/\r\n|\r/g, "\n")}`,
      location: PAYLOAD.replace(/\r\n|\r/g, "\n"),
      url: "https://example.org/reunions/restitution?a=1&b=2",
      startDate: null,
      start: new Date("2026-12-03T17:30:00Z"),
      end: new Date("2026-12-03T19:30:00Z"),
      stamp: new Date("2026-11-20T09:00:00Z"),
    });
    expect(meeting!.description).toContain("soixante-quinze octets, accentué, Ordre");
    expect(deadline).toMatchObject({ uid: "echeance-7@example.org", startDate: "2018-12-31", endDate: "2019-01-01", start: null });
    expect(text).toContain("DTSTART;VALUE=DATE:20181231\r\n");
    expect(text).toContain("TRANSP:TRANSPARENT\r\n");
    expect(text.startsWith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n")).toBe(true);
    expect(text.endsWith("END:VCALENDAR\r\n")).toBe(true);
    expect(text.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
  });

  it("a calendar without events is still valid", () => {
    expect(parseIcs(icsCalendar(calendar({ events: [], description: undefined }))).events).toEqual([]);
  });

  it("UTC date-times to the second; the day after a date, across months and years", () => {
    expect(icsDateTime(new Date("2026-03-29T00:59:59.999Z"))).toBe("20260329T005959Z");
    expect(nextDay("2018-12-31")).toBe("2019-01-01");
    expect(nextDay("2024-02-28")).toBe("2024-02-29");
  });
});
