import type { Metadata } from "next";
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
  return {
    title: page.action.title,
    description: `Fiche action du projet social communal d'Aurillac : « ${page.action.title} ». Statut, échéance, avancement et points d'étape.`,
  };
}

export default async function ActionPage({ params }: Props) {
  return <FichePage slug={(await params).slug} largePrint={false} />;
}
