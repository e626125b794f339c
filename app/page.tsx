import type { Metadata } from "next";
import { getPlanOverview, UPCOMING_DEADLINE_MONTHS } from "@/server/plan/load-plan-overview";
import { DEADLINES_CALENDAR_PATH, MEETINGS_CALENDAR_PATH, PLAN_FEED_PATH } from "@/lib/feeds";
import { siteDescriptionOf, siteNameOf } from "@/lib/city-identity";
import { pageMetadata } from "@/lib/page-metadata";
import { loadCityIdentity } from "@/server/settings/city-identity";
import { UntilDate } from "@/components/progress/deadline-info";
import { pluralize } from "@/lib/labels";
import { findSharedActions, sourceCountsOf } from "@/lib/plan-text";
import { Container } from "@/components/ui/container";
import { PageHeading } from "@/components/ui/page-heading";
import { Section } from "@/components/ui/section";
import { TextLink } from "@/components/ui/text-link";
import { NextMeeting } from "@/components/plan/next-meeting";
import { FollowLink } from "@/components/plan/follow-link";
import { PageFreshness } from "@/components/plan/page-freshness";
import { RollupProgress } from "@/components/plan/progress-bar";
import { RollupRule } from "@/components/plan/rollup-rule";
import { SourceCountNote } from "@/components/plan/source-count-note";
import { StatusSummary } from "@/components/plan/status-summary";
import { ThemeCard } from "@/components/plan/theme-card";
import { Timeline } from "@/components/plan/timeline";
import { PlanUnavailable } from "@/components/plan/plan-unavailable";
import { AnswerStatsSummary } from "@/components/answers/answer-stats-summary";
import { contributionCountText } from "@/components/contributions/published-contributions";

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

