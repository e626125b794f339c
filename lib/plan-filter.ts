import { actionStatuses, type ActionStatus } from "./labels";
import { first, slugOrNull, type RawParams } from "./search";

/*
 * « Le plan » (/plan): every fiche, grouped by theme. Its filters are a GET form to /plan/filtre —
 * a separate route so that /plan itself reads no address and stays cached (docs/decisions/0001),
 * while each filtered view is rendered per request. The parameters are French words, and whatever
 * they hold (repeated, empty, unknown) never makes an error: an unknown value means « all ».
 */

export const PLAN_PATH = "/plan";
export const PLAN_FILTER_PATH = "/plan/filtre";

/** A status to filter on, or the fiches whose source gives none. */
export type StatusFilter = ActionStatus | "unknown";

export const statusFilterParams: Record<StatusFilter, string> = {
  planned: "a-venir",
  in_progress: "en-cours",
  done: "realisee",
  suspended: "suspendue",
  unknown: "non-precise",
};

export const statusFilters: readonly StatusFilter[] = [...actionStatuses, "unknown"];

export interface PlanFilter {
  /** A theme's slug (checked against the plan's themes by the page), or null for every theme. */
  themeSlug: string | null;
  status: StatusFilter | null;
}

export function parsePlanFilter(params: RawParams): PlanFilter {
  const status = first(params.statut);
  return {
    themeSlug: slugOrNull(first(params.thematique)),
    status: statusFilters.find((s) => statusFilterParams[s] === status) ?? null,
  };
}

/** The address of a filtered view; no filter at all is the cached /plan. */
export function planFilterHref({ themeSlug, status }: PlanFilter): string {
  const params = new URLSearchParams();
  if (themeSlug) params.set("thematique", themeSlug);
  if (status) params.set("statut", statusFilterParams[status]);
  const query = params.toString();
  return query ? `${PLAN_FILTER_PATH}?${query}` : PLAN_PATH;
}

/** Whether a fiche's status passes the filter (`null`: every status). */
export function matchesStatus(status: ActionStatus | null, filter: StatusFilter | null): boolean {
  return filter === null || (status ?? "unknown") === filter;
}
