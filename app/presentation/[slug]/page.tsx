import type { Metadata } from "next";
import { SlidePageStyle } from "@/components/slides/print-style";
import { Projector } from "@/components/slides/projector";
import { projectorButtonClass } from "@/components/slides/styles";
import { loadPresentation } from "./load";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Présentation", robots: { index: false, follow: false } };

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<{ diapo?: string | string[] }> };

/** The projector window: the meeting's slides, from live data or frozen. */
export default async function PresentationPage({ params, searchParams }: Props) {
  const { slug } = await params;
  const { diapo } = await searchParams;
  const { notes: _notes, ...view } = await loadPresentation(slug, diapo, `/presentation/${encodeURIComponent(slug)}`, projectorButtonClass);
  return (
    <>
      <SlidePageStyle presenting />
      <Projector {...view} presenterHref={`/presentation/${slug}/presentateur`} />
    </>
  );
}
