import type { Metadata } from "next";
import { feedPath } from "@/lib/feeds";
import { publicPageMetadata } from "@/server/settings/city-identity";
import { getActionPage } from "@/server/plan/load-action-page";
import { FichePage } from "@/components/plan/fiche-page";

/* No fiche is rendered at build time (the build does not read the database): each page is
   rendered on its first visit, then served from cache and refreshed at least hourly. */
export function generateStaticParams() {
  return [];
}

export const revalidate = 3600;

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const page = await getActionPage((await params).slug);
  if (!page) return { title: "Page introuvable" };
  const { slug, title } = page.action;
  return publicPageMetadata({
    title,
    description: (site) => `Fiche action « ${title} » — ${site}. Statut, échéance, avancement et points d'étape.`,
    path: `/fiches/${slug}`,
    feeds: [{ path: feedPath({ kind: "action", slug }), title: "Les nouveautés de cette fiche action" }],
  });
}

export default async function ActionPage({ params }: Props) {
  return <FichePage slug={(await params).slug} largePrint={false} />;
}
