import { TextLink } from "./text-link";

export interface Crumb {
  label: string;
  /** Absent for the current page (the last crumb). */
  href?: string;
}

export function Breadcrumb({ items }: { items: Crumb[] }) {
  return (
    <nav aria-label="Fil d'Ariane" className="mb-6 text-base">
      <ol className="flex flex-wrap items-center text-slate-700">
        {items.map((item, i) => (
          <li key={`${i}-${item.label}`}>
            {i > 0 ? (
              <span aria-hidden="true" className="mx-2 text-slate-600">
                ›
              </span>
            ) : null}
            {item.href ? (
              <TextLink href={item.href} className="inline-flex min-h-11 items-center">
                {item.label}
              </TextLink>
            ) : (
              <span aria-current="page">{item.label}</span>
            )}
          </li>
        ))}
      </ol>
    </nav>
  );
}
