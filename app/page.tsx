import type { Metadata } from "next";
import { getPlanOverview } from "@/server/plan/load-plan-overview";
import { DEADLINES_CALENDAR_PATH, MEETINGS_CALENDAR_PATH, PLAN_FEED_PATH } from "@/lib/feeds";
import { siteDescriptionOf, siteNameOf } from "@/lib/city-identity";
import { pageMetadata } from "@/lib/page-metadata";
import { loadCityIdentity } from "@/server/settings/city-identity";
import { pluralize } from "@/lib/labels";
import { PLAN_PATH } from "@/lib/plan-filter";
import { SEARCH_QUERY_MAX } from "@/lib/search";
import { buttonClass, inputClass } from "@/components/form/field";
import { Container } from "@/components/ui/container";
import { PageHeading } from "@/components/ui/page-heading";
import { Section } from "@/components/ui/section";
import { TextLink } from "@/components/ui/text-link";
import { NextMeeting } from "@/components/plan/next-meeting";
import { cityDay, formatDay } from "@/lib/dates";
import { PlanUnavailable } from "@/components/plan/plan-unavailable";
import { ThemeTile } from "@/components/plan/theme-tile";

/* Served from cache; refreshed when the plan changes (server/cache.ts) and at least hourly. */
export const revalidate = 3600;

export async function generateMetadata(): Promise<Metadata> {
  const identity = await loadCityIdentity();
  return pageMetadata(
    {
      title: siteNameOf(identity),
      absoluteTitle: true,
      description: siteDescriptionOf(identity),
      path: "/",
      feeds: [{ path: PLAN_FEED_PATH, title: "Les nouveautés du projet social communal" }],
      calendars: [
        { path: DEADLINES_CALENDAR_PATH, title: "Les échéances des fiches actions" },
        { path: MEETINGS_CALENDAR_PATH, title: "Les réunions publiques" },
      ],
    },
    siteNameOf(identity),
  );
}

/*
 * The home page answers « what is this and where do I go » on a phone's first screen: what the
 * site is in one sentence, a search, a few figures, then the themes (each a tap from its fiches)
 * and the next meeting — three phone screens at most (e2e/public/home.spec.ts measures it). The
 * whole list of fiches, the plan's progress and deadlines are on « Le plan » (/plan).
 */
export default async function HomePage() {
  const [overview, identity] = await Promise.all([getPlanOverview(), loadCityIdentity()]);
  if (!overview) return <PlanUnavailable />;
  const { plan, themes, statusCounts, contributionCounts } = overview;
  const period = `${plan.periodStartYear}–${plan.periodEndYear}`;
  const today = cityDay(new Date());
  const published = contributionCounts.feedback + contributionCounts.proposals;
  const figures: [number, string][] = [
    [overview.actionCount, overview.actionCount < 2 ? "fiche action" : "fiches actions"],
    [statusCounts.in_progress, "en cours"],
    [statusCounts.done, statusCounts.done < 2 ? "réalisée" : "réalisées"],
    [published, published < 2 ? "avis ou proposition" : "avis et propositions"],
  ];

  return (
    <Container wide>
      <div className="grid gap-x-12 gap-y-4 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)] lg:items-center">
        <div>
          <PageHeading
            kicker={`${identity.cityName} · ${period}`}
            title={plan.title}
            lead={
              <p>
                Les engagements sociaux de la Ville : où en est chaque action, ce qu&apos;en disent les conseils de quartier et ce que la
                Ville leur répond.
              </p>
            }
          />
          <form method="get" action="/recherche" role="search" aria-label="Rechercher dans le plan" className="-mt-2">
            <label htmlFor="recherche-accueil" className="font-semibold">
              Rechercher une fiche, un mot
            </label>
            <div className="mt-1 flex gap-2">
              <input
                id="recherche-accueil"
                name="q"
                type="search"
                maxLength={SEARCH_QUERY_MAX}
                autoComplete="off"
                className={`${inputClass} min-w-0 flex-1`}
              />
              <button type="submit" className={buttonClass}>
                Rechercher
              </button>
            </div>
          </form>
        </div>

        <section aria-labelledby="chiffres-cles">
          <h2 id="chiffres-cles" className="sr-only">
            Le plan en chiffres
          </h2>
          <ul className="grid grid-cols-2 gap-2 sm:gap-3">
            {figures.map(([value, label]) => (
              <li key={label} className="rounded-md border border-slate-300 bg-slate-50 px-3 py-1.5 leading-snug sm:px-4 sm:py-3">
                <strong className="block text-2xl leading-tight font-bold text-blue-900 sm:text-3xl">{value}</strong>
                <span className="text-base text-slate-800">{label}</span>
              </li>
            ))}
          </ul>
          {/* The page's freshness (PageFreshness elsewhere), said where it matters here: the figures. */}
          <p className="mt-2 text-base text-slate-700">
            Chiffres du <time dateTime={today}>{formatDay(today)}</time>.
          </p>
        </section>
      </div>

      <Section id="thematiques" title={`Les ${pluralize(themes.length, "thématique", "thématiques")}`} className="mt-8! sm:mt-12!">
        <ul className="grid grid-cols-[minmax(0,1fr)] gap-2 sm:grid-cols-[repeat(2,minmax(0,1fr))] sm:gap-3 lg:grid-cols-[repeat(3,minmax(0,1fr))]">
          {themes.map((theme) => (
            <ThemeTile key={theme.slug} theme={theme} />
          ))}
        </ul>
        <p className="mt-3 flex flex-wrap items-center gap-x-5 gap-y-1">
          <a href={PLAN_PATH} className={buttonClass}>
            Le plan : toutes les fiches
          </a>
          {/* The feeds of the head's <link rel="alternate">, visible for people (issue 13); one short line. */}
          <span>
            Suivre :{" "}
            <TextLink href={PLAN_FEED_PATH} type="application/atom+xml">
              les nouveautés<span className="sr-only"> du plan (flux Atom)</span>
            </TextLink>
            ,{" "}
            <TextLink href={DEADLINES_CALENDAR_PATH} type="text/calendar">
              les échéances<span className="sr-only"> des fiches (fichier d&apos;agenda)</span>
            </TextLink>
          </span>
        </p>
      </Section>

      {overview.nextMeeting ? (
        <Section id="prochaine-reunion" title="Prochaine réunion" className="mt-8! max-w-3xl sm:mt-12!">
          <NextMeeting meeting={overview.nextMeeting} />
        </Section>
      ) : null}
    </Container>
  );
}
