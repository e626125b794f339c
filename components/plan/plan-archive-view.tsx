import type { ReactNode } from "react";
import type { PlanOverview } from "@/server/plan/load-plan-overview";
import { pluralize } from "@/lib/labels";
import { findSharedActions } from "@/lib/plan-text";
import { periodOf, PLANS_PATH } from "@/lib/plans";
import { Breadcrumb, type Crumb } from "@/components/ui/breadcrumb";
import { Container } from "@/components/ui/container";
import { Notice } from "@/components/ui/notice";
import { PageHeading } from "@/components/ui/page-heading";
import { PlainText } from "@/components/ui/plain-text";
import { Section } from "@/components/ui/section";
import { TextLink } from "@/components/ui/text-link";
import { ClosedPlanNotice } from "./closed-plan-notice";
import { StatusSummary } from "./status-summary";
import { ThemeCard } from "./theme-card";
import { Timeline } from "./timeline";

/**
 * A whole plan on one page: its introduction, démarche, figures and every theme with its fiches
 * (each fiche keeps its page, /fiches/<slug>, with its reports, contributions and answers). The
 * page of an earlier plan (/plans/<slug>, « Plan terminé »), of the current one, and the staff's
 * preview of the draft (`preview`, never public) — decision 0027. Server-rendered, no script.
 */
export function PlanArchiveView({
  overview,
  cityName,
  crumbs,
  preview,
}: {
  overview: PlanOverview;
  cityName: string;
  crumbs: Crumb[];
  /** The staff's notice above a draft's preview. */
  preview?: ReactNode;
}) {
  const { plan, themes, milestones, contributionCounts } = overview;
  const shared = findSharedActions(themes);
  const themeNumbersBySlug = Object.fromEntries(shared.map((a) => [a.slug, a.themeNumbers]));
  const published = contributionCounts.feedback + contributionCounts.proposals;
  return (
    <Container wide>
      <Breadcrumb items={crumbs} />
      <div className="max-w-3xl">
        {preview}
        <ClosedPlanNotice plan={plan} onPlanPage />
        {plan.state === "current" ? (
          <Notice title="Plan en cours" className="mb-6">
            <p>
              C&apos;est le plan que suit le site : <TextLink href="/">sa page d&apos;accueil</TextLink>,{" "}
              <TextLink href="/plan">toutes ses fiches</TextLink>. Les plans précédents : <TextLink href={PLANS_PATH}>les plans</TextLink>.
            </p>
          </Notice>
        ) : null}
        <PageHeading kicker={`${cityName} · ${periodOf(plan)}`} title={plan.title} lead={<p>{plan.summary}</p>} />
        <p className="mb-2">
          {pluralize(overview.actionCount, "fiche action", "fiches actions")},{" "}
          {pluralize(published, "avis ou proposition publié", "avis et propositions publiés")}.
        </p>
        <StatusSummary counts={overview.statusCounts} />
      </div>

      <Section id="fiches" title={`Les ${pluralize(themes.length, "thématique", "thématiques")} et leurs fiches actions`}>
        {themes.length > 0 ? (
          <div className="grid grid-cols-[minmax(0,1fr)] gap-6 lg:grid-cols-[minmax(0,1fr)_minmax(0,1fr)]">
            {themes.map((t) => (
              <ThemeCard key={t.slug} theme={t} themeNumbersBySlug={themeNumbersBySlug} linkTheme={plan.state === "current"} />
            ))}
          </div>
        ) : (
          <p>Ce plan n&apos;a encore aucune thématique.</p>
        )}
      </Section>

      {plan.demarche || milestones.length > 0 ? (
        <Section id="demarche" title="La démarche" className="max-w-3xl">
          {plan.demarche ? <PlainText text={plan.demarche} /> : null}
          {milestones.length > 0 ? <Timeline milestones={milestones} /> : null}
        </Section>
      ) : null}
    </Container>
  );
}
