import { siteOrigin } from "@/lib/env";
import { ICS_CONTENT_TYPE } from "@/lib/ical";
import { buildDeadlinesCalendar } from "@/server/calendars/build-deadlines-calendar";
import { getDb } from "@/server/db";
import { documentResponse } from "@/server/http/document-response";

/* The fiches' deadlines as a calendar (docs/decisions/0015): cached, refreshed by every change of a fiche. */
export const revalidate = 3600;

export async function GET(): Promise<Response> {
  return documentResponse(await buildDeadlinesCalendar(await getDb(), siteOrigin()), ICS_CONTENT_TYPE);
}
