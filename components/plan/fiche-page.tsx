import "server-only";
import { notFound } from "next/navigation";
import { getActionPage } from "@/server/plan/load-action-page";
import { feedPath } from "@/lib/feeds";
import { formatDay } from "@/lib/dates";
import { sourceWordingText } from "@/lib/plan-text";
import { DeadlineHistory } from "@/components/progress/deadline-info";
import { ReportHistory } from "@/components/progress/report-history";
import { Breadcrumb, type Crumb } from "@/components/ui/breadcrumb";
import { Container } from "@/components/ui/container";
import { PageHeading } from "@/components/ui/page-heading";
import { Section } from "@/components/ui/section";
import { TextLink } from "@/components/ui/text-link";
import { FollowLink } from "@/components/plan/follow-link";
import { PageFreshness } from "@/components/plan/page-freshness";
import { PrintHandout } from "@/components/plan/print-handout";
import { ProgressBar } from "@/components/plan/progress-bar";
import { FicheInBrief, lastUpdateDay } from "@/components/plan/fiche-in-brief";
import { StatusBadge } from "@/components/plan/status-badge";
import { ThemeLinks } from "@/components/plan/theme-links";
import { ClosedPlanNotice } from "@/components/plan/closed-plan-notice";
import { periodOf, planPath, themeHref } from "@/lib/plans";
import { ArchivedNotice, FicheBody, FicheVersions, PlainSummary } from "@/components/plan/fiche-texts";
import { AnswerStatsSummary } from "@/components/answers/answer-stats-summary";
import { ContributionPagination } from "@/components/contributions/contribution-pagination";
import { contributionCountText, PublishedContributionList } from "@/components/contributions/published-contributions";

