import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { AdminNav } from "@/components/admin/admin-nav";
import { Journal } from "@/components/admin/journal";
import { Badge } from "@/components/admin/badges";
import { ThemeArchiveForm } from "@/components/admin/plan/theme-archive-form";
import { EditThemeForm } from "@/components/admin/plan/theme-form";
import { Breadcrumb } from "@/components/ui/breadcrumb";
import { Container } from "@/components/ui/container";
import { PageHeading } from "@/components/ui/page-heading";
import { Section } from "@/components/ui/section";
import { TextLink } from "@/components/ui/text-link";
import { getDb } from "@/server/db";
import { getThemeForAdmin } from "@/server/plan-admin/queries";
import { requireAdminPage } from "../../../require-admin";
import { setThemeArchivedAction, updateThemeAction } from "../../actions";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Modifier une thématique — Administration", robots: { index: false, follow: false } };

/** One theme: its title and description (editable), its archive, and its journal. */
export default async function AdminThemePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requireAdminPage(`/admin/plan/thematiques/${encodeURIComponent(id)}`);
  const themeId = /^\d{1,9}$/.test(id) ? Number(id) : NaN;
  const result = await getThemeForAdmin(await getDb(), actor, themeId);
  if (!result.ok) notFound();
  const theme = result.data;
  return (
    <Container>
      <AdminNav current="plan" exact={false} />
      <Breadcrumb
        items={[{ label: "Administration", href: "/admin" }, { label: "Le plan", href: "/admin/plan" }, { label: theme.title }]}
      />
      <PageHeading kicker={`Thématique ${theme.number}`} title={theme.title} />
      {theme.archivedAt ? (
        <p className="mb-4">
          <Badge tone="warning">Thématique archivée</Badge> Elle n&apos;apparaît plus dans les listes du site public.
        </p>
      ) : null}
      <p>
        <TextLink href={`/thematiques/${theme.slug}`}>Voir sa page publique</TextLink> (son adresse, /thematiques/{theme.slug}, ne change
        pas si le titre change). L&apos;ordre de ses fiches se règle sur{" "}
        <TextLink href={`/admin/plan#thematique-${theme.number}`}>la page du plan</TextLink>.
      </p>
      <Section id="informations" title="Titre et description">
        <EditThemeForm themeId={theme.id} current={theme} action={updateThemeAction} />
      </Section>
      <Section id="archivage" title={theme.archivedAt ? "Remettre la thématique dans les listes" : "Archiver la thématique"}>
        <ThemeArchiveForm themeId={theme.id} archived={theme.archivedAt !== null} action={setThemeArchivedAction} />
      </Section>
      <Section id="journal" title="Journal">
        <Journal entries={theme.journal} emptyText="Aucune modification n'a encore été inscrite au journal pour cette thématique." />
      </Section>
    </Container>
  );
}
