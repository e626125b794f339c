import { PaperProvenance } from "@/components/moderation/paper-provenance";
import { authorLabel } from "@/lib/paper-contribution";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ContributionText } from "@/components/contributions/contribution-text";
import { FormMessage } from "@/components/form/field";
import { ModeratedItem } from "@/components/moderation/moderated-item";
import { ModerationTabs } from "@/components/moderation/moderation-tabs";
import { Container } from "@/components/ui/container";
import { NextPageNav, withParam } from "@/components/ui/next-page-nav";
import { PageHeading } from "@/components/ui/page-heading";
import { Section } from "@/components/ui/section";
import { formatDateTime } from "@/lib/dates";
import { pluralize } from "@/lib/labels";
import { queryId } from "@/lib/validation/fields";
import { requireActor } from "@/server/auth/actor";
import { getDb } from "@/server/db";
import { listReportedQueue, loadModerationCounts } from "@/server/moderation/lists";
import { listActiveTemplates } from "@/server/moderation/templates";
import { HideForm, KeepForm } from "../review-forms";

export const metadata: Metadata = { title: "Signalements — Modération", robots: { index: false } };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const done: Record<string, string> = {
  masquee: "Contribution masquée : elle n'apparaît plus nulle part en public, le conseil est prévenu.",
  republiee: "Contribution republiée : elle est de nouveau publique, les signalements sont classés.",
  gardee: "Signalements classés : la contribution reste publiée.",
};

/* Items reported by signed-in people, those hidden automatically first, 25 a page (`?apres=<id>`). Per request. */
export default async function ReportsPage({ searchParams }: Props) {
  const query = await searchParams;
  const actor = await requireActor("/moderation/signalements");
  const db = await getDb();
  const after = queryId().parse(query.apres);
  const result = await listReportedQueue(db, actor, { after });
  if (!result.ok) notFound();
  const { items, nextAfter } = result.data;
  const [counts, templates] = await Promise.all([loadModerationCounts(db, actor), listActiveTemplates(db, actor)]);
  const message = typeof query.fait === "string" ? done[query.fait] : undefined;

  return (
    <Container>
      <PageHeading
        title="Signalements"
        lead={
          <p>
            Les contributions publiées que des personnes ont signalées. Au-delà du seuil fixé par l&apos;administration, une contribution
            est masquée automatiquement en attendant votre examen. Gardez-la publiée (ou republiez-la), ou masquez-la avec une raison.
          </p>
        }
      />
      <ModerationTabs current="signalements" counts={counts} />
      {message ? (
        <div className="mb-6">
          <FormMessage kind="success">{message}</FormMessage>
        </div>
      ) : null}
      <Section id="signalees" title={`Signalées : ${pluralize(counts.reported, "contribution", "contributions")}`}>
        {items.length === 0 ? (
          <p>{after && counts.reported > 0 ? "Plus rien après les contributions déjà vues." : "Aucun signalement à examiner."}</p>
        ) : (
          <ol className="space-y-6">
            {items.map((item) => {
              const headingId = `signalee-${item.id}`;
              return (
                <li key={item.id}>
                  <ModeratedItem
                    headingId={headingId}
                    item={item}
                    meta={
                      <>
                        {item.reviewRequired ? (
                          <strong>Masquée automatiquement, en attente de votre examen. </strong>
                        ) : (
                          <>Toujours publiée. </>
                        )}
                        {pluralize(item.reports.length, "signalement", "signalements")} ; publié le{" "}
                        {item.publishedAt ? formatDateTime(item.publishedAt) : "—"}, rédigé par {authorLabel(item)}.
                        <PaperProvenance item={item} />
                      </>
                    }
                  >
                    <div className="mt-4 rounded-md border-l-4 border-amber-700 bg-amber-50 p-3">
                      <h4 className="font-bold">Raisons des signalements</h4>
                      <ul className="mt-2 space-y-3">
                        {item.reports.map((r) => (
                          <li key={r.id}>
                            <p className="text-base text-slate-800">
                              {r.reporterName}, le {formatDateTime(r.createdAt)} :
                            </p>
                            <ContributionText text={r.reason} className="mt-1" />
                          </li>
                        ))}
                      </ul>
                    </div>
                    <KeepForm id={item.id} headingId={headingId} republish={item.reviewRequired} />
                    <HideForm id={item.id} headingId={headingId} from="signalements" templates={templates.ok ? templates.data : []} />
                  </ModeratedItem>
                </li>
              );
            })}
          </ol>
        )}
        <NextPageNav
          label="Pages des signalements"
          firstHref="/moderation/signalements"
          nextHref={nextAfter ? withParam("/moderation/signalements", "", "apres", nextAfter) : null}
          nextLabel="Contributions suivantes"
          onFirstPage={!after}
        />
      </Section>
    </Container>
  );
}
