import { describe, expect, it } from "vitest";
import { parseSearchParams, SEARCH_QUERY_MAX, searchHref, splitHighlight } from "./search";

describe("parseSearchParams", () => {
  it("reads the words, the kind, the filters and the page, and ignores what it does not know", () => {
    expect(
      parseSearchParams({ q: "  familles   logement ", type: "avis", thematique: "gouvernance", conseil: "conseil-1", page: "3" }),
    ).toEqual({
      q: "familles logement",
      kind: "contribution",
      themeSlug: "gouvernance",
      councilSlug: "conseil-1",
      page: 3,
      tooLong: false,
    });
    expect(parseSearchParams({ q: ["a", "b"], type: "autre", thematique: "../x", conseil: "", page: "-2" })).toMatchObject({
      q: "a",
      kind: null,
      themeSlug: null,
      councilSlug: null,
      page: 1,
    });
    expect(parseSearchParams({}).q).toBe("");
  });

  it("turns what PostgreSQL refuses or the highlight uses into spaces (NUL, control characters, markers, lone surrogates)", () => {
    expect(parseSearchParams({ q: "a\u0000b\u0007c\uE000d\uE001e" }).q).toBe("a b c d e");
    expect(parseSearchParams({ q: "x\uD800y" }).q).toBe("x\uFFFDy");
  });

  it("says when the words are too long, counting characters (an emoji is one)", () => {
    expect(parseSearchParams({ q: "é".repeat(SEARCH_QUERY_MAX) }).tooLong).toBe(false);
    expect(parseSearchParams({ q: "😀".repeat(SEARCH_QUERY_MAX) }).tooLong).toBe(false);
    expect(parseSearchParams({ q: "a".repeat(SEARCH_QUERY_MAX + 1) }).tooLong).toBe(true);
  });
});

describe("searchHref", () => {
  it("writes the set parameters only, the words encoded", () => {
    expect(searchHref({ q: "a & b", kind: null, themeSlug: null, councilSlug: null })).toBe("/recherche?q=a+%26+b");
    expect(searchHref({ q: "x", kind: "report", themeSlug: "t", councilSlug: "c", page: 2 })).toBe(
      "/recherche?q=x&type=points-etape&thematique=t&conseil=c&page=2",
    );
  });
});

describe("splitHighlight", () => {
  it("splits on the markers and gives back < and & from their stand-ins", () => {
    expect(splitHighlight("la \uE000parentalité\uE001 et \uE002b> \uE003 co")).toEqual([
      { text: "la ", marked: false },
      { text: "parentalité", marked: true },
      { text: " et <b> & co", marked: false },
    ]);
    expect(splitHighlight("")).toEqual([]);
    expect(splitHighlight("\uE000a\uE001\uE000b\uE001")).toEqual([{ text: "ab", marked: true }]);
  });
});
