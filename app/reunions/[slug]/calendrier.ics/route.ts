import { siteOrigin } from "@/lib/env";
import { ICS_CONTENT_TYPE } from "@/lib/ical";
import { buildMeetingCalendar } from "@/server/calendars/build-meeting-calendar";
import { getDb } from "@/server/db";
import { documentResponse } from "@/server/http/document-response";

/*
 * One meeting as a calendar file, behind « Ajouter à mon agenda » on its page (docs/decisions/0015):
 * rendered on its first request, then cached and refreshed with the meeting's page.
 */
export function generateStaticParams() {
  return [];
}

export const revalidate = 3600;

export async function GET(_request: Request, { params }: { params: Promise<{ slug: string }> }): Promise<Response> {
  const { slug } = await params;
  return documentResponse(await buildMeetingCalendar(await getDb(), slug, siteOrigin()), ICS_CONTENT_TYPE, {
    // Downloaded as a file named after the meeting, which the phone or the computer opens in its calendar.
    "Content-Disposition": `attachment; filename="reunion-${slug.replace(/[^a-z0-9-]/gi, "")}.ics"`,
  });
}
