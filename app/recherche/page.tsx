import type { Metadata } from "next";
import { publicPageMetadata } from "@/server/settings/city-identity";
import { cache } from "react";
import type { SearchKind } from "@/lib/search";
import { SearchForm } from "@/components/search/search-form";
import { SearchResults, resultCountText } from "@/components/search/search-results";
import { Container } from "@/components/ui/container";
import { Notice } from "@/components/ui/notice";
import { PageHeading } from "@/components/ui/page-heading";
import { Section } from "@/components/ui/section";
import { TextLink } from "@/components/ui/text-link";
import { parseSearchParams, SEARCH_QUERY_MAX, searchHref, type SearchRequest } from "@/lib/search";
import { getDb } from "@/server/db";
import { loadSearchChoices } from "@/server/search/load-search-choices";
import { searchPublic, type SearchOutcome } from "@/server/search/search-public";

/*
 * /recherche?q=…: rendered per request (it reads its address), nothing cached, no client code. It
 * only ever shows what the public pages show (server/search/search-public.ts).
 */

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

type Loaded = { request: SearchRequest; outcome: SearchOutcome | null };

// One search per request: generateMetadata (the title gives the count) and the page share it.
const search = cache(async (q: string, kind: SearchKind | null, themeSlug: string | null, councilSlug: string | null, page: number) =>
  searchPublic(await getDb(), q, { kind, themeSlug, councilSlug }, page),
);

async function load(searchParams: Props["searchParams"]): Promise<Loaded> {
  const request = parseSearchParams(await searchParams);
  if (request.q === "" || request.tooLong) return { request, outcome: null };
  const outcome = await search(request.q, request.kind, request.themeSlug, request.councilSlug, request.page);
  return { request, outcome };
}

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const request = parseSearchParams(await searchParams);
  const page = await publicPageMetadata({
    title: "Rechercher",
    description:
      "Chercher un mot dans les fiches actions, les points d'étape, les avis des conseils de quartier, les réponses de la Ville et les réunions publiques.",
    path: "/recherche",
  });
  // The search page itself is listed in sitemap.xml; its results are for people, not for search
  // engines' indexes (robots.txt keeps crawlers out of them, docs/decisions/0015).
  if (request.q === "") return page;
  const robots = { index: false, follow: true };
  if (request.tooLong) return { ...page, robots };
  const { outcome } = await load(searchParams);
  const count = outcome && !outcome.noUsableWord ? ` (${resultCountText(outcome).toLowerCase()})` : "";
  return { ...page, title: `Recherche « ${request.q} »${count}`, robots };
}

export default async function SearchPage({ searchParams }: Props) {
  const [{ request, outcome }, choices] = await Promise.all([load(searchParams), getDb().then(loadSearchChoices)]);
  const filtered = Boolean(request.kind || request.themeSlug || request.councilSlug);
  const tooLong = request.tooLong
    ? `Votre recherche est trop longue : ${[...request.q].length} caractères, ${SEARCH_QUERY_MAX} au plus. Raccourcissez-la.`
    : undefined;
  return (
    <Container>
      <PageHeading
        title="Rechercher"
        lead={
          <p>
            Dans les thématiques, les fiches actions, les points d&apos;étape, les avis et propositions publiés des conseils de quartier,
            les réponses de la Ville et les réunions publiques.
          </p>
        }
      />
      <SearchForm request={request} choices={choices} error={tooLong} />

      {request.q === "" ? (
        <p className="mt-8">Tapez un ou plusieurs mots dans le champ ci-dessus, puis choisissez « Rechercher ».</p>
      ) : null}

      {outcome?.noUsableWord ? (
        <Section id="resultats" title={`Aucun résultat pour « ${request.q} »`} className="mt-10">
          <p>
            Votre recherche ne contient que des mots trop courants (comme « de », « la », « et ») ou des signes. Ajoutez un mot plus précis,
            par exemple « logement » ou « enfance ».
          </p>
        </Section>
      ) : outcome && outcome.total === 0 ? (
        <Section id="resultats" title={`Aucun résultat pour « ${request.q} »`} className="mt-10">
          <ul className="list-disc space-y-1 pl-6">
            <li>Vérifiez l&apos;orthographe des mots.</li>
            <li>Essayez moins de mots, ou des mots plus généraux.</li>
            {filtered ? (
              <li>
                <TextLink href={searchHref({ q: request.q, kind: null, themeSlug: null, councilSlug: null })}>
                  Rechercher sans les filtres
                </TextLink>
              </li>
            ) : null}
          </ul>
        </Section>
      ) : outcome ? (
        <>
          {outcome.correctedFrom ? (
            <Notice className="mt-8">
              <p>
                Aucun résultat pour « {outcome.correctedFrom} ». Voici les résultats pour « {outcome.searched} », le mot le plus proche.
              </p>
            </Notice>
          ) : null}
          <SearchResults request={request} outcome={outcome} />
        </>
      ) : null}
    </Container>
  );
}
