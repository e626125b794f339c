import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { FormMessage } from "@/components/form/field";
import { ModerationTabs } from "@/components/moderation/moderation-tabs";
import { Container } from "@/components/ui/container";
import { PageHeading } from "@/components/ui/page-heading";
import { Section } from "@/components/ui/section";
import { requireActor } from "@/server/auth/actor";
import { getDb } from "@/server/db";
import { loadModerationCounts } from "@/server/moderation/lists";
import { listAllTemplates } from "@/server/moderation/templates";
import { ArchiveTemplateForm, TemplateForm } from "./template-forms";

export const metadata: Metadata = { title: "Motifs de refus — Modération", robots: { index: false } };

/* Reason templates for refusals and hidings: create, edit, archive. Per request. */
export default async function TemplatesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireActor("/moderation/motifs");
  const db = await getDb();
  const result = await listAllTemplates(db, actor);
  if (!result.ok) notFound();
  const counts = await loadModerationCounts(db, actor);
  const active = result.data.filter((t) => !t.archivedAt);
  const archived = result.data.filter((t) => t.archivedAt);
  // After « Archiver » / « Proposer de nouveau » (?archive=<id> / ?propose=<id>).
  const query = await searchParams;
  const moved = result.data.find((t) => String(t.id) === (query.archive ?? query.propose));
  const notice = !moved
    ? null
    : moved.archivedAt
      ? `Motif « ${moved.label} » archivé : il n'est plus proposé.`
      : `Motif « ${moved.label} » de nouveau proposé.`;

  return (
    <Container>
      <PageHeading
        title="Motifs de refus et de masquage"
        lead={
          <p>
            Des textes prêts à l&apos;emploi pour refuser ou masquer une contribution. Le texte du motif est recopié dans chaque décision :
            le modifier ou l&apos;archiver ne change pas les décisions déjà prises.
          </p>
        }
      />
      <ModerationTabs current="motifs" counts={counts} />
      {notice ? (
        <div className="mb-6">
          <FormMessage kind="success">{notice}</FormMessage>
        </div>
      ) : null}
      <Section id="nouveau" title="Nouveau motif" className="mt-0">
        <div className="max-w-2xl">
          <TemplateForm />
        </div>
      </Section>
      <Section id="actifs" title={`Motifs proposés (${active.length})`}>
        {active.length === 0 ? (
          <p>Aucun motif pour l&apos;instant : les formulaires de refus et de masquage n&apos;offrent que le texte libre.</p>
        ) : (
          <ul className="space-y-6">
            {active.map((t) => (
              <li key={t.id} className="max-w-2xl rounded-lg border-2 border-slate-300 bg-white p-4 sm:p-5">
                <TemplateForm template={t} />
                <div className="mt-4 border-t border-slate-300 pt-4">
                  <ArchiveTemplateForm id={t.id} label={t.label} archived={false} />
                </div>
              </li>
            ))}
          </ul>
        )}
      </Section>
      {archived.length > 0 ? (
        <Section id="archives" title={`Motifs archivés (${archived.length})`}>
          <ul className="space-y-4">
            {archived.map((t) => (
              <li key={t.id} className="max-w-2xl rounded-lg border-2 border-slate-300 bg-slate-50 p-4">
                <p className="font-bold break-words">{t.label}</p>
                <p className="mt-1 whitespace-pre-line break-words">{t.body}</p>
                <div className="mt-3">
                  <ArchiveTemplateForm id={t.id} label={t.label} archived />
                </div>
              </li>
            ))}
          </ul>
        </Section>
      ) : null}
    </Container>
  );
}
