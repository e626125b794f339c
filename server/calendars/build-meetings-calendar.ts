import "server-only";
import type { Db } from "@/db/client";
import { MEETINGS_CALENDAR_PATH } from "@/lib/feeds";
import { icsCalendar } from "@/lib/ical";
import { SITE_NAME } from "@/lib/page-metadata";
import { loadCalendarMeetings } from "./load-calendar-meetings";
import { meetingEvent } from "./meeting-event";

/** Every public meeting (the latest CALENDAR_EVENT_LIMIT): /reunions.ics, to subscribe to. */
export async function buildMeetingsCalendar(db: Db, origin: string): Promise<string> {
  const meetings = await loadCalendarMeetings(db);
  return icsCalendar({
    name: `Réunions publiques — ${SITE_NAME}`,
    description: `Les réunions publiques du ${SITE_NAME} : ${origin}/reunions (calendrier : ${origin}${MEETINGS_CALENDAR_PATH}).`,
    events: meetings.map((m) => meetingEvent(m, origin)),
  });
}
