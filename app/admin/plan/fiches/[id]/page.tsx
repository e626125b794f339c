import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { AdminNav } from "@/components/admin/admin-nav";
import { Badge } from "@/components/admin/badges";
import { Journal } from "@/components/admin/journal";
import { ActionArchiveForm } from "@/components/admin/plan/action-archive-form";
import { EditActionForm } from "@/components/admin/plan/action-form";
import { Breadcrumb } from "@/components/ui/breadcrumb";
import { Container } from "@/components/ui/container";
import { PageHeading } from "@/components/ui/page-heading";
import { Section } from "@/components/ui/section";
import { TextLink } from "@/components/ui/text-link";
import { formatDateTime } from "@/lib/dates";
import { sourceWordingText } from "@/lib/plan-text";
import { getDb } from "@/server/db";
import { getActionForAdmin } from "@/server/plan-admin/queries";
import { FormMessage } from "@/components/form/field";
import { requireAdminPage } from "../../../require-admin";
import { setActionArchivedAction, updateActionAction } from "../../actions";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Modifier une fiche action — Administration", robots: { index: false, follow: false } };

/** One fiche: its texts and themes (editable), its archive, and its journal. */
export default async function AdminActionPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ ajoutee?: string | string[] }>;
}) {
  const { id } = await params;
  const actor = await requireAdminPage(`/admin/plan/fiches/${encodeURIComponent(id)}`);
  const actionId = /^\d{1,9}$/.test(id) ? Number(id) : NaN;
  const result = await getActionForAdmin(await getDb(), actor, actionId);
  if (!result.ok) notFound();
  const action = result.data;
  const archived = action.archivedAt !== null;
  const added = (await searchParams).ajoutee === "1";
  const draft = action.planState === "draft";

  return (
    <Container>
      <AdminNav current="plan" exact={false} />
      <Breadcrumb
        items={[
          { label: "Administration", href: "/admin" },
          draft ? { label: "Le prochain plan", href: "/admin/plan/prochain" } : { label: "Le plan", href: "/admin/plan" },
          { label: action.title },
        ]}
      />
      <PageHeading kicker="Fiche action" title={action.title} />
      {added ? (
        <FormMessage kind="success">
          {draft
            ? "La fiche est ajoutée au prochain plan : elle paraîtra sur le site quand il sera publié."
            : "La fiche est ajoutée au plan : elle paraît déjà sur le site public."}
        </FormMessage>
      ) : null}
      <div className="mt-4 flex flex-wrap items-center gap-2">
        {archived ? <Badge tone="warning">Archivée le {formatDateTime(action.archivedAt!)}</Badge> : <Badge>Dans les listes du site</Badge>}
      </div>
      {draft ? (
        <p className="mt-4">
          Fiche du prochain plan, en préparation : <TextLink href="/admin/plan/prochain">revenir au prochain plan</TextLink>. Son adresse
          publique sera /fiches/{action.slug}.
        </p>
      ) : (
        <p className="mt-4">
          <TextLink href={`/fiches/${action.slug}`}>Voir sa page publique</TextLink> (son adresse, /fiches/{action.slug}, ne change pas si
          le titre change).
        </p>
      )}
      {action.sourceWording ? (
        <p className="mt-2 text-base text-slate-800">
          {sourceWordingText(action.sourceWording)}. Les mots du document source et son premier point d&apos;étape restent tels quels.
        </p>
      ) : null}

      <Section id="textes" title="Textes et thématiques">
        <EditActionForm
          actionId={action.id}
          current={action}
          themes={action.themes.filter((t) => t.archivedAt === null || action.themeIds.includes(t.id))}
          sourceTimeframe={action.sourceWording === null ? undefined : action.timeframeLabel}
          action={updateActionAction}
        />
      </Section>

      <Section id="archivage" title={archived ? "Remettre la fiche dans les listes" : "Archiver la fiche"}>
        <ActionArchiveForm actionId={action.id} archived={archived} action={setActionArchivedAction} />
      </Section>

      <Section id="journal" title="Journal">
        <Journal entries={action.journal} emptyText="Aucune modification n'a encore été inscrite au journal pour cette fiche." />
      </Section>
    </Container>
  );
}
