import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { publicPageMetadata } from "@/server/settings/city-identity";
import { parsePlanFilter, PLAN_PATH } from "@/lib/plan-filter";
import { PlanPage } from "@/components/plan/plan-page";

/*
 * /plan/filtre?thematique=…&statut=…: « Le plan » filtered, rendered per request (it reads its
 * address), no client code. With no filter at all it sends to /plan, the cached page. Its views
 * say nothing /plan does not: not indexed (robots.txt keeps crawlers out, lib/crawl.ts).
 */

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata(): Promise<Metadata> {
  return {
    ...(await publicPageMetadata({
      title: "Le plan : fiches actions filtrées",
      description: (site) => `Les fiches actions, filtrées par thématique et par statut — ${site}.`,
      path: PLAN_PATH,
    })),
    robots: { index: false, follow: true },
  };
}

export default async function FilteredPlanPage({ searchParams }: Props) {
  const filter = parsePlanFilter(await searchParams);
  if (filter.themeSlug === null && filter.status === null) redirect(PLAN_PATH);
  return <PlanPage filter={filter} />;
}
