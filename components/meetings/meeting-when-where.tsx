import { formatDateTime, isoDateTime } from "@/lib/dates";

/** When and where a public meeting takes place, as a definition list. */
export function MeetingWhenWhere({ startsAt, place, className = "" }: { startsAt: Date; place: string; className?: string }) {
  return (
    <dl className={`grid gap-x-4 gap-y-1 sm:grid-cols-[auto_1fr] ${className}`}>
      <dt className="font-semibold">Date</dt>
      <dd>
        <time dateTime={isoDateTime(startsAt)}>{formatDateTime(startsAt)}</time>
      </dd>
      <dt className="font-semibold">Lieu</dt>
      <dd>{place}</dd>
    </dl>
  );
}
