import type { ReactNode } from "react";
import { DemoMarker } from "@/components/ui/demo-marker";
import { Pagination } from "@/components/ui/pagination";
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

/** Where page n of the past meetings is: the list's own page for the first, then /reunions/passees/<n>. */
export const pastMeetingsHref = (n: number) => (n === 1 ? "/reunions#passees" : `/reunions/passees/${n}`);

/** A page of past meetings (newest first), each with whether its minutes are out, and the links to the other pages. */
export function PastMeetings({ meetings, page, pageCount }: { meetings: MeetingListItem[]; page: number; pageCount: number }) {
  return (
    <>
      {meetings.length > 0 ? (
        <MeetingList
          meetings={meetings}
          hrefOf={(m) => `/reunions/${m.slug}`}
          extra={(m) => <p className="mt-1 text-slate-800">{m.hasMinutes ? "Compte rendu disponible." : "Compte rendu à venir."}</p>}
        />
      ) : (
        <p>Aucune réunion n&apos;a encore eu lieu.</p>
      )}
      <Pagination page={page} pageCount={pageCount} hrefOf={pastMeetingsHref} label="Pages des réunions passées" />
    </>
  );
}
