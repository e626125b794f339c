import type { Metadata } from "next";
import { feedPath } from "@/lib/feeds";
import { publicPageMetadata } from "@/server/settings/city-identity";
import { notFound } from "next/navigation";
import { cache } from "react";
import { ContributionPagination } from "@/components/contributions/contribution-pagination";
import { parsePageNumber } from "@/components/ui/pagination";
import { PublishedContributionList } from "@/components/contributions/published-contributions";
import { PageFreshness } from "@/components/plan/page-freshness";
import { Breadcrumb } from "@/components/ui/breadcrumb";
import { Container } from "@/components/ui/container";
import { PageHeading } from "@/components/ui/page-heading";
import { TextLink } from "@/components/ui/text-link";
import { getPublicCouncilContributions } from "@/server/councils/get-public-council";
import { getDb } from "@/server/db";

/* Static and cached like the council page: rendered on first visit, refreshed with the council page
   when one of its contributions changes (server/public-paths.ts) and at least hourly. No session,
   no search parameters. */
export function generateStaticParams() {
  return [];
}

export const revalidate = 3600;

type Props = { params: Promise<{ slug: string; page: string }> };

const load = cache(async (slug: string, page: string) => {
  const n = parsePageNumber(page);
  return Number.isNaN(n) ? null : getPublicCouncilContributions(await getDb(), slug, n);
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug, page } = await params;
  const data = await load(slug, page);
  if (!data) return { title: "Page introuvable" };
  const { council, contributions } = data;
  return publicPageMetadata({
    title: `Avis et propositions (page ${contributions.page}) — ${council.name}`,
    description: `Les avis et propositions publiés par le ${council.name} sur les fiches actions, page ${contributions.page}.`,
    path: `/conseils/${council.slug}/contributions/${contributions.page}`,
    feeds: [{ path: feedPath({ kind: "council", slug: council.slug }), title: `Les avis et propositions du ${council.name}` }],
  });
}

export default async function CouncilContributionsPage({ params }: Props) {
  const { slug, page } = await params;
  const data = await load(slug, page);
  if (!data) notFound();
  const { council, contributions } = data;
  const councilHref = `/conseils/${council.slug}`;
  return (
    <Container>
      <Breadcrumb
        items={[
          { label: "Accueil", href: "/" },
          { label: "Conseils de quartier", href: "/conseils" },
          { label: council.name, href: councilHref },
          { label: `Avis et propositions, page ${contributions.page}` },
        ]}
      />
      <PageHeading kicker={`Page ${contributions.page} sur ${contributions.pageCount}`} title={`Avis et propositions du ${council.name}`} />
      {contributions.items.length > 0 ? (
        <PublishedContributionList items={contributions.items} context="council" />
      ) : (
        <p>Ce conseil n&apos;a encore publié ni avis ni proposition.</p>
      )}
      <ContributionPagination
        page={contributions.page}
        pageCount={contributions.pageCount}
        firstHref={councilHref}
        baseHref={`${councilHref}/contributions`}
      />
      <p className="mt-8">
        <TextLink href={councilHref}>Retour à la page du conseil</TextLink>
      </p>
      <PageFreshness />
    </Container>
  );
}
