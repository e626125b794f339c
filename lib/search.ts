/*
 * The public search's words and rules, shared by the page (app/recherche) and the server
 * (server/search/): what a search address may hold, the kinds of results, and how highlighted
 * text comes back from the database. Browser-safe, no database.
 */

/** Kinds of results, in the order the page groups them. */
export const searchKinds = ["theme", "action", "report", "contribution", "answer", "meeting"] as const;
export type SearchKind = (typeof searchKinds)[number];

export const searchKindLabels: Record<SearchKind, string> = {
  theme: "Thématiques",
  action: "Fiches actions",
  // The fiche pages call them « Points d'étape »: the same words here, where the link leads.
  report: "Points d'étape",
  contribution: "Avis et propositions",
  answer: "Réponses de la Ville",
  meeting: "Réunions publiques",
};

/** The `type` parameter of the address, in French. */
export const searchKindParams: Record<SearchKind, string> = {
  theme: "thematiques",
  action: "fiches",
  report: "points-etape",
  contribution: "avis",
  answer: "reponses",
  meeting: "reunions",
};

/** Only contributions and the City's answers belong to a council: a council filter keeps only them. */
export const councilKinds: readonly SearchKind[] = ["contribution", "answer"];

export const SEARCH_QUERY_MAX = 200;
export const SEARCH_PAGE_SIZE = 20;
/** Contributions and answers are counted up to this many (« plus de 1 000 »): counting 100,000 matches costs more than the page. */
export const SEARCH_COUNT_CAP = 1000;

export interface SearchRequest {
  /** The words as typed, cleaned of what the database cannot store (control characters, broken UTF-16). */
  q: string;
  kind: SearchKind | null;
  themeSlug: string | null;
  councilSlug: string | null;
  page: number;
  /** Set when the words are longer than SEARCH_QUERY_MAX: nothing is searched, the page says why. */
  tooLong: boolean;
}

export type RawParams = Record<string, string | string[] | undefined>;

/** A GET parameter's first value (repeated parameters: the first wins), or "". */
export const first = (value: string | string[] | undefined): string => (Array.isArray(value) ? (value[0] ?? "") : (value ?? ""));

/** A slug as the site writes them: anything else is no filter (never an error). */
export const slugOrNull = (raw: string) => (/^[a-z0-9][a-z0-9-]{0,119}$/.test(raw) ? raw : null);

/**
 * The search address's parameters (`q`, `type`, `thematique`, `conseil`, `page`), whatever they
 * hold: repeated, empty, absurd — never an error. Control characters (U+0000 is refused by
 * PostgreSQL) and the private-use characters the highlight uses as markers become spaces.
 */
export function parseSearchParams(params: RawParams): SearchRequest {
  const q = first(params.q)
    .toWellFormed()
    .replace(/[\p{Cc}\uE000-\uE0FF]/gu, " ")
    .replace(/\s+/g, " ")
    .trim();
  const kindParam = first(params.type);
  const kind = searchKinds.find((k) => searchKindParams[k] === kindParam) ?? null;
  const rawPage = first(params.page);
  const page = /^[1-9]\d{0,3}$/.test(rawPage) ? Number(rawPage) : 1;
  return {
    q,
    kind,
    themeSlug: slugOrNull(first(params.thematique)),
    councilSlug: slugOrNull(first(params.conseil)),
    page,
    tooLong: [...q].length > SEARCH_QUERY_MAX,
  };
}

/** The address of a search, with the parameters that are set (page 1 is left out). */
export function searchHref(request: Pick<SearchRequest, "q" | "kind" | "themeSlug" | "councilSlug"> & { page?: number }): string {
  const params = new URLSearchParams();
  params.set("q", request.q);
  if (request.kind) params.set("type", searchKindParams[request.kind]);
  if (request.themeSlug) params.set("thematique", request.themeSlug);
  if (request.councilSlug) params.set("conseil", request.councilSlug);
  if (request.page && request.page > 1) params.set("page", String(request.page));
  return `/recherche?${params.toString()}`;
}

/*
 * Highlighting: `ts_headline` marks the matched words with StartSel / StopSel. They are private-use
 * characters (removed from the searched text and from the query first), never HTML: the page
 * splits on them and renders <mark> elements, and React escapes everything else. `<` and `&` are
 * swapped for two other private-use characters before ts_headline (its parser drops what looks like
 * an HTML tag or entity) and swapped back here, so « <b> » typed in a contribution shows as typed.
 */
export const HIGHLIGHT_START = "\uE000";
export const HIGHLIGHT_STOP = "\uE001";
export const LESS_THAN_STAND_IN = "\uE002";
export const AMPERSAND_STAND_IN = "\uE003";

export interface HighlightPart {
  text: string;
  marked: boolean;
}

/** A highlighted text from the database, as plain parts: marked (a matched word) or not. */
export function splitHighlight(raw: string): HighlightPart[] {
  const text = raw.replaceAll(LESS_THAN_STAND_IN, "<").replaceAll(AMPERSAND_STAND_IN, "&");
  const parts: HighlightPart[] = [];
  let marked = false;
  for (const piece of text.split(/([\uE000\uE001])/)) {
    if (piece === HIGHLIGHT_START) marked = true;
    else if (piece === HIGHLIGHT_STOP) marked = false;
    else if (piece !== "") {
      const last = parts.at(-1);
      if (last && last.marked === marked) last.text += piece;
      else parts.push({ text: piece, marked });
    }
  }
  return parts;
}
