import "server-only";
import { asc, desc, eq, inArray } from "drizzle-orm";
import type { Db } from "@/db/client";
import { meetingAgendaItems, meetings } from "@/db/schema";
import { CALENDAR_EVENT_LIMIT } from "@/lib/feeds";
import { listColumns, toListItem, type MeetingListItem } from "@/server/meetings/queries";

export interface CalendarMeeting extends MeetingListItem {
  /** The agenda's labels, in order: never the presenter's notes. */
  agenda: string[];
}

/**
 * Public meetings for the calendars: one (`slug`), or the latest CALENDAR_EVENT_LIMIT by date (the
 * coming ones first to go in). Their public fields, the same as their pages', and their agenda's
 * labels. Two queries.
 */
export async function loadCalendarMeetings(db: Db, slug?: string): Promise<CalendarMeeting[]> {
  const rows = await db
    .select(listColumns)
    .from(meetings)
    .where(slug === undefined ? undefined : eq(meetings.slug, slug))
    .orderBy(desc(meetings.startsAt), desc(meetings.id))
    .limit(CALENDAR_EVENT_LIMIT);
  const ids = rows.map((r) => r.id);
  if (ids.length === 0) return [];
  const agenda = await db
    .select({ meetingId: meetingAgendaItems.meetingId, label: meetingAgendaItems.label })
    .from(meetingAgendaItems)
    .where(inArray(meetingAgendaItems.meetingId, ids))
    .orderBy(asc(meetingAgendaItems.meetingId), asc(meetingAgendaItems.position));
  return rows.map((row) => ({
    ...toListItem(row),
    agenda: agenda.filter((a) => a.meetingId === row.id).map((a) => a.label),
  }));
}
