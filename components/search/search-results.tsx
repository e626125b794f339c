import { Pagination } from "@/components/ui/pagination";
import { Section } from "@/components/ui/section";
import { TextLink } from "@/components/ui/text-link";
import { cityDay, formatDay } from "@/lib/dates";
import { pluralize } from "@/lib/labels";
import { SEARCH_COUNT_CAP, searchHref, searchKindLabels, searchKinds, type SearchKind, type SearchRequest } from "@/lib/search";
import type { SearchHit, SearchOutcome } from "@/server/search/search-public";
import { Highlighted } from "./highlighted";

const capped = (n: number) => n > SEARCH_COUNT_CAP;
const countText = (n: number) => (capped(n) ? `plus de ${SEARCH_COUNT_CAP.toLocaleString("fr-FR")}` : n.toLocaleString("fr-FR"));

/** « 12 résultats », « plus de 1 000 résultats » (a kind over the cap makes the total a lower bound). */
export function resultCountText(outcome: SearchOutcome): string {
  const anyCapped = searchKinds.some((k) => capped(outcome.counts[k]));
  if (anyCapped) return `Plus de ${outcome.total.toLocaleString("fr-FR")} résultats`;
  return pluralize(outcome.total, "résultat", "résultats");
}

function Hit({ hit }: { hit: SearchHit }) {
  const headingId = `resultat-${hit.kind}-${hit.id}`;
  return (
    <article aria-labelledby={headingId} className="rounded-lg border border-slate-300 p-4">
      <h4 id={headingId} className="text-lg leading-snug font-bold break-words">
        <TextLink href={hit.href}>
          <Highlighted text={hit.title} />
        </TextLink>
      </h4>
      {hit.context || hit.date ? (
        <p className="mt-1 text-base break-words text-slate-700">
          {hit.context}
          {hit.context && hit.date ? " — " : null}
          {hit.date ? <time dateTime={hit.date.toISOString()}>{formatDay(cityDay(hit.date))}</time> : null}
        </p>
      ) : null}
      {hit.excerpt ? (
        <p className="mt-2 break-words text-slate-900">
          <Highlighted text={hit.excerpt} />
        </p>
      ) : null}
    </article>
  );
}

/**
 * A page of results, grouped by kind in a fixed order (a page may hold the end of one kind and the
 * start of the next), after a summary of how many of each kind were found, each a link that keeps
 * only that kind. The h2 says how many results in all: the first thing a screen reader meets.
 */
export function SearchResults({ request, outcome }: { request: SearchRequest; outcome: SearchOutcome }) {
  const groups = searchKinds.map((kind) => ({ kind, hits: outcome.hits.filter((h) => h.kind === kind) })).filter((g) => g.hits.length > 0);
  const found = searchKinds.filter((k) => outcome.counts[k] > 0);
  const base = { q: outcome.searched, kind: request.kind, themeSlug: request.themeSlug, councilSlug: request.councilSlug };
  const title = `${resultCountText(outcome)} pour « ${outcome.searched} »${outcome.pageCount > 1 ? `, page ${outcome.page} sur ${outcome.pageCount}` : ""}`;
  return (
    <Section id="resultats" title={title} className="mt-10">
      {found.length > 1 || request.kind ? (
        <ul aria-label="Résultats par type" className="mb-6 flex flex-wrap gap-x-6 gap-y-1">
          {found.map((kind: SearchKind) => (
            <li key={kind}>
              {request.kind === kind ? (
                <span className="inline-flex min-h-11 items-center font-semibold">
                  {searchKindLabels[kind]} : {countText(outcome.counts[kind])}
                </span>
              ) : (
                <TextLink href={searchHref({ ...base, kind })} className="inline-flex min-h-11 items-center">
                  {searchKindLabels[kind]} : {countText(outcome.counts[kind])}
                </TextLink>
              )}
            </li>
          ))}
          {request.kind ? (
            <li>
              <TextLink href={searchHref({ ...base, kind: null })} className="inline-flex min-h-11 items-center">
                Tous les types
              </TextLink>
            </li>
          ) : null}
        </ul>
      ) : null}
      <div className="space-y-8">
        {groups.map(({ kind, hits }) => (
          <section key={kind} aria-labelledby={`groupe-${kind}`}>
            <h3 id={`groupe-${kind}`} className="mb-3 text-xl font-bold">
              {searchKindLabels[kind]} <span className="font-normal text-slate-700">({countText(outcome.counts[kind])})</span>
            </h3>
            <ol className="space-y-3">
              {hits.map((hit) => (
                <li key={`${hit.kind}-${hit.id}`}>
                  <Hit hit={hit} />
                </li>
              ))}
            </ol>
          </section>
        ))}
      </div>
      <Pagination
        page={outcome.page}
        pageCount={outcome.pageCount}
        hrefOf={(n) => searchHref({ ...base, page: n })}
        label="Pages des résultats"
      />
    </Section>
  );
}
