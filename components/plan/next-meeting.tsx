import type { MeetingSummary } from "@/server/plan/load-plan-overview";
import { formatDateTime, isoDateTime } from "@/lib/dates";
import { DemoMarker } from "@/components/ui/demo-marker";

/** The next public meeting: when, where, what will be presented (folded). Demo meetings say so first. */
export function NextMeeting({ meeting }: { meeting: MeetingSummary }) {
  return (
    <div
      className={`rounded-lg border-2 p-4 sm:p-5 ${meeting.isDemo ? "border-dashed border-amber-800 bg-amber-50" : "border-blue-800 bg-blue-50"}`}
    >
      {meeting.isDemo ? (
        <p className="mb-2 flex flex-wrap items-center gap-2">
          <DemoMarker label="Démonstration" />
          <span className="text-base text-slate-900">Exemple de démonstration : ce n&apos;est pas un vrai rendez-vous.</span>
        </p>
      ) : null}
      <h3 className="text-lg leading-snug font-bold text-slate-900 sm:text-xl">
        <a href={`/reunions/${meeting.slug}`} className="text-blue-900 underline decoration-1 underline-offset-4 hover:decoration-2">
          {meeting.title}
        </a>
      </h3>
      {/* One short paragraph, not MeetingWhenWhere's list: the home page stays within three phone screens. */}
      <p className="mt-1 text-base leading-snug">
        <time dateTime={isoDateTime(meeting.startsAt)}>{formatDateTime(meeting.startsAt)}</time>
        <span className="text-slate-800"> — {meeting.place}</span>
      </p>
      {meeting.agenda.length > 0 ? (
        // Folded (a <details>, no JavaScript needed): the home page stays short; one tap opens it.
        <details className="mt-1">
          <summary className="min-h-11 cursor-pointer py-2 font-bold text-slate-900">
            Ordre du jour ({meeting.agenda.length} {meeting.agenda.length < 2 ? "point" : "points"})
          </summary>
          <ol className="mt-1 list-decimal space-y-1 pl-6">
            {meeting.agenda.map((item) => (
              <li key={item.position}>{item.label}</li>
            ))}
          </ol>
        </details>
      ) : null}
    </div>
  );
}