/** The fiche, as a page and as its large-print handout (./gros-caracteres). */
export async function FichePage({ slug, largePrint }: { slug: string; largePrint: boolean }) {
  const page = await getActionPage(slug);
  if (!page) notFound();
  const { plan, action, themes, projects, reports, contributions, contributionPageCount, answerStats } = page;
  const [firstTheme] = themes;
  const closed = plan.state === "closed";
  const crumbs: Crumb[] = [
    { label: "Accueil", href: "/" },
    // An earlier plan's fiche: its way back is its plan's page (decision 0027).
    ...(closed ? [{ label: `Plan ${periodOf(plan)}`, href: planPath(plan.slug) }] : []),
    ...(firstTheme ? [{ label: `Thématique ${firstTheme.number}`, href: themeHref(plan, firstTheme) }] : []),
    { label: action.title },
  ];

  const path = `/fiches/${action.slug}`;

  return (
    <Container wide className={largePrint ? "large-print" : ""}>
      <Breadcrumb items={crumbs} />
      <p className="mb-4 text-base print:hidden">
        {largePrint ? (
          <TextLink href={path}>Revenir à la taille de texte habituelle</TextLink>
        ) : (
          <TextLink href={`${path}/gros-caracteres`}>Version à imprimer en gros caractères</TextLink>
        )}
      </p>
      {/* One column on a phone (title, En bref, the rest); from 1024 px the En bref block stands beside the text. */}
      <div className="lg:grid lg:grid-cols-[minmax(0,48rem)_minmax(16rem,20rem)] lg:gap-x-10 print:block">
        <div className="lg:col-start-1">
          <ClosedPlanNotice plan={plan} />
          <ArchivedNotice archivedAt={action.archivedAt} />
          <PageHeading kicker="Fiche action" title={action.title} lead={action.description ? <p>{action.description}</p> : undefined} />
          <PlainSummary text={action.plainSummary} className="mb-6" />
        </div>
        <FicheInBrief
          action={action}
          officials={action.officials}
          lastUpdate={lastUpdateDay(reports, page.deadlineChanges)}
          hasReports={reports.length > 0}
          path={path}
          className="mb-8 lg:col-start-2 lg:row-span-2 lg:row-start-1 lg:mb-0 lg:self-start"
        />
        <div className="lg:col-start-1">
          <div className="space-y-4">
            <DeadlineHistory changes={page.deadlineChanges} />
            {action.sourceWording ? <p className="text-base text-slate-800">{sourceWordingText(action.sourceWording)}</p> : null}
            {themes.length > 0 ? (
              <div>
                <p className="font-semibold">{themes.length === 1 ? "Thématique :" : "Thématiques :"}</p>
                <ThemeLinks themes={themes} plan={plan} className="mt-1 space-y-1" />
              </div>
            ) : null}
          </div>

          <FicheBody body={action.body} links={page.links} />
          <FicheVersions revisions={page.revisions} />

          <Section id="projets" title="Projets cités">
            {projects.length > 0 ? (
              <ul className="list-disc space-y-2 pl-6">
                {projects.map((p) => (
                  <li key={p.name}>
                    <span className="font-semibold">{p.name}</span>
                    {p.detail ? <span className="text-slate-800"> — {p.detail}</span> : null}
                  </li>
                ))}
              </ul>
            ) : (
              <p>
                {action.sourceWording
                  ? "Le document source ne cite pas de projet particulier pour cette fiche action."
                  : "Aucun projet particulier n'est cité pour cette fiche action."}
              </p>
            )}
          </Section>

          <Section id="points-etape" title="Points d'étape">
            {reports.length > 0 ? (
              <>
                <p className="mb-4 text-slate-800">Du plus récent au plus ancien.</p>
                <ol className="space-y-4">
                  {reports.map((report) => (
                    <li key={report.id}>
                      <article aria-labelledby={`point-etape-${report.id}`} className="rounded-lg border border-slate-300 p-4 sm:p-6">
                        <h3 id={`point-etape-${report.id}`} className="text-xl leading-snug font-bold">
                          {report.title}
                        </h3>
                        <p className="mt-1 text-slate-800">
                          <span className="font-semibold">Date :</span>{" "}
                          {report.reportedOn ? (
                            <time dateTime={report.reportedOn}>{formatDay(report.reportedOn)}</time>
                          ) : (
                            "date non précisée"
                          )}
                        </p>
                        <div className="mt-3 flex flex-wrap items-center gap-x-4 gap-y-2">
                          <StatusBadge status={report.status} />
                          {report.progress !== null ? <ProgressBar progress={report.progress} /> : null}
                        </div>
                        <p className="mt-3 whitespace-pre-line">{report.body}</p>
                        {report.sourceLabel ? <p className="mt-3 text-base text-slate-700">Source : {report.sourceLabel}</p> : null}
                        <ReportHistory correctedAt={report.correctedAt} revisions={report.revisions} />
                      </article>
                    </li>
                  ))}
                </ol>
              </>
            ) : (
              <p>Aucun point d&apos;étape n&apos;a encore été publié pour cette fiche action.</p>
            )}
          </Section>

          <Section id="contributions" title="Avis et propositions des conseils de quartier">
            <p className="mb-4 text-slate-800">
              Ce que les conseils de quartier ont dit de cette fiche action, après relecture par la Ville (
              <TextLink href="/moderation/registre#regles">règles et registre de la modération</TextLink>). Du plus récent au plus ancien.
            </p>
            <p className="mb-2 font-semibold">Publiés : {contributionCountText(action.contributionCounts)}.</p>
            <AnswerStatsSummary stats={answerStats} className="mb-6" />
            {contributions.length > 0 ? (
              <>
                <PublishedContributionList items={contributions} context="fiche" />
                <ContributionPagination
                  page={1}
                  pageCount={contributionPageCount}
                  firstHref={`/fiches/${action.slug}`}
                  baseHref={`/fiches/${action.slug}/contributions`}
                />
              </>
            ) : (
              <p>Aucun avis ni aucune proposition n&apos;a encore été publié pour cette fiche action.</p>
            )}
            {closed ? (
              <p className="mt-6 print:hidden">Ce plan est terminé : cette fiche ne reçoit plus d&apos;avis ni de propositions.</p>
            ) : (
              <p className="mt-6 print:hidden">
                Vous êtes membre d&apos;un conseil de quartier ?{" "}
                <TextLink href={`/espace/contribuer?fiche=${encodeURIComponent(action.slug)}`}>
                  Donner l&apos;avis de votre conseil
                </TextLink>
              </p>
            )}
          </Section>

          <FollowLink href={feedPath({ kind: "action", slug: action.slug })} kind="feed" className="mt-12">
            Suivre les nouveautés de cette fiche action
          </FollowLink>
          <PageFreshness />
        </div>
      </div>
      <PrintHandout path={path} />
    </Container>
  );
}
