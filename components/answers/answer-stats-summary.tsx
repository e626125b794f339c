import { formatDelayDays, type AnswerStats } from "@/lib/answer-stats";
import { pluralize } from "@/lib/labels";

/**
 * « 3 répondues, 2 en attente, 1 en retard ; délai médian de réponse : 12 jours » — the City's
 * commitment to answer each published proposal, in figures.
 */
export function AnswerStatsSummary({ stats, className = "" }: { stats: AnswerStats; className?: string }) {
  const total = stats.answered + stats.waiting + stats.late;
  return (
    <div className={className}>
      <p>
        {total === 0 ? (
          "Aucune proposition publiée n'attend encore de réponse de la Ville."
        ) : (
          <>
            <strong>Réponses de la Ville aux propositions :</strong> {pluralize(stats.answered, "répondue", "répondues")}, {stats.waiting}{" "}
            en attente, {stats.late} en retard ; délai médian de réponse :{" "}
            {stats.medianDays === null ? "pas encore de réponse" : formatDelayDays(stats.medianDays)}.
          </>
        )}
      </p>
    </div>
  );
}
