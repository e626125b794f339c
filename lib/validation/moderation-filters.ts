import { z } from "zod";
import { pageNumber, queryId, slug } from "./fields";

/*
 * The filters of the moderation lists, read from the address (a GET form, a page link): anything
 * odd is simply no filter. `/moderation?conseil=2147483648` lists everything; the number never
 * reaches the database (an `integer` column would refuse it).
 */
export const moderationFiltersSchema = z.object({
  conseil: queryId(),
  fiche: slug().nullable().catch(null),
  type: z.enum(["avis", "proposition"]).nullable().catch(null),
  page: pageNumber(),
  /** The queue's keyset cursor: the items after this one. */
  apres: queryId(),
});

const kinds = { avis: "feedback", proposition: "proposal" } as const;

export interface ModerationFilters {
  councilId?: number;
  actionSlug?: string;
  kind?: "feedback" | "proposal";
}

/** The filters of a moderation list, the same filters as a query string (without the page), the page or the cursor. */
export function readModerationFilters(query: Record<string, unknown>): {
  filters: ModerationFilters;
  filterQuery: string;
  page: number;
  after: number | null;
  any: boolean;
} {
  const q = moderationFiltersSchema.parse(query);
  const filters: ModerationFilters = {
    councilId: q.conseil ?? undefined,
    actionSlug: q.fiche ?? undefined,
    kind: q.type ? kinds[q.type] : undefined,
  };
  const params = new URLSearchParams();
  if (q.conseil) params.set("conseil", String(q.conseil));
  if (q.fiche) params.set("fiche", q.fiche);
  if (q.type) params.set("type", q.type);
  return { filters, filterQuery: params.toString(), page: q.page, after: q.apres, any: Boolean(q.conseil || q.fiche || q.type) };
}

/**
 * The hidden field of a moderation form that says where to come back: the list's filters and page (or cursor),
 * rebuilt from the rules above (never passed on as sent). Absent: no filter.
 */
export const returnFilters = () =>
  z
    .preprocess((value) => (typeof value === "string" ? value.slice(0, 1000) : ""), z.string())
    .transform((raw) => {
      const { filterQuery, page, after } = readModerationFilters(Object.fromEntries(new URLSearchParams(raw)));
      const params = new URLSearchParams(filterQuery);
      if (page > 1) params.set("page", String(page));
      if (after) params.set("apres", String(after));
      return params.toString();
    })
    .optional();
