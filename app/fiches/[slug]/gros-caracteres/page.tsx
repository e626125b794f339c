import type { Metadata } from "next";
import { getActionPage } from "@/server/plan/load-action-page";
import { FichePage } from "@/components/plan/fiche-page";

/* The fiche in large print (18 pt on paper and larger on screen): the same page, the same cache rules. */
export function generateStaticParams() {
  return [];
}

export const revalidate = 3600;

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const page = await getActionPage((await params).slug);
  if (!page) return { title: "Page introuvable" };
  return { title: `${page.action.title} — gros caractères`, robots: { index: false } };
}

export default async function LargePrintFichePage({ params }: Props) {
  return <FichePage slug={(await params).slug} largePrint />;
}