export default async function HomePage() {
  const [overview, identity] = await Promise.all([getPlanOverview(), loadCityIdentity()]);
  if (!overview) return <PlanUnavailable />;
  const { plan, themes } = overview;
  const period = `${plan.periodStartYear}–${plan.periodEndYear}`;
  const shared = findSharedActions(themes);
  const themeNumbersBySlug = Object.fromEntries(shared.map((a) => [a.slug, a.themeNumbers]));

  return (
    <Container wide>
      <PageHeading kicker={`${identity.cityName} · ${period}`} title={plan.title} lead={<p>{plan.summary}</p>} />

      <dl className="grid grid-cols-2 gap-3 lg:grid-cols-4">
        {[
          ["Ville", identity.cityName],
          ["Période", period],
          ["Thématiques", String(themes.length)],
          ["Fiches actions publiées", String(overview.actionCount)],
        ].map(([term, value]) => (
          <div key={term} className="rounded-md border border-slate-300 bg-slate-50 px-3 py-3 sm:px-4">
            <dt className="text-base leading-snug text-slate-700">{term}</dt>
            <dd className="text-xl font-bold text-slate-900 sm:text-2xl">{value}</dd>
          </div>
        ))}
      </dl>

      <p className="mt-6">
        <TextLink href="/recherche">Rechercher un mot</TextLink> dans les fiches actions, les points d&apos;étape, les avis des conseils de
        quartier, les réponses de la Ville et les réunions publiques.
      </p>

      <SourceCountNote counts={sourceCountsOf(plan.announcedActionCount, themes)} />

      <Section id="etat-du-plan" title="Où en est le plan ?">
        <h3 className="mb-3 text-xl font-bold">Les fiches actions par statut</h3>
        <StatusSummary counts={overview.statusCounts} />

        <h3 className="mt-8 mb-3 text-xl font-bold">Avancement</h3>
        <div className="rounded-md border border-slate-300 p-4 sm:p-5">
          <p className="font-bold">Ensemble du plan</p>
          <RollupProgress progress={overview.progress} coverage={overview.progressCoverage} className="mt-1" />
          <ul className="mt-4 space-y-4 border-t border-slate-200 pt-4">
            {themes.map((theme) => (
              <li key={theme.slug}>
                <p className="font-semibold">
                  Thématique {theme.number} : {theme.title}
                </p>
                <RollupProgress progress={theme.progress} coverage={theme.progressCoverage} className="mt-1" />
              </li>
            ))}
          </ul>
        </div>
        <RollupRule />
      </Section>

      <Section id="participation" title="Avis et propositions des conseils de quartier">
        <p className="mb-2 text-slate-800">
          Les conseils de quartier donnent leur avis sur les fiches actions et font des propositions ; la Ville les relit avant publication
          et répond à chaque proposition. Ses décisions, chaque mois, et ses règles :{" "}
          <TextLink href="/moderation/registre">le registre de la modération</TextLink>.
        </p>
        <p className="font-semibold">Publiés sur l&apos;ensemble des fiches : {contributionCountText(overview.contributionCounts)}.</p>
        <AnswerStatsSummary stats={overview.answerStats} className="mt-2" />
        <FollowLink href={PLAN_FEED_PATH} kind="feed">
          Suivre les nouveautés du projet social communal
        </FollowLink>
      </Section>

      <Section id="echeances" title="Échéances des prochains mois">
        {overview.upcomingDeadlines.length > 0 ? (
          <ul className="space-y-3">
            {overview.upcomingDeadlines.map((a) => (
              <li key={a.slug} className="rounded-md border border-slate-300 p-3 sm:p-4">
                <TextLink href={`/fiches/${a.slug}`}>{a.title}</TextLink>
                <p className="mt-1 text-slate-800">
                  Échéance : {a.deadline.currentLabel}
                  <UntilDate label={a.deadline.currentLabel} date={a.deadline.currentDeadline} />
                </p>
              </li>
            ))}
          </ul>
        ) : (
          <p>Aucune fiche action n&apos;arrive à échéance dans les {UPCOMING_DEADLINE_MONTHS} prochains mois.</p>
        )}
        {overview.lateActions.length > 0 ? (
          <>
            <h3 className="mt-6 mb-2 text-xl font-bold">
              {pluralize(
                overview.lateActions.length,
                "fiche action dont l'échéance est dépassée",
                "fiches actions dont l'échéance est dépassée",
              )}
            </h3>
            <p className="mb-2 text-slate-800">Leur échéance est passée et elles ne sont pas réalisées.</p>
            <ul className="list-disc space-y-1 pl-6">
              {overview.lateActions.map((a) => (
                <li key={a.slug}>
                  <TextLink href={`/fiches/${a.slug}`}>{a.title}</TextLink> — échéance : {a.deadline.currentLabel}
                </li>
              ))}
            </ul>
          </>
        ) : null}
        <FollowLink href={DEADLINES_CALENDAR_PATH} kind="calendar">
          Ajouter les échéances des fiches actions à mon agenda
        </FollowLink>
      </Section>

      {overview.nextMeeting ? (
        <Section id="prochaine-reunion" title="Prochaine réunion publique">
          <NextMeeting meeting={overview.nextMeeting} />
        </Section>
      ) : null}

      <Section id="thematiques" title={`Les ${pluralize(themes.length, "thématique", "thématiques")} et leurs fiches actions`}>
        <p className="mb-6 text-slate-800">
          Chaque fiche action décrit un engagement de la Ville. Choisissez une thématique ou une fiche pour voir son statut, son échéance et
          ses points d&apos;étape.
        </p>
        <div className="space-y-6">
          {themes.map((theme) => (
            <ThemeCard key={theme.slug} theme={theme} themeNumbersBySlug={themeNumbersBySlug} />
          ))}
        </div>
      </Section>

      <Section id="demarche" title="La démarche">
        <p className="mb-6 text-slate-800">
          Le projet social communal est issu des Assises de la Solidarité. Voici les étapes qui l&apos;ont construit.
        </p>
        <Timeline milestones={overview.milestones} />
        <p className="mt-6">
          <TextLink href="/demarche">En savoir plus sur la démarche et les Assises de la Solidarité</TextLink>
        </p>
      </Section>

      <PageFreshness />
    </Container>
  );
}
