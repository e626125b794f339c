import { Pagination } from "@/components/ui/pagination";

/**
 * Links to the pages of a list of contributions (plain links: the pages are static). Page 1 is
 * `firstHref` (the fiche or the council page), page n is `${baseHref}/${n}`.
 */
export function ContributionPagination({
  page,
  pageCount,
  firstHref,
  baseHref,
}: {
  page: number;
  pageCount: number;
  firstHref: string;
  baseHref: string;
}) {
  return (
    <Pagination
      page={page}
      pageCount={pageCount}
      hrefOf={(n) => (n === 1 ? firstHref : `${baseHref}/${n}`)}
      label="Pages des avis et propositions"
    />
  );
}
