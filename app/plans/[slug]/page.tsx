import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { periodOf, planPath, PLANS_PATH } from "@/lib/plans";
import { getPlanOverviewBySlug } from "@/server/plan/load-plan-overview";
import { loadCityIdentity, publicPageMetadata } from "@/server/settings/city-identity";
import { PlanArchiveView } from "@/components/plan/plan-archive-view";

/*
 * A plan's own page (decision 0027): an earlier plan (« Plan terminé ») as it was when the next one
 * was published, or the current one. Never a draft. Rendered on its first visit, then served from
 * cache and refreshed with every public page when the plan changes, and at least hourly.
 */
export function generateStaticParams() {
  return [];
}

export const revalidate = 3600;

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const overview = await getPlanOverviewBySlug((await params).slug);
  if (!overview) return { title: "Page introuvable" };
  const { plan } = overview;
  return publicPageMetadata({
    title: `${plan.title} (${periodOf(plan)})${plan.state === "closed" ? " — plan terminé" : ""}`,
    description: (site) => `Le plan ${periodOf(plan)} : ses thématiques, ses fiches actions et leur bilan — ${site}.`,
    path: planPath(plan.slug),
  });
}

export default async function PlanOfPeriodPage({ params }: Props) {
  const [overview, identity] = await Promise.all([getPlanOverviewBySlug((await params).slug), loadCityIdentity()]);
  if (!overview) notFound();
  return (
    <PlanArchiveView
      overview={overview}
      cityName={identity.cityName}
      crumbs={[{ label: "Accueil", href: "/" }, { label: "Les plans", href: PLANS_PATH }, { label: periodOf(overview.plan) }]}
    />
  );
}
