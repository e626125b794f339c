import type { Metadata } from "next";
import { cache } from "react";
import { notFound } from "next/navigation";
import { PastMeetings } from "@/components/meetings/meeting-list";
import { Breadcrumb } from "@/components/ui/breadcrumb";
import { Container } from "@/components/ui/container";
import { parsePageNumber } from "@/components/ui/pagination";
import { PageHeading } from "@/components/ui/page-heading";
import { getDb } from "@/server/db";
import { listPublicMeetings } from "@/server/meetings/queries";
import { publicPageMetadata } from "@/server/settings/city-identity";

/* Older past meetings, a page at a time (page 1 is /reunions). Static and cached like /reunions:
   refreshed with it by every change of a meeting (the whole /reunions layout) and at least hourly.
   Meeting addresses end with their day (« …-2026-12-17 »): « passees » is never one of them. */
export function generateStaticParams() {
  return [];
}

export const revalidate = 3600;

type Props = { params: Promise<{ page: string }> };

/** One read per render: the metadata and the page share it. Page 1 is /reunions itself (one address per page). */
const loadPage = cache(async (n: number) => (n < 2 ? null : listPublicMeetings(await getDb(), n)));

async function load(params: Props["params"]) {
  const n = parsePageNumber((await params).page);
  return Number.isNaN(n) ? null : loadPage(n);
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const data = await load(params);
  if (!data) return { title: "Page introuvable" };
  return publicPageMetadata({
    title: `Réunions passées (page ${data.page})`,
    description: (site) => `Les réunions publiques passées — ${site} : dates, lieux et comptes rendus, page ${data.page}.`,
    path: `/reunions/passees/${data.page}`,
  });
}

export default async function PastMeetingsPage({ params }: Props) {
  const data = await load(params);
  if (!data) notFound();
  return (
    <Container>
      <Breadcrumb
        items={[
          { label: "Accueil", href: "/" },
          { label: "Réunions publiques", href: "/reunions" },
          { label: `Réunions passées, page ${data.page}` },
        ]}
      />
      <PageHeading
        kicker={`Page ${data.page} sur ${data.pageCount}`}
        title="Réunions passées"
        lead={<p>Des plus récentes aux plus anciennes.</p>}
      />
      <PastMeetings meetings={data.past} page={data.page} pageCount={data.pageCount} />
    </Container>
  );
}
