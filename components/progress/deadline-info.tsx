import { labelGivesDate, type DeadlineView } from "@/lib/deadlines";
import { formatDay } from "@/lib/dates";
import { LATE_DEADLINE_LABEL } from "@/lib/labels";
import { timeframeText } from "@/lib/plan-text";
import type { DeadlineChangeView } from "@/server/plan/types";

/** « Échéance dépassée »: words and an icon, never a colour alone. */
export function LateBadge() {
  return (
    <span className="inline-flex items-center gap-1 rounded-full border-2 border-red-800 bg-red-50 px-2 py-0.5 text-base font-semibold text-red-900">
      <svg aria-hidden="true" focusable="false" viewBox="0 0 24 24" className="h-4 w-4" fill="none" stroke="currentColor" strokeWidth="2.5">
        <circle cx="12" cy="12" r="9" />
        <path d="M12 7v5l3 3" strokeLinecap="round" />
      </svg>
      {LATE_DEADLINE_LABEL}
    </span>
  );
}

/** « (jusqu'au 30 juin 2027) » after a deadline's words, unless the words already say it. */
export function UntilDate({ label, date }: { label: string | null; date: string | null }) {
  if (date === null || labelGivesDate(label, date)) return null;
  return (
    <>
      {" "}
      (jusqu&apos;au <time dateTime={date}>{formatDay(date)}</time>)
    </>
  );
}

/**
 * The fiche's deadline: the source's words while unchanged; once changed, the current one (with
 * its date) and the original one. « Échéance dépassée » when past the current deadline and not done.
 */
export function DeadlineInfo({ deadline }: { deadline: DeadlineView }) {
  return (
    <div className="space-y-1">
      <p className="flex flex-wrap items-center gap-x-3 gap-y-1">
        {deadline.changed ? (
          <span>
            <span className="font-semibold">Échéance actuelle :</span> {deadline.currentLabel}
            <UntilDate label={deadline.currentLabel} date={deadline.currentDeadline} />
          </span>
        ) : (
          <span>{timeframeText(deadline.originalLabel)}</span>
        )}
        {deadline.late ? <LateBadge /> : null}
      </p>
      {deadline.changed ? (
        <p className="text-slate-800">
          <span className="font-semibold">Échéance initiale :</span> {deadline.originalLabel ?? "non précisée par la source"}
        </p>
      ) : null}
    </div>
  );
}

/** Every change of the deadline, newest first, with its reason. Plain text. */
export function DeadlineHistory({ changes }: { changes: DeadlineChangeView[] }) {
  if (changes.length === 0) return null;
  return (
    <div className="mt-3">
      <p className="font-semibold">Changements d&apos;échéance</p>
      <ol className="mt-1 space-y-2 border-l-4 border-slate-300 pl-4">
        {changes.map((c) => (
          <li key={c.id}>
            <p>
              Le <time dateTime={c.createdAt.toISOString()}>{formatDay(c.createdAt.toISOString().slice(0, 10))}</time> : de «&nbsp;
              {c.previousLabel ?? "non précisée"}&nbsp;» à «&nbsp;{c.newLabel}&nbsp;»
              <UntilDate label={c.newLabel} date={c.newDeadline} />.
            </p>
            <p className="whitespace-pre-line text-slate-800">Raison : {c.reason}</p>
          </li>
        ))}
      </ol>
    </div>
  );
}
