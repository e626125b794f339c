import type { ReactNode } from "react";
import { DemoMarker } from "@/components/ui/demo-marker";
import { TextLink } from "@/components/ui/text-link";
import { formatDateTime, isoDateTime } from "@/lib/dates";
import type { MeetingListItem } from "@/server/meetings/queries";

/** Meetings as a list of links: title, date and time, place. `hrefOf` says where each one leads. */
export function MeetingList({
  meetings,
  hrefOf,
  extra,
}: {
  meetings: MeetingListItem[];
  hrefOf: (m: MeetingListItem) => string;
  extra?: (m: MeetingListItem) => ReactNode;
}) {
  return (
    <ul className="space-y-4">
      {meetings.map((m) => (
        <li key={m.id} className="rounded-lg border border-slate-300 p-4">
          <p className="text-xl font-bold">
            <TextLink href={hrefOf(m)}>{m.title}</TextLink>
          </p>
          <p className="mt-1">
            <time dateTime={isoDateTime(m.startsAt)}>{formatDateTime(m.startsAt)}</time> — {m.place}
          </p>
          {m.isDemo ? (
            <p className="mt-2">
              <DemoMarker label="Démonstration" />
            </p>
          ) : null}
          {extra?.(m)}
        </li>
      ))}
    </ul>
  );
}
