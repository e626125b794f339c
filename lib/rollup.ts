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

/** How many of the fiches behind a roll-up have a progress figure. */
export interface Coverage {
  measured: number;
  total: number;
}

export function coverageOf(values: readonly (number | null)[]): Coverage {
  return { measured: values.filter((v) => v !== null).length, total: values.length };
}

/**
 * A roll-up is drawn as a bar only when at least half of its fiches have a figure: « Ensemble du
 * plan : 60 % » with a full bar when 1 fiche out of 14 is measured reads as the plan's state.
 */
export function isRepresentative(coverage: Coverage): boolean {
  return coverage.measured > 0 && coverage.measured * 2 >= coverage.total;
}

/** « 1 fiche sur 14 renseignée », « 3 fiches sur 14 renseignées », « les 4 fiches renseignées ». */
export function coverageText({ measured, total }: Coverage): string {
  if (measured === total) return total === 1 ? "la fiche renseignée" : `les ${total} fiches renseignées`;
  return measured < 2 ? `${measured} fiche sur ${total} renseignée` : `${measured} fiches sur ${total} renseignées`;
}
