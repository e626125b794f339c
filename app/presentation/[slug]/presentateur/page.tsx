import type { Metadata } from "next";
import { secondaryButtonClass } from "@/components/form/field";
import { SlidePageStyle } from "@/components/slides/print-style";
import { PresenterView } from "@/components/slides/presenter-view";
import { loadPresentation } from "../load";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Vue présentateur", robots: { index: false, follow: false } };

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<{ diapo?: string | string[] }> };

/** The presenter's window: current and next slide, notes, clock; in step with the projector. */
export default async function PresenterPage({ params, searchParams }: Props) {
  const { slug } = await params;
  const { diapo } = await searchParams;
  const view = await loadPresentation(slug, diapo, `/presentation/${encodeURIComponent(slug)}/presentateur`, secondaryButtonClass);
  return (
    <>
      <SlidePageStyle presenting />
      <PresenterView {...view} projectorHref={`/presentation/${slug}`} />
    </>
  );
}
