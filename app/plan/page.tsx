import type { Metadata } from "next";
import { DEADLINES_CALENDAR_PATH, PLAN_FEED_PATH } from "@/lib/feeds";
import { publicPageMetadata } from "@/server/settings/city-identity";
import { PLAN_PATH } from "@/lib/plan-filter";
import { PlanPage } from "@/components/plan/plan-page";

/*
 * « Le plan »: every fiche, unfiltered. It reads no address (the filters go to /plan/filtre), so it
 * is served from cache and refreshed with the home page when a fiche or a contribution changes
 * (server/public-paths.ts), and at least hourly.
 */
export const revalidate = 3600;

export const generateMetadata = (): Promise<Metadata> =>
  publicPageMetadata({
    title: "Le plan : toutes les fiches actions",
    description: (site) => `Toutes les fiches actions, par thématique, avec leur statut, leur échéance et leur avancement — ${site}.`,
    path: PLAN_PATH,
    feeds: [{ path: PLAN_FEED_PATH, title: "Les nouveautés du projet social communal" }],
    calendars: [{ path: DEADLINES_CALENDAR_PATH, title: "Les échéances des fiches actions" }],
  });

export default function PlanListPage() {
  return <PlanPage filter={{ themeSlug: null, status: null }} />;
}
