import { ContributionText } from "@/components/contributions/contribution-text";
import { cityDay, formatDay } from "@/lib/dates";
import type { AnswerView } from "@/server/plan/select-answers";
import { AnswerStateBadge } from "./answer-state-badge";

/** A day in the City's time zone, machine-readable too: « 26 novembre 2026 ». */
export function Day({ date }: { date: Date }) {
  return <time dateTime={date.toISOString()}>{formatDay(cityDay(date))}</time>;
}

function AnswerCard({ answer, label, Heading }: { answer: AnswerView; label: string; Heading: "h3" | "h4" | "h5" }) {
  return (
    <li className="rounded-md border-l-4 border-blue-900 bg-slate-50 p-3 sm:p-4">
      <Heading className="flex flex-wrap items-center gap-x-3 gap-y-1 text-lg font-bold">
        <span>{label}</span>
        <AnswerStateBadge state={answer.state} />
      </Heading>
      <ContributionText text={answer.body} className="mt-2" />
      <p className="mt-2 text-base text-slate-800">
        — {answer.signatureName}
        {answer.signatureTitle ? `, ${answer.signatureTitle}` : ""}, le <Day date={answer.createdAt} />
      </p>
    </li>
  );
}

/**
 * The City's answers to one proposal (given oldest first), shown newest first: the latest is the
 * proposal's current state, so it comes first; the earlier ones are folded under it (<details>,
 * no JavaScript needed), numbered in the order they were given.
 */
export function AnswerHistory({ answers, headingLevel = 4 }: { answers: AnswerView[]; headingLevel?: 3 | 4 }) {
  const Heading = headingLevel === 3 ? "h3" : "h4";
  const latest = answers.at(-1);
  if (!latest) return null;
  const earlier = answers.slice(0, -1).reverse();
  const numbered = answers.length > 1;
  return (
    <div className="space-y-3">
      <ol className="space-y-3">
        <AnswerCard
          answer={latest}
          label={numbered ? `Réponse ${answers.length} de la Ville, la plus récente` : "Réponse de la Ville"}
          Heading={Heading}
        />
      </ol>
      {earlier.length > 0 ? (
        <details className="rounded-md border border-slate-300 p-3">
          <summary className="min-h-11 cursor-pointer py-2 font-semibold text-blue-900 underline">
            {earlier.length === 1 ? "Voir la réponse précédente" : `Voir les ${earlier.length} réponses précédentes`}
          </summary>
          <ol className="mt-3 space-y-3">
            {earlier.map((a) => (
              <AnswerCard
                key={a.id}
                answer={a}
                label={`Réponse ${answers.indexOf(a) + 1} de la Ville`}
                Heading={Heading === "h3" ? "h4" : "h5"}
              />
            ))}
          </ol>
        </details>
      ) : null}
    </div>
  );
}
