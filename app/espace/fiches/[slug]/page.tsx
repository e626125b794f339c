import { randomUUID } from "node:crypto";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { FormMessage } from "@/components/form/field";
import { ProgressBar } from "@/components/plan/progress-bar";
import { StatusBadge } from "@/components/plan/status-badge";
import { DeadlineHistory, DeadlineInfo } from "@/components/progress/deadline-info";
import { ReportHistory } from "@/components/progress/report-history";
import { Breadcrumb } from "@/components/ui/breadcrumb";
import { Container } from "@/components/ui/container";
import { PageHeading } from "@/components/ui/page-heading";
import { Section } from "@/components/ui/section";
import { TextLink } from "@/components/ui/text-link";
import { cityDay, formatDateTime, formatDay } from "@/lib/dates";
import { joinFrench } from "@/lib/french";
import { progressLabel, statusLabel } from "@/lib/labels";
import { requireActor } from "@/server/auth/actor";
import { getDb } from "@/server/db";
import { loadProgressFiche } from "@/server/progress/queries";
import { OfficialsForm } from "./officials-form";
import { CorrectReportForm, DeadlineForm, NewReportForm } from "./progress-forms";

export const metadata: Metadata = { title: "Avancement d'une fiche action", robots: { index: false } };

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const done: Record<string, string> = {
  publie: "Point d'étape publié : il est visible sur la fiche.",
  corrige: "Correction publiée : la fiche indique la correction et garde la version précédente.",
  echeance: "Échéance modifiée : la fiche montre la nouvelle échéance, l'ancienne et la raison.",
};

/* One fiche's progress, for staff and officials: post, correct, move the deadline. Per request. */
export default async function ProgressFichePage({ params, searchParams }: Props) {
  const [{ slug }, query] = await Promise.all([params, searchParams]);
  const actor = await requireActor(`/espace/fiches/${slug}`);
  const result = await loadProgressFiche(await getDb(), actor, slug);
  if (!result.ok) notFound();
  const { action, deadline, deadlineChanges, reports, officials, availableOfficials, canReport } = result.data;
  const message = typeof query.fait === "string" ? done[query.fait] : undefined;
  // Once a report is published, the form starts again, empty, with a new id (a new key). The key
  // must not change otherwise: a form posted without JavaScript finds its answer by its place.
  const newReportKey = reports.reduce((latest, r) => Math.max(latest, r.id), 0);

  return (
    <Container>
      <Breadcrumb
        items={[
          { label: "Mon espace", href: "/espace" },
          { label: "Avancement des fiches", href: "/espace/fiches" },
          { label: action.title },
        ]}
      />
      <PageHeading kicker="Avancement de la fiche action" title={action.title} />
      {message ? (
        <div className="mb-6">
          <FormMessage kind="success">{message}</FormMessage>
        </div>
      ) : null}
      <div className="space-y-3 rounded-lg border border-slate-300 bg-slate-50 p-4 sm:p-6">
        <div className="flex flex-wrap items-center gap-x-4 gap-y-2">
          <StatusBadge status={action.status} />
          <ProgressBar progress={action.progress} />
        </div>
        <DeadlineInfo deadline={deadline} />
        <p>
          {officials.length > 0
            ? `En charge : ${joinFrench(officials.map((o) => o.displayName))}.`
            : "Aucun·e élu·e n'est encore en charge de cette fiche."}{" "}
          <TextLink href={`/fiches/${action.slug}`}>Voir la page publique</TextLink>
        </p>
      </div>

      {canReport ? (
        <Section id="nouveau" title="Publier un point d'étape">
          <NewReportForm key={newReportKey} actionSlug={action.slug} clientRequestId={randomUUID()} today={cityDay(new Date())} />
        </Section>
      ) : (
        <p className="mt-8">
          Vous pouvez consulter cette fiche ; seuls le personnel de la Ville et les élu·e·s en charge publient ses points d&apos;étape.
        </p>
      )}

      <Section id="echeance" title="Échéance">
        <DeadlineInfo deadline={deadline} />
        <DeadlineHistory changes={deadlineChanges} />
        {canReport ? (
          <div className="mt-6">
            <DeadlineForm key={deadlineChanges[0]?.id ?? 0} actionSlug={action.slug} />
          </div>
        ) : null}
      </Section>

      <Section id="points-etape" title="Points d'étape publiés">
        <ol className="space-y-4">
          {reports.map((r) => (
            <li key={r.id}>
              <article
                id={`point-etape-${r.id}`}
                aria-labelledby={`titre-point-etape-${r.id}`}
                className="rounded-lg border border-slate-300 p-4 sm:p-6"
              >
                <h3 id={`titre-point-etape-${r.id}`} className="text-xl leading-snug font-bold">
                  {r.title}
                </h3>
                <p className="mt-1 text-slate-800">
                  {r.reportedOn ? `Date : ${formatDay(r.reportedOn)}` : "Date non précisée"} —{" "}
                  {r.authorName
                    ? `publié par ${r.authorName}, le ${formatDateTime(r.createdAt)}`
                    : r.sourceLabel
                      ? `d'après ${r.sourceLabel}`
                      : `publié le ${formatDateTime(r.createdAt)}`}
                  .
                </p>
                <p className="mt-1">
                  {r.status ? `Statut : ${statusLabel(r.status)}. ` : ""}
                  {r.progress !== null ? `${progressLabel(r.progress)}.` : ""}
                </p>
                <p className="mt-3 whitespace-pre-line">{r.body}</p>
                <ReportHistory correctedAt={r.correctedAt} revisions={r.revisions} />
                {r.correctable ? (
                  <details className="mt-4">
                    <summary className="inline-flex min-h-11 cursor-pointer items-center font-semibold text-blue-900 underline underline-offset-4">
                      Corriger ce point d&apos;étape (possible pendant 24 heures)
                    </summary>
                    <CorrectReportForm key={r.correctedAt?.getTime() ?? 0} actionSlug={action.slug} report={r} />
                  </details>
                ) : null}
              </article>
            </li>
          ))}
        </ol>
      </Section>

      {availableOfficials ? (
        <Section id="elus" title="Élu·e·s en charge">
          <OfficialsForm actionSlug={action.slug} officials={availableOfficials} inCharge={officials.map((o) => o.id)} />
        </Section>
      ) : null}
    </Container>
  );
}
