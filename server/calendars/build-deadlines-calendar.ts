import "server-only";
import { asc, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { actions } from "@/db/schema";
import { formatDay } from "@/lib/dates";
import { deadlineView } from "@/lib/deadlines";
import { calendarUid, CALENDAR_EVENT_LIMIT } from "@/lib/feeds";
import { icsCalendar, nextDay, type IcsEvent } from "@/lib/ical";
import { statusLabel } from "@/lib/labels";
import { siteNameOf } from "@/lib/city-identity";
import { getCityIdentity } from "@/server/settings/platform-settings";
import { actionSummaryColumns } from "@/server/plan/columns";
import { publicPlanId } from "@/server/plan/load-plan";

/**
 * The fiches' current deadlines as all-day events (/echeances.ics). « En retard » is left out: it
 * depends on the day the calendar is read, and the fiche's page says it.
 */
export async function buildDeadlinesCalendar(db: Db, origin: string): Promise<string> {
  const rows = await db
    .select({ ...actionSummaryColumns, updatedAt: actions.updatedAt })
    .from(actions)
    // The current plan's fiches: an earlier plan's deadlines are over, a draft's not public (decision 0027).
    .where(eq(actions.planId, publicPlanId))
    .orderBy(asc(actions.id))
    .limit(CALENDAR_EVENT_LIMIT);
  const events: IcsEvent[] = [];
  for (const action of rows) {
    // The day does not matter here: `late` is not used.
    const deadline = deadlineView(action, "0000-01-01");
    if (!deadline.currentDeadline) continue;
    const url = `${origin}/fiches/${action.slug}`;
    events.push({
      uid: calendarUid(origin, `echeance-${action.id}`),
      stamp: action.updatedAt,
      start: { date: deadline.currentDeadline },
      end: { date: nextDay(deadline.currentDeadline) },
      summary: `Échéance : ${action.title}`,
      description: [
        `Fiche action « ${action.title} » : échéance ${deadline.currentLabel ? `« ${deadline.currentLabel} » ` : ""}(jusqu'au ${formatDay(deadline.currentDeadline)}).`,
        ...(deadline.changed && deadline.originalDeadline
          ? [
              `Échéance d'origine : ${deadline.originalLabel ? `« ${deadline.originalLabel} » ` : ""}(${formatDay(deadline.originalDeadline)}).`,
            ]
          : []),
        `Statut : ${statusLabel(action.status)}.`,
        "",
        url,
      ].join("\n"),
      url,
      transparent: true,
    });
  }
  const siteName = siteNameOf(await getCityIdentity(db));
  return icsCalendar({
    name: `Échéances des fiches actions — ${siteName}`,
    description: `Les échéances des fiches actions — ${siteName}, telles que la Ville les a fixées ou changées : ${origin}/`,
    events,
  });
}
