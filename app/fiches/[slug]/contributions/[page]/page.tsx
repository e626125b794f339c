import type { Metadata } from "next";
import { feedPath } from "@/lib/feeds";
import { publicPageMetadata } from "@/server/settings/city-identity";
import { notFound } from "next/navigation";
import { ContributionPagination } from "@/components/contributions/contribution-pagination";
import { parsePageNumber } from "@/components/ui/pagination";
import { PublishedContributionList } from "@/components/contributions/published-contributions";
import { PageFreshness } from "@/components/plan/page-freshness";
import { Breadcrumb } from "@/components/ui/breadcrumb";
import { Container } from "@/components/ui/container";
import { PageHeading } from "@/components/ui/page-heading";
import { TextLink } from "@/components/ui/text-link";
import { getActionContributionsPage } from "@/server/plan/load-action-contributions-page";

/* Static and cached like the fiche page: rendered on first visit, refreshed with the fiche when one
   of its contributions changes (server/public-paths.ts) and at least hourly. No session, no search
   parameters. */
export function generateStaticParams() {
  return [];
}

export const revalidate = 3600;

type Props = { params: Promise<{ slug: string; page: string }> };

async function load(params: Props["params"]) {
  const { slug, page } = await params;
  const n = parsePageNumber(page);
  return Number.isNaN(n) ? null : getActionContributionsPage(slug, n);
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const data = await load(params);
  if (!data) return { title: "Page introuvable" };
  const { slug, title } = data.action;
  return publicPageMetadata({
    title: `Avis et propositions (page ${data.contributions.page}) — ${title}`,
    description: `Les avis et propositions des conseils de quartier sur la fiche action « ${title} », page ${data.contributions.page}.`,
    path: `/fiches/${slug}/contributions/${data.contributions.page}`,
    feeds: [{ path: feedPath({ kind: "action", slug }), title: "Les nouveautés de cette fiche action" }],
  });
}

export default async function ActionContributionsPage({ params }: Props) {
  const data = await load(params);
  if (!data) notFound();
  const { action, contributions } = data;
  const ficheHref = `/fiches/${action.slug}`;
  return (
    <Container>
      <Breadcrumb
        items={[
          { label: "Accueil", href: "/" },
          { label: action.title, href: ficheHref },
          { label: `Avis et propositions, page ${contributions.page}` },
        ]}
      />
      <PageHeading
        kicker={`Page ${contributions.page} sur ${contributions.pageCount}`}
        title={`Avis et propositions sur « ${action.title} »`}
        lead={
          <p>Ce que les conseils de quartier ont dit de cette fiche action, après relecture par la Ville. Du plus récent au plus ancien.</p>
        }
      />
      {contributions.items.length > 0 ? (
        <PublishedContributionList items={contributions.items} context="fiche" />
      ) : (
        <p>Aucun avis ni aucune proposition n&apos;a encore été publié pour cette fiche action.</p>
      )}
      <ContributionPagination
        page={contributions.page}
        pageCount={contributions.pageCount}
        firstHref={ficheHref}
        baseHref={`${ficheHref}/contributions`}
      />
      <p className="mt-8">
        <TextLink href={ficheHref}>Retour à la fiche action</TextLink>
      </p>
      <PageFreshness />
    </Container>
  );
}
