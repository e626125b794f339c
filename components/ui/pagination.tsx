import { TextLink } from "./text-link";

/** The page number of a `[page]` segment or `?page=`: a positive whole number written plainly, else NaN (→ not found). */
export const parsePageNumber = (raw: string) => (/^[1-9]\d{0,5}$/.test(raw) ? Number(raw) : NaN);

/**
 * The page numbers to link: the first, the last, and those around the current one; `null` where
 * numbers are left out (shown « … »). At most 2 × radius + 5 entries, whatever the page count (a
 * fiche with 7,000 contributions drew 711 links).
 */
export function pageWindow(page: number, pageCount: number, radius = 2): (number | null)[] {
  const shown = new Set([1, pageCount]);
  for (let n = Math.max(1, page - radius); n <= Math.min(pageCount, page + radius); n++) shown.add(n);
  const sorted = [...shown].sort((a, b) => a - b);
  const out: (number | null)[] = [];
  for (const [i, n] of sorted.entries()) {
    const previous = sorted[i - 1];
    // A gap of a single page is shown as that page, not as « … ».
    if (previous !== undefined && n - previous === 2) out.push(previous + 1);
    else if (previous !== undefined && n - previous > 2) out.push(null);
    out.push(n);
  }
  return out;
}

/**
 * Plain links to the pages of a public list (its pages are ordinary addresses): previous, a window
 * of page numbers (pageWindow), next. `hrefOf(n)` is page n's address; `label` names the navigation.
 */
export function Pagination({
  page,
  pageCount,
  hrefOf,
  label,
}: {
  page: number;
  pageCount: number;
  hrefOf: (n: number) => string;
  label: string;
}) {
  if (pageCount <= 1) return null;
  const pages = pageWindow(page, pageCount);
  return (
    <nav aria-label={label} className="mt-6">
      <ul className="flex flex-wrap items-center gap-2">
        {page > 1 ? (
          <li>
            <TextLink href={hrefOf(page - 1)} className="inline-flex min-h-11 items-center px-2">
              Page précédente
            </TextLink>
          </li>
        ) : null}
        {pages.map((n, i) => (
          <li key={n ?? `gap-${i}`}>
            {n === null ? (
              <span aria-hidden="true" className="inline-flex min-h-11 items-center px-1">
                …
              </span>
            ) : n === page ? (
              <span
                aria-current="page"
                className="inline-flex min-h-11 min-w-11 items-center justify-center rounded-md border-2 border-blue-900 bg-blue-900 px-2 font-semibold text-white"
              >
                <span className="sr-only">Page </span>
                {n}
              </span>
            ) : (
              <TextLink href={hrefOf(n)} className="inline-flex min-h-11 min-w-11 items-center justify-center px-2">
                <span className="sr-only">Page </span>
                {n}
              </TextLink>
            )}
          </li>
        ))}
        {page < pageCount ? (
          <li>
            <TextLink href={hrefOf(page + 1)} className="inline-flex min-h-11 items-center px-2">
              Page suivante
            </TextLink>
          </li>
        ) : null}
      </ul>
    </nav>
  );
}
