import type { Metadata } from "next";
import { AdminNav } from "@/components/admin/admin-nav";
import { CreateActionForm } from "@/components/admin/plan/action-form";
import { Breadcrumb } from "@/components/ui/breadcrumb";
import { Container } from "@/components/ui/container";
import { PageHeading } from "@/components/ui/page-heading";
import { getDb } from "@/server/db";
import { listPlanForAdmin } from "@/server/plan-admin/queries";
import { requireAdminPage } from "../../../require-admin";
import { createActionAction } from "../../actions";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Ajouter une fiche action — Administration", robots: { index: false, follow: false } };

/** A new fiche: the ones the source announces without listing them, or a new one. `?thematique=` ticks a theme. */
export default async function NewActionPage({ searchParams }: { searchParams: Promise<{ thematique?: string | string[] }> }) {
  const actor = await requireAdminPage("/admin/plan/fiches/nouvelle");
  const result = await listPlanForAdmin(await getDb(), actor);
  if (!result.ok) throw new Error(result.message);
  // A new fiche goes under themes still shown (the server refuses an archived one).
  const themes = result.data.filter((t) => t.archivedAt === null);
  const asked = (await searchParams).thematique;
  const themeId = themes.find((t) => typeof asked === "string" && String(t.id) === asked)?.id;
  return (
    <Container>
      <AdminNav current="plan" exact={false} />
      <Breadcrumb
        items={[{ label: "Administration", href: "/admin" }, { label: "Le plan", href: "/admin/plan" }, { label: "Ajouter une fiche" }]}
      />
      <PageHeading
        title="Ajouter une fiche action"
        lead={<p>Elle paraît sur le site public dès son ajout, sans statut ni avancement : les points d&apos;étape les donneront.</p>}
      />
      <CreateActionForm action={createActionAction} themes={themes} themeId={themeId} />
    </Container>
  );
}
