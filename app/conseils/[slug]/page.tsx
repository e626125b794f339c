import type { Metadata } from "next";
import { feedPath } from "@/lib/feeds";
import { publicPageMetadata } from "@/server/settings/city-identity";
import { notFound } from "next/navigation";
import { cache } from "react";
import { Breadcrumb } from "@/components/ui/breadcrumb";
import { Container } from "@/components/ui/container";
import { DemoMarker } from "@/components/ui/demo-marker";
import { Notice } from "@/components/ui/notice";
import { PageHeading } from "@/components/ui/page-heading";
import { Section } from "@/components/ui/section";
import { TextLink } from "@/components/ui/text-link";
import { FollowLink } from "@/components/plan/follow-link";
import { PageFreshness } from "@/components/plan/page-freshness";
import { ContributionPagination } from "@/components/contributions/contribution-pagination";
import { PublishedContributionList } from "@/components/contributions/published-contributions";
import { getDb } from "@/server/db";
import { pluralize } from "@/lib/labels";
import { getPublicCouncil } from "@/server/councils/get-public-council";

/* Public and cached like the fiches: nothing rendered at build, each council page rendered on its
   first visit, then served from cache; refreshed when its members or its contributions change
   (server/public-paths.ts) and at least hourly. It reads no cookie: the same page for everyone. */
export function generateStaticParams() {
  return [];
}

export const revalidate = 3600;

type Props = { params: Promise<{ slug: string }> };

const load = cache(async (slug: string) => getPublicCouncil(await getDb(), slug));

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const council = await load((await params).slug);
  if (!council) return { title: "Page introuvable" };
  return publicPageMetadata({
    title: council.name,
    description: (site) =>
      `${council.name}, conseil de quartier — ${site} : son quartier, ses membres et sa participation au projet social communal.`,
    path: `/conseils/${council.slug}`,
    feeds: [{ path: feedPath({ kind: "council", slug: council.slug }), title: `Les avis et propositions du ${council.name}` }],
  });
}

export default async function PublicCouncilPage({ params }: Props) {
  const council = await load((await params).slug);
  if (!council) notFound();

  return (
    <Container>
      <Breadcrumb
        items={[{ label: "Accueil", href: "/" }, { label: "Conseils de quartier", href: "/conseils" }, { label: council.name }]}
      />
      <PageHeading
        kicker="Conseil de quartier"
        title={council.name}
        lead={council.description ? <p>{council.description}</p> : undefined}
      />

      {council.isDemo ? (
        <Notice title={<DemoMarker />} className="mb-8">
          <p>Ce conseil n&apos;est pas réel : son nom, son quartier et ses membres seront renseignés par la Ville.</p>
        </Notice>
      ) : null}

      <dl className="grid gap-4 rounded-lg border border-slate-300 bg-slate-50 p-4 sm:grid-cols-2 sm:p-6">
        <div>
          <dt className="font-semibold text-slate-900">Quartier</dt>
          <dd className="text-lg">{council.area ?? "Non renseigné"}</dd>
        </div>
        <div>
          <dt className="font-semibold text-slate-900">Membres inscrits sur ce site</dt>
          <dd className="text-lg">{pluralize(council.memberCount, "membre", "membres")}</dd>
        </div>
      </dl>

      <Section id="membres" title="Les membres">
        {council.publicMemberNames.length > 0 ? (
          <>
            <p>Ces membres ont choisi d&apos;afficher leur nom :</p>
            <ul className="mt-2 list-disc space-y-1 pl-6">
              {council.publicMemberNames.map((name, i) => (
                <li key={`${i}-${name}`}>{name}</li>
              ))}
            </ul>
            {council.publicMemberNames.length < council.memberCount ? (
              <p className="mt-2">Les autres membres n&apos;affichent pas leur nom.</p>
            ) : null}
          </>
        ) : (
          <p>
            {council.memberCount > 0
              ? "Les membres de ce conseil n'affichent pas leur nom publiquement."
              : "Ce conseil n'a pas encore de membre inscrit sur ce site."}
          </p>
        )}
        <p className="mt-2 text-base text-slate-700">
          Chaque membre choisit d&apos;afficher son nom ou non. Les adresses électroniques ne sont jamais publiées.
        </p>
      </Section>

      <Section id="avis" title="Avis et propositions">
        {council.contributions.items.length > 0 ? (
          <>
            <p className="mb-4 text-slate-800">
              Les avis et propositions de ce conseil sur les fiches actions, après relecture par la Ville. Du plus récent au plus ancien.
            </p>
            <PublishedContributionList items={council.contributions.items} context="council" />
            <ContributionPagination
              page={1}
              pageCount={council.contributions.pageCount}
              firstHref={`/conseils/${council.slug}`}
              baseHref={`/conseils/${council.slug}/contributions`}
            />
          </>
        ) : (
          <p>Ce conseil n&apos;a encore publié ni avis ni proposition. Ils paraîtront ici, une fois relus par la Ville.</p>
        )}
      </Section>

      <p className="mt-12">
        Vous êtes membre de ce conseil ? <TextLink href={`/espace/conseils/${council.slug}`}>Espace du conseil</TextLink> (connexion
        nécessaire).
      </p>

      <FollowLink href={feedPath({ kind: "council", slug: council.slug })} kind="feed" className="mt-12">
        Suivre les avis et propositions de ce conseil
      </FollowLink>
      <PageFreshness />
    </Container>
  );
}
