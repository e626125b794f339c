import { actionStatuses, type ActionStatus } from "./labels";

/**
 * The roll-up rule, written on the pages too: a theme's progress is the average of the progress of
 * its fiches that have one; the plan's is the average of its themes' progress. A fiche or theme with
 * no measured progress is left out rather than counted as 0. Rounded to the nearest whole percent.
 */
export const ROLLUP_RULE =
  "L'avancement d'une thématique est la moyenne de l'avancement de ses fiches actions qui en ont un ; celui du plan est la moyenne de ses thématiques. Une fiche sans avancement renseigné n'est pas comptée comme 0 : elle est laissée de côté.";

export function averageProgress(values: readonly (number | null)[]): number | null {
  const known = values.filter((v): v is number => v !== null);
  if (known.length === 0) return null;
  return Math.round(known.reduce((sum, v) => sum + v, 0) / known.length);
}

export type StatusCounts = Record<ActionStatus | "unknown", number>;

export function countByStatus(items: readonly { status: ActionStatus | null }[]): StatusCounts {
  const counts = Object.fromEntries([...actionStatuses, "unknown"].map((s) => [s, 0])) as StatusCounts;
  for (const item of items) counts[item.status ?? "unknown"] += 1;
  return counts;
}
