/*
 * The City's commitment to answer every proposal, in figures: how many published proposals are
 * answered, waiting (no answer, due date not passed) or late (no answer, due date passed), and the
 * median time to the first answer. Pure: the server loads the rows, this computes.
 */

export interface AnswerStats {
  answered: number;
  waiting: number;
  late: number;
  /** Median time from publication to the first answer, in days; null when nothing is answered yet. */
  medianDays: number | null;
}

export const emptyAnswerStats: AnswerStats = { answered: 0, waiting: 0, late: 0, medianDays: null };

/** The median of some numbers (the mean of the two middle ones for an even count); null if none. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** Per-fiche figures as the database gives them: counts, and the delays (days) of answered proposals. */
export interface AnswerTally {
  answered: number;
  waiting: number;
  late: number;
  /** Days from publication to the first answer, one per answered proposal. */
  delays: readonly number[];
}

/** Adds up the tallies of several fiches (or of one) into public figures. */
export function answerStatsOf(tallies: Iterable<AnswerTally>): AnswerStats {
  const total = { answered: 0, waiting: 0, late: 0 };
  const delays: number[] = [];
  for (const t of tallies) {
    total.answered += t.answered;
    total.waiting += t.waiting;
    total.late += t.late;
    delays.push(...t.delays);
  }
  return { ...total, medianDays: median(delays) };
}

/** « 3 jours », « moins d'un jour » — whole days, rounded. */
export function formatDelayDays(days: number): string {
  const rounded = Math.round(days);
  if (rounded < 1) return "moins d'un jour";
  return `${rounded} ${rounded < 2 ? "jour" : "jours"}`;
}
