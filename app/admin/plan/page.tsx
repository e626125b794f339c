import type { Metadata } from "next";
import { AdminNav } from "@/components/admin/admin-nav";
import { NextPlanSummary } from "@/components/admin/plan/next-plan-summary";
import { PlanThemesAdmin } from "@/components/admin/plan/plan-themes-admin";
import { CreateThemeForm } from "@/components/admin/plan/theme-form";
import { FormMessage } from "@/components/form/field";
import { Container } from "@/components/ui/container";
import { Notice } from "@/components/ui/notice";
import { PageHeading } from "@/components/ui/page-heading";
import { Section } from "@/components/ui/section";
import { TextLink } from "@/components/ui/text-link";
import { pluralize } from "@/lib/labels";
import { getDb } from "@/server/db";
import { listPlansForAdmin } from "@/server/plan-admin/next-plan";
import { listPlanForAdmin } from "@/server/plan-admin/queries";
import { requireAdminPage } from "../require-admin";
import { createThemeAction, moveActionAction, moveThemeAction } from "./actions";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Le plan — Administration", robots: { index: false, follow: false } };

/** The current plan's themes and their fiches, in order (archived themes last): edit, reorder, add; and where the next plan stands. */
export default async function AdminPlanPage({
  searchParams,
}: {
  searchParams: Promise<{ publie?: string | string[]; importe?: string | string[]; presentation?: string | string[] }>;
}) {
  const asked = await searchParams;
  const published = asked.publie === "1";
  const imported = asked.importe === "1";
  const actor = await requireAdminPage("/admin/plan");
  const db = await getDb();
  const [result, plansResult] = await Promise.all([listPlanForAdmin(db, actor), listPlansForAdmin(db, actor)]);
  if (!result.ok) throw new Error(result.message);
  if (!plansResult.ok) throw new Error(plansResult.message);
  const themes = result.data;
  const plans = plansResult.data;
  const fiches = new Set(themes.flatMap((t) => t.actions.map((a) => a.id))).size;

  return (
    <Container wide>
      <AdminNav current="plan" exact={false} />
      <PageHeading
        title="Le plan : thématiques et fiches actions"
        lead={
          <p>
            {pluralize(themes.length, "thématique", "thématiques")}, {pluralize(fiches, "fiche action", "fiches actions")}. Les changements
            s&apos;affichent aussitôt sur le site public ; le statut et l&apos;avancement changent seulement par les points d&apos;étape.{" "}
            <TextLink href="/admin/plan/fiches/nouvelle">Ajouter une fiche action</TextLink> ·{" "}
            <TextLink href="#thematique">Ajouter une thématique</TextLink>
            {themes.length > 0 ? (
              <>
                {" "}
                · <TextLink href="/admin/plan/presentation">Modifier la présentation du plan</TextLink>
              </>
            ) : null}
          </p>
        }
      />

      {published ? (
        <FormMessage kind="success">
          Le nouveau plan est publié : c&apos;est désormais celui du site. Le précédent est terminé et reste consultable.
        </FormMessage>
      ) : null}
      {asked.presentation === "1" ? <FormMessage kind="success">La présentation du plan est modifiée.</FormMessage> : null}
      {imported ? <FormMessage kind="success">Le plan est importé : il paraît déjà sur le site public.</FormMessage> : null}
      {themes.length === 0 ? (
        <Notice tone="todo" title="Cette installation n'a pas encore de plan" className="mb-6">
          <p>
            Une nouvelle installation commence par <TextLink href="/admin/plan/importer">importer le plan de la Ville</TextLink>, d&apos;un
            fichier exporté par une autre installation ou écrit au même format.
          </p>
        </Notice>
      ) : null}
      <NextPlanSummary plans={plans} />

      <PlanThemesAdmin themes={themes} moveAction={moveActionAction} moveThemeAction={moveThemeAction} />

      <Section id="thematique" title="Ajouter une thématique">
        <div className="max-w-2xl">
          <CreateThemeForm action={createThemeAction} />
        </div>
      </Section>

      <Section id="fichier" title="Le plan en un fichier">
        <p className="max-w-3xl">
          Tout le plan — démarche, thématiques, fiches, points d&apos;étape, conseils de quartier — en un fichier JSON, sans aucune donnée
          personnelle : pour le garder, ou pour qu&apos;une autre installation l&apos;importe.
        </p>
        <p className="mt-3">
          <TextLink href="/admin/plan/exporter">Exporter le plan (fichier JSON)</TextLink> ·{" "}
          <TextLink href="/admin/plan/importer">Importer un plan dans une installation vide</TextLink>
        </p>
      </Section>
    </Container>
  );
}
