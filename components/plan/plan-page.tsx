import "server-only";
import { getPlanOverview, UPCOMING_DEADLINE_MONTHS } from "@/server/plan/load-plan-overview";
import { DEADLINES_CALENDAR_PATH, PLAN_FEED_PATH } from "@/lib/feeds";
import { pluralize, statusLabel } from "@/lib/labels";
import { findSharedActions, sourceCountsOf } from "@/lib/plan-text";
import { matchesStatus, PLAN_FILTER_PATH, PLAN_PATH, statusFilterParams, statusFilters, type PlanFilter } from "@/lib/plan-filter";
import { buttonClass, Field, inputClass } from "@/components/form/field";
import { UntilDate } from "@/components/progress/deadline-info";
import { Breadcrumb } from "@/components/ui/breadcrumb";
import { Container } from "@/components/ui/container";
import { PageHeading } from "@/components/ui/page-heading";
import { Section } from "@/components/ui/section";
import { TextLink } from "@/components/ui/text-link";
import { AnswerStatsSummary } from "@/components/answers/answer-stats-summary";
import { contributionCountText } from "@/components/contributions/published-contributions";
import { FollowLink } from "./follow-link";
import { PageFreshness } from "./page-freshness";
import { PlanUnavailable } from "./plan-unavailable";
import { RollupProgress } from "./progress-bar";
import { RollupRule } from "./rollup-rule";
import { SourceCountNote } from "./source-count-note";
import { StatusSummary } from "./status-summary";
import { ThemeCard } from "./theme-card";
import { loadCityIdentity } from "@/server/settings/city-identity";

/** The filters: a GET form, so it works without JavaScript and its address can be shared. */
function PlanFilterForm({ themes, filter }: { themes: { slug: string; number: number; title: string }[]; filter: PlanFilter }) {
  return (
    <form
      method="get"
      action={PLAN_FILTER_PATH}
      aria-label="Filtrer les fiches actions"
      className="grid grid-cols-[minmax(0,1fr)] gap-4 rounded-lg border border-slate-300 bg-slate-50 p-4 sm:grid-cols-[minmax(0,1fr)_minmax(0,1fr)_auto] sm:items-end"
    >
      <Field id="plan-thematique" label="Thématique">
        <select id="plan-thematique" name="thematique" defaultValue={filter.themeSlug ?? ""} className={`${inputClass} min-w-0`}>
          <option value="">Toutes les thématiques</option>
          {themes.map((t) => (
            <option key={t.slug} value={t.slug}>
              {t.number}. {t.title}
            </option>
          ))}
        </select>
      </Field>
      <Field id="plan-statut" label="Statut">
        <select id="plan-statut" name="statut" defaultValue={filter.status ? statusFilterParams[filter.status] : ""} className={inputClass}>
          <option value="">Tous les statuts</option>
          {statusFilters.map((s) => (
            <option key={s} value={statusFilterParams[s]}>
              {statusLabel(s === "unknown" ? null : s)}
            </option>
          ))}
        </select>
      </Field>
      <button type="submit" className={buttonClass}>
        Filtrer
      </button>
    </form>
  );
}

/**
 * « Le plan »: every fiche under its themes, with the filters; unfiltered (/plan, cached) it also
 * says where the plan stands (statuses, progress, deadlines, contributions). Filtered
 * (/plan/filtre, per request), the same list cut down, and a way back to all of it. Both read
 * the home page's loader (getPlanOverview): the plan is tens of fiches, all loaded at once there
 * already, so the list is bounded by the plan itself.
 */
