export interface TabLink<K extends string> {
  key: K;
  href: string;
  label: string;
  /** What a screen reader hears instead of `label` (« En attente : 3 contributions » for « En attente (3) »). */
  srLabel?: string;
}

/**
 * The own menu of a staff area (administration, moderation): plain links (no script), big
 * targets, the current one marked by a bar and by aria-current. `exact` false marks a section
 * (aria-current="true") when the page is below it rather than the section's own page.
 */
export function TabNav<K extends string>({
  label,
  links,
  current,
  exact = true,
}: {
  label: string;
  links: TabLink<K>[];
  current: K;
  exact?: boolean;
}) {
  return (
    <nav aria-label={label} className="mb-8 border-b-2 border-slate-300">
      <ul className="-mb-0.5 flex flex-wrap gap-x-2">
        {links.map((link) => {
          const isCurrent = link.key === current;
          return (
            <li key={link.key}>
              <a
                href={link.href}
                aria-current={isCurrent && exact ? "page" : isCurrent ? "true" : undefined}
                className={`inline-flex min-h-11 items-center border-b-4 px-3 text-blue-900 underline-offset-4 hover:underline ${
                  isCurrent ? "border-blue-900 font-bold" : "border-transparent"
                }`}
              >
                {link.srLabel ? (
                  <>
                    <span aria-hidden="true">{link.label}</span>
                    <span className="sr-only">{link.srLabel}</span>
                  </>
                ) : (
                  link.label
                )}
              </a>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
