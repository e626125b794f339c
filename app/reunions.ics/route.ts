import { siteOrigin } from "@/lib/env";
import { ICS_CONTENT_TYPE } from "@/lib/ical";
import { buildMeetingsCalendar } from "@/server/calendars/build-meetings-calendar";
import { getDb } from "@/server/db";
import { documentResponse } from "@/server/http/document-response";

/* The public meetings as a calendar to subscribe to (docs/decisions/0015): cached, refreshed with the meetings' pages. */
export const revalidate = 3600;

export async function GET(): Promise<Response> {
  return documentResponse(await buildMeetingsCalendar(await getDb(), siteOrigin()), ICS_CONTENT_TYPE);
}
