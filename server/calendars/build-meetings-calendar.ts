import "server-only";
import type { Db } from "@/db/client";
import { MEETINGS_CALENDAR_PATH } from "@/lib/feeds";
import { icsCalendar } from "@/lib/ical";
import { siteNameOf } from "@/lib/city-identity";
import { getCityIdentity } from "@/server/settings/platform-settings";
import { loadCalendarMeetings } from "./load-calendar-meetings";
import { meetingEvent } from "./meeting-event";

/** Every public meeting (the latest CALENDAR_EVENT_LIMIT): /reunions.ics, to subscribe to. */
export async function buildMeetingsCalendar(db: Db, origin: string): Promise<string> {
  const [meetings, identity] = await Promise.all([loadCalendarMeetings(db), getCityIdentity(db)]);
  const siteName = siteNameOf(identity);
  return icsCalendar({
    name: `Réunions publiques — ${siteName}`,
    description: `Les réunions publiques — ${siteName} : ${origin}/reunions (calendrier : ${origin}${MEETINGS_CALENDAR_PATH}).`,
    events: meetings.map((m) => meetingEvent(m, origin, siteName)),
  });
}
