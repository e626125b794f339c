import { contributionCountText } from "@/components/contributions/published-contributions";
import type { ContributionCounts as Counts } from "@/server/plan/types";

/** « Conseils de quartier : 2 avis, 1 proposition » under a fiche in the lists (published items only). */
export function ContributionCounts({ counts }: { counts: Counts }) {
  return <p className="mt-2 text-base text-slate-800">Conseils de quartier : {contributionCountText(counts)}</p>;
}
