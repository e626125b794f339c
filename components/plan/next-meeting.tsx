import type { MeetingSummary } from "@/server/plan/load-plan-overview";
import { MeetingWhenWhere } from "@/components/meetings/meeting-when-where";
import { DemoMarker } from "@/components/ui/demo-marker";

/** The next public meeting: when, where, what will be presented (folded). Demo meetings say so first. */
export function NextMeeting({ meeting }: { meeting: MeetingSummary }) {
  return (
    <div
      className={`rounded-lg border-2 p-4 sm:p-6 ${meeting.isDemo ? "border-dashed border-amber-800 bg-amber-50" : "border-blue-800 bg-blue-50"}`}
    >
      {meeting.isDemo ? (
        <p className="mb-3 flex flex-wrap items-center gap-2">
          <DemoMarker label="Démonstration" />
          <span className="text-base text-slate-900">Exemple de démonstration : ce n&apos;est pas un vrai rendez-vous.</span>
        </p>
      ) : null}
      <h3 className="text-xl leading-snug font-bold text-slate-900">
        <a href={`/reunions/${meeting.slug}`} className="text-blue-900 underline decoration-1 underline-offset-4 hover:decoration-2">
          {meeting.title}
        </a>
      </h3>
      <MeetingWhenWhere startsAt={meeting.startsAt} place={meeting.place} className="mt-3" />
      {meeting.agenda.length > 0 ? (
        // Folded (a <details>, no JavaScript needed): the home page stays short; one tap opens it.
        <details className="mt-3">
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