export async function PlanPage({ filter }: { filter: PlanFilter }) {
  const [overview, identity] = await Promise.all([getPlanOverview(), loadCityIdentity()]);
  if (!overview) return <PlanUnavailable />;
  const { plan, themes } = overview;
  const shared = findSharedActions(themes);
  const themeNumbersBySlug = Object.fromEntries(shared.map((a) => [a.slug, a.themeNumbers]));
  // A slug that is not one of the plan's themes filters nothing (never an error).
  const theme = themes.find((t) => t.slug === filter.themeSlug) ?? null;
  const effective: PlanFilter = { themeSlug: theme?.slug ?? null, status: filter.status };
  const filtered = effective.themeSlug !== null || effective.status !== null;
  const shown = themes
    .filter((t) => theme === null || t === theme)
    .map((t) => ({ ...t, actions: t.actions.filter((a) => matchesStatus(a.status, effective.status)) }))
    .filter((t) => !filtered || t.actions.length > 0);
  const shownCount = new Set(shown.flatMap((t) => t.actions.map((a) => a.slug))).size;
  const filterWords = [
    theme ? `thématique ${theme.number}` : null,
    effective.status ? `statut « ${statusLabel(effective.status === "unknown" ? null : effective.status)} »` : null,
  ].filter(Boolean);

  return (
    <Container wide>
      <Breadcrumb items={[{ label: "Accueil", href: "/" }, { label: "Le plan" }]} />
      <div className="max-w-3xl">
        <PageHeading
          kicker={`${identity.cityName} · ${plan.periodStartYear}–${plan.periodEndYear}`}
          title="Le plan : toutes les fiches actions"
          lead={<p>{plan.summary}</p>}
        />
      </div>

      <PlanFilterForm themes={themes} filter={effective} />

      <Section
        id="fiches"
        title={
          filtered
            ? `${pluralize(shownCount, "fiche action", "fiches actions")} : ${filterWords.join(", ")}`
            : `Les ${pluralize(themes.length, "thématique", "thématiques")} et leurs fiches actions`
        }
      >
        {filtered ? (
          <p className="mb-6">
            <TextLink href={PLAN_PATH}>Voir toutes les fiches actions</TextLink>
          </p>
        ) : (
          <p className="mb-6 max-w-3xl text-slate-800">
            Chaque fiche action décrit un engagement de la Ville. Choisissez une fiche pour voir son statut, son échéance et ses points
            d&apos;étape.
          </p>
        )}
        {shown.length > 0 ? (
          <div className="grid grid-cols-[minmax(0,1fr)] gap-6 lg:grid-cols-[minmax(0,1fr)_minmax(0,1fr)]">
            {shown.map((t) => (
              <ThemeCard key={t.slug} theme={t} themeNumbersBySlug={themeNumbersBySlug} />
            ))}
          </div>
        ) : (
          <p>Aucune fiche action ne correspond à ces filtres.</p>
        )}
      </Section>

      {filtered ? null : (
        <div className="max-w-3xl">
          <SourceCountNote counts={sourceCountsOf(plan.announcedActionCount, themes)} />

          <Section id="etat-du-plan" title="Où en est le plan ?">
            <h3 className="mb-3 text-xl font-bold">Les fiches actions par statut</h3>
            <StatusSummary counts={overview.statusCounts} />

            <h3 className="mt-8 mb-3 text-xl font-bold">Avancement</h3>
            <div className="rounded-md border border-slate-300 p-4 sm:p-5">
              <p className="font-bold">Ensemble du plan</p>
              <RollupProgress progress={overview.progress} coverage={overview.progressCoverage} className="mt-1" />
              <ul className="mt-4 space-y-4 border-t border-slate-200 pt-4">
                {themes.map((t) => (
                  <li key={t.slug}>
                    <p className="font-semibold">
                      Thématique {t.number} : {t.title}
                    </p>
                    <RollupProgress progress={t.progress} coverage={t.progressCoverage} className="mt-1" />
                  </li>
                ))}
              </ul>
            </div>
            <RollupRule />
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

          <Section id="participation" title="Avis et propositions des conseils de quartier">
            <p className="mb-2 text-slate-800">
              Les conseils de quartier donnent leur avis sur les fiches actions et font des propositions ; la Ville les relit avant
              publication et répond à chaque proposition. Ses décisions, chaque mois, et ses règles :{" "}
              <TextLink href="/moderation/registre">le registre de la modération</TextLink>.
            </p>
            <p className="font-semibold">Publiés sur l&apos;ensemble des fiches : {contributionCountText(overview.contributionCounts)}.</p>
            <AnswerStatsSummary stats={overview.answerStats} className="mt-2" />
            <FollowLink href={PLAN_FEED_PATH} kind="feed">
              Suivre les nouveautés du projet social communal
            </FollowLink>
          </Section>
        </div>
      )}

      <PageFreshness />
    </Container>
  );
}
