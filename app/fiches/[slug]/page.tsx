import { notFound } from "next/navigation";
import { getActionPage } from "@/server/plan/queries";

export function generateStaticParams() {
  return [];
}

export default async function ActionPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const page = await getActionPage(slug);
  if (!page) notFound();
  return <main><h1>{page.action.title}</h1><p>{new Date().toISOString()}</p></main>;
}
