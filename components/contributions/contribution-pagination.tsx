import { TextLink } from "@/components/ui/text-link";

/** The page number of a `[page]` segment: a positive whole number written plainly, else NaN (→ not found). */
export const parsePageNumber = (raw: string) => (/^[1-9]\d{0,5}$/.test(raw) ? Number(raw) : NaN);

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
  if (pageCount <= 1) return null;
  const href = (n: number) => (n === 1 ? firstHref : `${baseHref}/${n}`);
  const pages = Array.from({ length: pageCount }, (_, i) => i + 1);
  return (
    <nav aria-label="Pages des avis et propositions" className="mt-6">
      <ul className="flex flex-wrap items-center gap-2">
        {page > 1 ? (
          <li>
            <TextLink href={href(page - 1)} className="inline-flex min-h-11 items-center px-2">
              Page précédente
            </TextLink>
          </li>
        ) : null}
        {pages.map((n) => (
          <li key={n}>
            {n === page ? (
              <span
                aria-current="page"
                className="inline-flex min-h-11 min-w-11 items-center justify-center rounded-md border-2 border-blue-900 bg-blue-900 px-2 font-semibold text-white"
              >
                <span className="sr-only">Page </span>
                {n}
              </span>
            ) : (
              <TextLink href={href(n)} className="inline-flex min-h-11 min-w-11 items-center justify-center px-2">
                <span className="sr-only">Page </span>
                {n}
              </TextLink>
            )}
          </li>
        ))}
        {page < pageCount ? (
          <li>
            <TextLink href={href(page + 1)} className="inline-flex min-h-11 items-center px-2">
              Page suivante
            </TextLink>
          </li>
        ) : null}
      </ul>
    </nav>
  );
}
