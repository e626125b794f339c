import type { Metadata } from "next";
import { AdminNav } from "@/components/admin/admin-nav";
import { CreateActionForm } from "@/components/admin/plan/action-form";
import { Breadcrumb } from "@/components/ui/breadcrumb";
import { Container } from "@/components/ui/container";
import { PageHeading } from "@/components/ui/page-heading";
import { getDb } from "@/server/db";
import { notFound } from "next/navigation";
import { listPlansForAdmin } from "@/server/plan-admin/next-plan";
import { listPlanForAdmin } from "@/server/plan-admin/queries";
import { requireAdminPage } from "../../../require-admin";
import { createActionAction } from "../../actions";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Ajouter une fiche action — Administration", robots: { index: false, follow: false } };

/**
 * A new fiche: the ones the source announces without listing them, or a new one. `?thematique=`
 * ticks a theme; `?plan=prochain` adds it to the draft of the next plan (its themes are the choices).
 */
export default async function NewActionPage({
  searchParams,
}: {
  searchParams: Promise<{ thematique?: string | string[]; plan?: string | string[] }>;
}) {
  const params = await searchParams;
  const forDraft = params.plan === "prochain";
  const actor = await requireAdminPage(`/admin/plan/fiches/nouvelle${forDraft ? "?plan=prochain" : ""}`);
  const db = await getDb();
  const plans = await listPlansForAdmin(db, actor);
  if (!plans.ok) throw new Error(plans.message);
  const draft = forDraft ? plans.data.find((p) => p.state === "draft") : undefined;
  if (forDraft && !draft) notFound();
  const result = await listPlanForAdmin(db, actor, draft?.id);
  if (!result.ok) throw new Error(result.message);
  // A new fiche goes under themes still shown (the server refuses an archived one).
  const themes = result.data.filter((t) => t.archivedAt === null);
  const asked = params.thematique;
  const themeId = themes.find((t) => typeof asked === "string" && String(t.id) === asked)?.id;
  return (
    <Container>
      <AdminNav current="plan" exact={false} />
      <Breadcrumb
        items={[
          { label: "Administration", href: "/admin" },
          draft ? { label: "Le prochain plan", href: "/admin/plan/prochain" } : { label: "Le plan", href: "/admin/plan" },
          { label: "Ajouter une fiche" },
        ]}
      />
      <PageHeading
        kicker={draft ? `Prochain plan : ${draft.title}` : undefined}
        title="Ajouter une fiche action"
        lead={
          draft ? (
            <p>
              Elle paraîtra sur le site quand le prochain plan sera publié, sans statut ni avancement : les points d&apos;étape les
              donneront.
            </p>
          ) : (
            <p>Elle paraît sur le site public dès son ajout, sans statut ni avancement : les points d&apos;étape les donneront.</p>
          )
        }
      />
      <CreateActionForm action={createActionAction} themes={themes} themeId={themeId} />
    </Container>
  );
}
