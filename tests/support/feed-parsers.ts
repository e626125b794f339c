import { XMLParser, XMLValidator } from "fast-xml-parser";
import { parseAtomFeed } from "feedsmith";
import ICAL from "ical.js";

/*
 * The feeds, calendars and sitemap as their readers see them, through real parsers (unit,
 * integration and browser tests): fast-xml-parser's validator for XML well-formedness (a feed
 * reader refuses a feed that is not), feedsmith for Atom, Mozilla's ical.js for iCalendar. Each
 * helper fails with the parser's own message on a malformed document.
 */

const ATOM_NS = "http://www.w3.org/2005/Atom";
const SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9";

/** A document that must be well-formed XML; fails with the validator's error (line, column) otherwise. */
export function assertWellFormedXml(xml: string): void {
  const result = XMLValidator.validate(xml);
  if (result !== true)
    throw new Error(`XML mal formé : ${result.err.code} ${result.err.msg} (ligne ${result.err.line}, colonne ${result.err.col})`);
}

const rootOf = (xml: string) =>
  new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "@" }).parse(xml) as Record<string, Record<string, unknown>>;

export interface ParsedEntry {
  id: string;
  title: string;
  titleType: string | undefined;
  link: string | undefined;
  published: string | undefined;
  updated: string;
  authors: string[];
  category: string | undefined;
  /** The entry's HTML content, as the reader gets it (entities decoded once). */
  html: string;
}

export interface ParsedFeed {
  id: string;
  title: string;
  updated: string;
  lang: string | undefined;
  selfLink: string | undefined;
  alternateLink: string | undefined;
  authors: string[];
  entries: ParsedEntry[];
}

/** An Atom 1.0 feed: well-formed, in the Atom namespace, parsed by feedsmith. */
export function parseAtom(xml: string): ParsedFeed {
  assertWellFormedXml(xml);
  const namespace = rootOf(xml).feed?.["@xmlns"];
  if (namespace !== ATOM_NS) throw new Error(`pas un flux Atom (espace de noms : ${String(namespace)})`);
  const feed = parseAtomFeed(xml);
  const linkOf = (links: { rel?: string; href?: string }[] | undefined, rel: string) => links?.find((l) => l.rel === rel)?.href;
  return {
    id: feed.id ?? "",
    title: feed.title?.value ?? "",
    updated: feed.updated ?? "",
    lang: feed.xml?.lang,
    selfLink: linkOf(feed.links, "self"),
    alternateLink: linkOf(feed.links, "alternate"),
    authors: (feed.authors ?? []).map((a) => a.name ?? ""),
    entries: (feed.entries ?? []).map((e) => ({
      id: e.id ?? "",
      title: e.title?.value ?? "",
      titleType: e.title?.type,
      link: linkOf(e.links, "alternate"),
      published: e.published,
      updated: e.updated ?? "",
      authors: (e.authors ?? []).map((a) => a.name ?? ""),
      category: e.categories?.[0]?.term,
      html: e.content?.value ?? "",
    })),
  };
}

/** The text of an entry's HTML content: tags removed, the five XML entities decoded (all the feed writes). */
export function htmlText(html: string): string {
  return html
    .replace(/<br>/g, "\n")
    .replace(/<\/p><p>/g, "\n\n")
    .replace(/<\/?p>/g, "")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, "&");
}

export interface ParsedEvent {
  uid: string;
  summary: string;
  location: string | null;
  description: string | null;
  url: string | null;
  /** All-day events: the DATE; timed events: null. */
  startDate: string | null;
  endDate: string | null;
  /** Timed events: the instant (written in UTC); all-day events: null. */
  start: Date | null;
  end: Date | null;
  stamp: Date;
}

export interface ParsedCalendar {
  version: string;
  prodId: string;
  name: string | null;
  events: ParsedEvent[];
}

const encoder = new TextEncoder();

// RFC 7986's NAME and the older X-WR-CALNAME / X-WR-CALDESC are TEXT for the calendar applications that
// read them; ical.js's design does not list them (it would keep their escapes), so they are declared here.
for (const name of ["name", "x-wr-calname", "x-wr-caldesc"])
  (ICAL.design.icalendar.property as Record<string, { defaultType: string }>)[name] ??= { defaultType: "text" };

/**
 * An iCalendar document: every line ends in CRLF and holds at most 75 octets (RFC 5545 § 3.1),
 * then parsed by ical.js, which unfolds and unescapes as a calendar application does.
 */
export function parseIcs(text: string): ParsedCalendar {
  if (!text.endsWith("\r\n")) throw new Error("iCalendar : le document ne finit pas par CRLF");
  const lines = text.slice(0, -2).split("\r\n");
  for (const line of lines) {
    if (/[\r\n]/.test(line)) throw new Error(`iCalendar : saut de ligne nu dans ${JSON.stringify(line)}`);
    if (encoder.encode(line).length > 75) throw new Error(`iCalendar : ligne de plus de 75 octets : ${JSON.stringify(line)}`);
  }
  const calendar = new ICAL.Component(ICAL.parse(text));
  if (calendar.name !== "vcalendar") throw new Error(`iCalendar : composant racine ${calendar.name}`);
  const text_ = (c: InstanceType<typeof ICAL.Component>, name: string) => {
    const value = c.getFirstPropertyValue(name);
    return value === null || value === undefined ? null : String(value);
  };
  return {
    version: text_(calendar, "version") ?? "",
    prodId: text_(calendar, "prodid") ?? "",
    name: text_(calendar, "x-wr-calname"),
    events: calendar.getAllSubcomponents("vevent").map((vevent) => {
      const event = new ICAL.Event(vevent);
      const start = event.startDate;
      const end = event.endDate;
      const stamp = vevent.getFirstPropertyValue("dtstamp") as InstanceType<typeof ICAL.Time>;
      return {
        uid: event.uid,
        summary: event.summary,
        location: event.location,
        description: event.description,
        url: text_(vevent, "url"),
        startDate: start.isDate ? start.toString() : null,
        endDate: end.isDate ? end.toString() : null,
        start: start.isDate ? null : start.toJSDate(),
        end: end.isDate ? null : end.toJSDate(),
        stamp: stamp.toJSDate(),
      };
    }),
  };
}

/** A sitemap: well-formed, in the sitemap namespace; its addresses in order. */
export function parseSitemap(xml: string): string[] {
  assertWellFormedXml(xml);
  const urlset = rootOf(xml).urlset;
  if (urlset?.["@xmlns"] !== SITEMAP_NS) throw new Error("sitemap : espace de noms absent ou faux");
  const urls = urlset.url as { loc: string }[] | { loc: string } | undefined;
  return (Array.isArray(urls) ? urls : urls ? [urls] : []).map((u) => u.loc);
}
