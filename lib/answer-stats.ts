/*
 * The City's commitment to answer every proposal, in figures: how many published proposals are
 * answered, waiting (no answer, due date not passed) or late (no answer, due date passed), and the
 * median time to the first answer. The database computes them (server/plan/load-tallies.ts,
 * server/dashboard/load-dashboard.ts); this is their shape and their wording.
 */

export interface AnswerStats {
  answered: number;
  waiting: number;
  late: number;
  /** Median time from publication to the first answer, in days; null when nothing is answered yet. */
  medianDays: number | null;
}

/** « 3 jours », « moins d'un jour » — whole days, rounded. */
export function formatDelayDays(days: number): string {
  const rounded = Math.round(days);
  if (rounded < 1) return "moins d'un jour";
  return `${rounded} ${rounded < 2 ? "jour" : "jours"}`;
}
