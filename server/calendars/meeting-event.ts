import "server-only";
import { formatDateTime } from "@/lib/dates";
import { calendarUid } from "@/lib/feeds";
import type { IcsEvent } from "@/lib/ical";
import type { CalendarMeeting } from "./load-calendar-meetings";

/*
 * A public meeting as a calendar event, for the calendar of all meetings and for the one-meeting
 * file (docs/decisions/0015). Its fields are its page's: title, date, place, the agenda's labels.
 */

/**
 * A meeting has a start and no announced end: calendars need one, so the event lasts this long and
 * its description says the end was not announced.
 */
export const MEETING_HOURS = 2;

/** `siteName`: the City's site, from the settings (lib/city-identity.ts `siteNameOf`). */
export function meetingEvent(meeting: CalendarMeeting, origin: string, siteName: string): IcsEvent {
  const url = `${origin}/reunions/${meeting.slug}`;
  const agenda = meeting.agenda.length ? ["Ordre du jour :", ...meeting.agenda.map((label, i) => `${i + 1}. ${label}`)] : [];
  return {
    uid: calendarUid(origin, `reunion-${meeting.id}`),
    stamp: meeting.updatedAt,
    start: { dateTime: meeting.startsAt },
    end: { dateTime: new Date(meeting.startsAt.getTime() + MEETING_HOURS * 3_600_000) },
    // Marked as on its page; the demo seed's title already says so.
    summary: `${meeting.title}${meeting.isDemo && !/démonstration/i.test(meeting.title) ? " (démonstration)" : ""}`,
    location: meeting.place,
    description: [
      ...(meeting.isDemo ? ["Exemple de démonstration : ce n'est pas un vrai rendez-vous.", ""] : []),
      `Réunion publique — ${siteName}, le ${formatDateTime(meeting.startsAt)}.`,
      `L'heure de fin n'est pas annoncée : l'événement est inscrit pour ${MEETING_HOURS} heures.`,
      ...(agenda.length ? ["", ...agenda] : []),
      "",
      `Ordre du jour et compte rendu : ${url}`,
    ].join("\n"),
    url,
  };
}
