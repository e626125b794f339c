import "server-only";
import type { Db } from "@/db/client";
import { siteNameOf } from "@/lib/city-identity";
import { icsCalendar } from "@/lib/ical";
import { getCityIdentity } from "@/server/settings/platform-settings";
import { loadCalendarMeetings } from "./load-calendar-meetings";
import { meetingEvent } from "./meeting-event";

/** One meeting, for « Ajouter à mon agenda » on its page; null when there is none. */
export async function buildMeetingCalendar(db: Db, slug: string, origin: string): Promise<string | null> {
  const [[meeting], identity] = await Promise.all([loadCalendarMeetings(db, slug), getCityIdentity(db)]);
  if (!meeting) return null;
  return icsCalendar({ name: meeting.title, events: [meetingEvent(meeting, origin, siteNameOf(identity))] });
}
