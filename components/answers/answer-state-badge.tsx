import { answerStateLabels, type AnswerState } from "@/lib/validation/answer";

const tones: Record<AnswerState, string> = {
  under_review: "border-blue-800 bg-blue-50 text-blue-950",
  accepted: "border-green-800 bg-green-50 text-green-950",
  rejected: "border-red-800 bg-red-50 text-red-950",
  done: "border-green-900 bg-green-100 text-green-950",
};

/** Where the City says a proposal stands, in words (never by colour alone). */
export function AnswerStateBadge({ state }: { state: AnswerState }) {
  return (
    <span className={`inline-flex rounded border-2 px-2 py-0.5 text-base font-semibold ${tones[state]}`}>{answerStateLabels[state]}</span>
  );
}

/** A published proposal the City has not answered yet. */
export function AwaitingAnswerBadge() {
  return (
    <span className="inline-flex rounded border-2 border-dashed border-slate-600 bg-white px-2 py-0.5 text-base font-semibold text-slate-900">
      En attente de réponse
    </span>
  );
}
