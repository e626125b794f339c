import { TextLink } from "@/components/ui/text-link";

/**
 * « ← Page précédente · Page 2 sur 5 · Page suivante → » under a paginated list (plain links,
 * 44 px targets). Nothing when there is a single page. Used by the notifications.
 */
export function Pager({
  page,
  pageCount,
  href,
  label = "Pages",
}: {
  page: number;
  pageCount: number;
  href: (page: number) => string;
  label?: string;
}) {
  if (pageCount <= 1) return null;
  return (
    <nav aria-label={label} className="mt-6 flex flex-wrap items-center gap-x-6 gap-y-2">
      {page > 1 ? (
        <TextLink href={href(page - 1)} className="inline-flex min-h-11 items-center">
          ← Page précédente
        </TextLink>
      ) : null}
      <span>
        Page {page} sur {pageCount}
      </span>
      {page < pageCount ? (
        <TextLink href={href(page + 1)} className="inline-flex min-h-11 items-center">
          Page suivante →
        </TextLink>
      ) : null}
    </nav>
  );
}
