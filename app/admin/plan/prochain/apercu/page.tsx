import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { PlanArchiveView } from "@/components/plan/plan-archive-view";
import { Notice } from "@/components/ui/notice";
import { TextLink } from "@/components/ui/text-link";
import { getDb } from "@/server/db";
import { listPlansForAdmin } from "@/server/plan-admin/next-plan";
import { loadPlanOverview } from "@/server/plan/load-plan-overview";
import { loadCityIdentity } from "@/server/settings/city-identity";
import { requireAdminPage } from "../../../require-admin";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Aperçu du prochain plan — Administration", robots: { index: false, follow: false } };

/** The draft as its public page will show it: staff only, under /admin (never cached, never listed). Decision 0027. */
export default async function NextPlanPreviewPage() {
  const actor = await requireAdminPage("/admin/plan/prochain/apercu");
  const db = await getDb();
  const plans = await listPlansForAdmin(db, actor);
  if (!plans.ok) throw new Error(plans.message);
  const draft = plans.data.find((p) => p.state === "draft");
  if (!draft) notFound();
  const [overview, identity] = await Promise.all([loadPlanOverview(db, new Date(), { id: draft.id }), loadCityIdentity()]);
  if (!overview) notFound();
  return (
    <PlanArchiveView
      overview={overview}
      cityName={identity.cityName}
      crumbs={[
        { label: "Administration", href: "/admin" },
        { label: "Le prochain plan", href: "/admin/plan/prochain" },
        { label: "Aperçu" },
      ]}
      preview={
        <Notice title="Aperçu : plan en préparation" className="mb-6">
          <p>
            Cette page n&apos;est visible que de l&apos;équipe : le plan paraîtra sur le site quand il sera publié. Les liens vers les
            fiches mènent à leur page publique, qui n&apos;existe qu&apos;après la publication ; modifiez-les depuis{" "}
            <TextLink href="/admin/plan/prochain">le prochain plan</TextLink>.
          </p>
        </Notice>
      }
    />
  );
}
