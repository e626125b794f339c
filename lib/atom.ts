/*
 * Atom 1.0 (RFC 4287) serialisation, pure: the feeds of the plan, of a theme, of a fiche and of a
 * council (server/feeds/) are written here, escaped here, and nowhere else. The texts come from
 * councils, staff and officials: everything goes through `escapeXml`, never a CDATA section (a text
 * holding `]]>` would end it), and characters XML 1.0 forbids are dropped (a feed reader refuses the
 * whole feed for one of them).
 */

export interface AtomLink {
  href: string;
  rel: "self" | "alternate";
  type: string;
}

export interface AtomEntry {
  /** Stable for the life of the item: a tag: URI (lib/feeds.ts tagUri), never its page's address. */
  id: string;
  title: string;
  /** Absolute address of the page that shows the item. */
  link: string;
  published: Date;
  updated: Date;
  /** Absent: the feed's author (the City) stands for it. */
  author?: string;
  category?: { term: string; label: string };
  /** Plain text, paragraphs separated by blank lines: sent as escaped HTML paragraphs. */
  content: string;
}

export interface AtomFeed {
  id: string;
  title: string;
  subtitle?: string;
  updated: Date;
  /** The feed's own absolute address (rel="self") and its page's (rel="alternate"). */
  selfUrl: string;
  pageUrl: string;
  /** Who publishes the feed; stands for the entries without an author of their own. */
  author: string;
  entries: AtomEntry[];
}

export const ATOM_CONTENT_TYPE = "application/atom+xml; charset=utf-8";

// XML 1.0 Char: #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF]. Lone surrogates too.
const NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** Text or attribute value for XML: `& < > " '` as entities, forbidden characters dropped. */
export function escapeXml(text: string): string {
  return text
    .replace(NOT_XML_CHAR, "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;");
}

const escapeHtml = escapeXml;

/**
 * Plain text as HTML paragraphs: a blank line starts a paragraph, a single line break stays one.
 * Readers may collapse the white space of a `type="text"` construct; this keeps the shape the
 * pages show (`whitespace-pre-line`).
 */
export function htmlParagraphs(text: string): string {
  return text
    .replace(/\r\n?/g, "\n")
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.trim())
    .filter((paragraph) => paragraph !== "")
    .map((paragraph) => `<p>${paragraph.split("\n").map(escapeHtml).join("<br>")}</p>`)
    .join("");
}

/** RFC 3339 in UTC, to the second. */
export function atomDate(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, "Z");
}

const element = (name: string, text: string, attributes = "") => `<${name}${attributes}>${escapeXml(text)}</${name}>`;
const link = (l: AtomLink) => `<link rel="${l.rel}" type="${escapeXml(l.type)}" href="${escapeXml(l.href)}"/>`;
const author = (name: string) => `<author>${element("name", name)}</author>`;

function entryXml(entry: AtomEntry): string {
  return [
    "<entry>",
    element("id", entry.id),
    element("title", entry.title, ' type="text"'),
    link({ rel: "alternate", type: "text/html", href: entry.link }),
    element("published", atomDate(entry.published)),
    element("updated", atomDate(entry.updated)),
    entry.author ? author(entry.author) : "",
    entry.category ? `<category term="${escapeXml(entry.category.term)}" label="${escapeXml(entry.category.label)}"/>` : "",
    element("content", htmlParagraphs(entry.content), ' type="html"'),
    "</entry>",
  ].join("");
}

/** The whole document, UTF-8, in French. */
export function atomFeed(feed: AtomFeed): string {
  return [
    '<?xml version="1.0" encoding="utf-8"?>\n',
    '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="fr">',
    element("id", feed.id),
    element("title", feed.title, ' type="text"'),
    feed.subtitle ? element("subtitle", feed.subtitle, ' type="text"') : "",
    element("updated", atomDate(feed.updated)),
    link({ rel: "self", type: "application/atom+xml", href: feed.selfUrl }),
    link({ rel: "alternate", type: "text/html", href: feed.pageUrl }),
    author(feed.author),
    ...feed.entries.map(entryXml),
    "</feed>\n",
  ].join("");
}
