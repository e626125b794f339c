import { describe, expect, it } from "vitest";
import { htmlText, parseAtom } from "../tests/support/feed-parsers";
import { atomDate, atomFeed, escapeXml, htmlParagraphs, type AtomFeed } from "./atom";

/** Everything that breaks XML or HTML when not escaped, and the end of a CDATA section. */
const PAYLOAD = `<script>alert("x")</script> & 'apostrophe' ]]> <![CDATA[ fin &amp; déjà`;

const feed = (overrides: Partial<AtomFeed> = {}): AtomFeed => ({
  id: "tag:example.org,2026:flux",
  title: `Le flux ${PAYLOAD}`,
  subtitle: `Sous-titre ${PAYLOAD}`,
  updated: new Date("2026-11-29T10:20:30.456Z"),
  selfUrl: "https://example.org/flux.atom",
  pageUrl: "https://example.org/",
  author: "Ville d'Aurillac",
  entries: [
    {
      id: "tag:example.org,2026:contribution-1",
      title: `Proposition : ${PAYLOAD}`,
      link: "https://example.org/fiches/a?x=1&y=2#contribution-1",
      published: new Date("2026-11-28T08:00:00Z"),
      updated: new Date("2026-11-28T09:00:00Z"),
      author: `Camille ${PAYLOAD}`,
      category: { term: "proposition", label: `Proposition ${PAYLOAD}` },
      content: `Premier paragraphe ${PAYLOAD}\nligne suivante\n\nSecond paragraphe.`,
    },
    {
      id: "tag:example.org,2026:point-etape-2",
      title: "Point d'étape",
      link: "https://example.org/fiches/a#point-etape-2",
      published: new Date("2026-11-27T08:00:00Z"),
      updated: new Date("2026-11-27T08:00:00Z"),
      content: "Sans auteur : la Ville signe.",
    },
  ],
  ...overrides,
});

describe("escapeXml", () => {
  it("writes the five special characters as entities and drops what XML 1.0 forbids", () => {
    expect(escapeXml(`a & b < c > d " e ' f`)).toBe("a &amp; b &lt; c &gt; d &quot; e &apos; f");
    expect(escapeXml("]]>")).toBe("]]&gt;");
    expect(escapeXml("bip\u0007 nul\u0000 tab\t ok\uFFFE\uD800")).toBe("bip nul tab\t ok");
    expect(escapeXml("émoji 🎉 accentué")).toBe("émoji 🎉 accentué");
  });
});

describe("htmlParagraphs", () => {
  it("makes paragraphs of blank-line blocks and <br> of single line breaks, every piece escaped", () => {
    expect(htmlParagraphs("Un <b>\r\ndeux\n\n\n  trois & quatre  \n\n")).toBe("<p>Un &lt;b&gt;<br>deux</p><p>trois &amp; quatre</p>");
    expect(htmlParagraphs("")).toBe("");
  });
});

describe("atomFeed", () => {
  it("is a well-formed Atom 1.0 feed that a real parser reads back exactly, payloads included", () => {
    const xml = atomFeed(feed());
    const parsed = parseAtom(xml);
    expect(parsed.id).toBe("tag:example.org,2026:flux");
    expect(parsed.title).toBe(`Le flux ${PAYLOAD}`);
    expect(parsed.lang).toBe("fr");
    expect(parsed.updated).toBe("2026-11-29T10:20:30Z");
    expect(parsed.selfLink).toBe("https://example.org/flux.atom");
    expect(parsed.alternateLink).toBe("https://example.org/");
    expect(parsed.authors).toEqual(["Ville d'Aurillac"]);
    expect(parsed.entries).toHaveLength(2);
    const [first, second] = parsed.entries;
    expect(first).toMatchObject({
      id: "tag:example.org,2026:contribution-1",
      title: `Proposition : ${PAYLOAD}`,
      titleType: "text",
      link: "https://example.org/fiches/a?x=1&y=2#contribution-1",
      published: "2026-11-28T08:00:00Z",
      updated: "2026-11-28T09:00:00Z",
      authors: [`Camille ${PAYLOAD}`],
      category: "proposition",
    });
    // The reader gets HTML in which the text is escaped once more: the payload is text, never markup.
    expect(first!.html).not.toContain("<script>");
    expect(first!.html).toContain("&lt;script&gt;");
    expect(htmlText(first!.html)).toBe(`Premier paragraphe ${PAYLOAD}\nligne suivante\n\nSecond paragraphe.`);
    expect(second!.authors).toEqual([]);
    // Never a CDATA section, whose end a text could forge.
    expect(xml).not.toContain("<![CDATA[");
    expect(xml.match(/]]>/g)).toBeNull();
  });

  it("an empty feed is still valid: id, title, updated, links, author", () => {
    const parsed = parseAtom(atomFeed(feed({ entries: [], subtitle: undefined })));
    expect(parsed.entries).toEqual([]);
    expect(parsed.updated).toBe("2026-11-29T10:20:30Z");
  });

  it("dates are RFC 3339 in UTC, to the second", () => {
    expect(atomDate(new Date("2026-03-29T01:59:59.999Z"))).toBe("2026-03-29T01:59:59Z");
  });
});
