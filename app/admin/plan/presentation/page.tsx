import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { AdminNav } from "@/components/admin/admin-nav";
import { EditPlanForm } from "@/components/admin/plan/next-plan-forms";
import { Breadcrumb } from "@/components/ui/breadcrumb";
import { Container } from "@/components/ui/container";
import { PageHeading } from "@/components/ui/page-heading";
import { periodOf } from "@/lib/plans";
import { planDetailsInput } from "@/lib/validation/plan";
import { getDb } from "@/server/db";
import { loadPlanDetailsForAdmin } from "@/server/plan-admin/plan-details";
import { requireAdminPage } from "../../require-admin";
import { updatePlanAction } from "../actions";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "La présentation du plan — Administration", robots: { index: false, follow: false } };

/**
 * The plan's title, period, introduction, démarche and its steps: the current plan's, or with
 * `?plan=prochain` the draft's (decision 0027). A closed plan has no such page: it stays as it was.
 */
export default async function PlanDetailsPage({ searchParams }: { searchParams: Promise<{ plan?: string | string[] }> }) {
  const forDraft = (await searchParams).plan === "prochain";
  const here = `/admin/plan/presentation${forDraft ? "?plan=prochain" : ""}`;
  const actor = await requireAdminPage(here);
  const result = await loadPlanDetailsForAdmin(await getDb(), actor, forDraft ? "draft" : "current");
  if (!result.ok) throw new Error(result.message);
  const plan = result.data;
  if (!plan) notFound();
  return (
    <Container>
      <AdminNav current="plan" exact={false} />
      <Breadcrumb
        items={[
          { label: "Administration", href: "/admin" },
          forDraft ? { label: "Le prochain plan", href: "/admin/plan/prochain" } : { label: "Le plan", href: "/admin/plan" },
          { label: "La présentation du plan" },
        ]}
      />
      <PageHeading
        kicker={forDraft ? `Prochain plan, en préparation · ${periodOf(plan)}` : `Plan en cours · ${periodOf(plan)}`}
        title="La présentation du plan"
        lead={
          forDraft ? (
            <p>Son titre, sa période, son introduction et sa démarche : rien n&apos;en paraît sur le site avant sa publication.</p>
          ) : (
            <p>
              Son titre, sa période, son introduction et sa démarche, tels que la page d&apos;accueil et la page « La démarche » les
              montrent : les changements y paraissent aussitôt.
            </p>
          )
        }
      />
      <EditPlanForm action={updatePlanAction} returnTo={here} addressFollowsPeriod={forDraft} plan={planDetailsInput(plan)} />
    </Container>
  );
}
