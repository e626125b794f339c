import { ContributionText } from "@/components/contributions/contribution-text";
import { cityDay, formatDay } from "@/lib/dates";
import type { AnswerView } from "@/server/plan/select-answers";
import { AnswerStateBadge } from "./answer-state-badge";

/** A day in the City's time zone, machine-readable too: « 26 novembre 2026 ». */
export function Day({ date }: { date: Date }) {
  return <time dateTime={date.toISOString()}>{formatDay(cityDay(date))}</time>;
}

/** The City's answers to one proposal, oldest first: each with its state, text, signature and date. */
export function AnswerHistory({ answers, headingLevel = 4 }: { answers: AnswerView[]; headingLevel?: 3 | 4 }) {
  const Heading = headingLevel === 3 ? "h3" : "h4";
  return (
    <ol className="space-y-3">
      {answers.map((a, i) => (
        <li key={a.id} className="rounded-md border-l-4 border-blue-900 bg-slate-50 p-3 sm:p-4">
          <Heading className="flex flex-wrap items-center gap-x-3 gap-y-1 text-lg font-bold">
            <span>{answers.length > 1 ? `Réponse ${i + 1} de la Ville` : "Réponse de la Ville"}</span>
            <AnswerStateBadge state={a.state} />
          </Heading>
          <ContributionText text={a.body} className="mt-2" />
          <p className="mt-2 text-base text-slate-800">
            — {a.signatureName}
            {a.signatureTitle ? `, ${a.signatureTitle}` : ""}, le <Day date={a.createdAt} />
          </p>
        </li>
      ))}
    </ol>
  );
}
