import type { Metadata } from "next";
import { AdminNav } from "@/components/admin/admin-nav";
import { OpenPlanForm, PublishPlanForm } from "@/components/admin/plan/next-plan-forms";
import { PlanThemesAdmin } from "@/components/admin/plan/plan-themes-admin";
import { CreateThemeForm } from "@/components/admin/plan/theme-form";
import { FormMessage } from "@/components/form/field";
import { Breadcrumb } from "@/components/ui/breadcrumb";
import { Container } from "@/components/ui/container";
import { PageHeading } from "@/components/ui/page-heading";
import { Section } from "@/components/ui/section";
import { TextLink } from "@/components/ui/text-link";
import { pluralize } from "@/lib/labels";
import { periodOf } from "@/lib/plans";
import { getDb } from "@/server/db";
import { listPlansForAdmin } from "@/server/plan-admin/next-plan";
import { listPlanForAdmin } from "@/server/plan-admin/queries";
import { requireAdminPage } from "../../require-admin";
import { createThemeAction, moveActionAction, moveThemeAction, openPlanAction, publishPlanAction } from "../actions";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Le prochain plan — Administration", robots: { index: false, follow: false } };

/**
 * The next plan (decision 0027): without a draft, the form that opens one; with it, its themes and
 * fiches (the plan's usual forms), its preview, and the publication.
 */
export default async function NextPlanPage({
  searchParams,
}: {
  searchParams: Promise<{ ouvert?: string | string[]; presentation?: string | string[] }>;
}) {
  const actor = await requireAdminPage("/admin/plan/prochain");
  const db = await getDb();
  const plans = await listPlansForAdmin(db, actor);
  if (!plans.ok) throw new Error(plans.message);
  const draft = plans.data.find((p) => p.state === "draft");
  const current = plans.data.find((p) => p.state === "current");
  const asked = await searchParams;
  const opened = asked.ouvert === "1";
  const crumbs = (
    <Breadcrumb
      items={[{ label: "Administration", href: "/admin" }, { label: "Le plan", href: "/admin/plan" }, { label: "Le prochain plan" }]}
    />
  );

  if (!draft) {
    const next = current ? current.periodEndYear + 1 : new Date().getFullYear();
    return (
      <Container>
        <AdminNav current="plan" exact={false} />
        {crumbs}
        <PageHeading
          title="Préparer le prochain plan"
          lead={
            <p>
              Le prochain plan s&apos;ouvre en brouillon, visible seulement de l&apos;équipe : vous y ajoutez ses thématiques et ses fiches,
              vous le relisez, puis vous le publiez. Le plan en cours{current ? ` (« ${current.title} », ${periodOf(current)})` : ""} reste
              en place jusque-là.
            </p>
          }
        />
        <OpenPlanForm action={openPlanAction} defaults={{ periodStartYear: next, periodEndYear: next + 5 }} />
      </Container>
    );
  }

  const result = await listPlanForAdmin(db, actor, draft.id);
  if (!result.ok) throw new Error(result.message);
  const themes = result.data;
  const fiches = new Set(themes.flatMap((t) => t.actions.map((a) => a.id))).size;
  return (
    <Container wide>
      <AdminNav current="plan" exact={false} />
      {crumbs}
      <PageHeading
        kicker={`Prochain plan, en préparation · ${periodOf(draft)}`}
        title={draft.title}
        lead={
          <p>
            {pluralize(themes.length, "thématique", "thématiques")}, {pluralize(fiches, "fiche action", "fiches actions")}. Ce brouillon
            n&apos;est visible que de l&apos;équipe : rien n&apos;en paraît sur le site avant sa publication.{" "}
            <TextLink href="/admin/plan/prochain/apercu">Voir l&apos;aperçu du plan</TextLink> ·{" "}
            <TextLink href="/admin/plan/presentation?plan=prochain">Modifier la présentation du plan</TextLink> ·{" "}
            <TextLink href="/admin/plan/fiches/nouvelle?plan=prochain">Ajouter une fiche action</TextLink> ·{" "}
            <TextLink href="#thematique">Ajouter une thématique</TextLink> · <TextLink href="#publier">Publier</TextLink>
          </p>
        }
      />
      {opened ? <FormMessage kind="success">Le prochain plan est ouvert en brouillon.</FormMessage> : null}
      {asked.presentation === "1" ? <FormMessage kind="success">La présentation du plan est modifiée.</FormMessage> : null}

      <PlanThemesAdmin themes={themes} draft moveAction={moveActionAction} moveThemeAction={moveThemeAction} />

      <Section id="thematique" title="Ajouter une thématique">
        <div className="max-w-2xl">
          <CreateThemeForm action={createThemeAction} planId={draft.id} returnTo="/admin/plan/prochain#thematique" />
        </div>
      </Section>

      <Section id="publier" title="Publier le prochain plan">
        <div className="max-w-2xl">
          <PublishPlanForm planId={draft.id} currentTitle={current?.title ?? null} action={publishPlanAction} />
        </div>
      </Section>
    </Container>
  );
}
