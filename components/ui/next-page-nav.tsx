import { TextLink } from "@/components/ui/text-link";

/**
 * The page links of a list read by keyset (`?apres=<id>`): « Revenir au début » when not on the
 * first page, the next page when more items follow. Plain links: they keep the filters given in
 * `firstHref` and work without JavaScript. Nothing when the list fits on one page.
 */
export function NextPageNav({
  label,
  firstHref,
  nextHref,
  nextLabel,
  onFirstPage,
}: {
  label: string;
  firstHref: string;
  nextHref: string | null;
  nextLabel: string;
  onFirstPage: boolean;
}) {
  if (onFirstPage && !nextHref) return null;
  return (
    <nav aria-label={label} className="mt-6">
      <ul className="flex flex-wrap items-center gap-x-6 gap-y-2">
        {nextHref ? (
          <li>
            <TextLink href={nextHref} className="inline-flex min-h-11 items-center">
              {nextLabel}
            </TextLink>
          </li>
        ) : null}
        {onFirstPage ? null : (
          <li>
            <TextLink href={firstHref} className="inline-flex min-h-11 items-center">
              Revenir au début
            </TextLink>
          </li>
        )}
      </ul>
    </nav>
  );
}

/** `path` with its query string and one more parameter (the cursor). */
export function withParam(path: string, query: string, name: string, value: number | null): string {
  const params = new URLSearchParams(query);
  if (value !== null) params.set(name, String(value));
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}
