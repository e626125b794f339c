import { HeaderSearch } from "./header-search";

export type NavKey = "accueil" | "plan" | "demarche" | "conseils" | "reunions" | "espace";

const links: { key: NavKey; href: string; label: string }[] = [
  { key: "accueil", href: "/", label: "Accueil" },
  { key: "plan", href: "/plan", label: "Le plan" },
  { key: "demarche", href: "/demarche", label: "La démarche" },
  { key: "conseils", href: "/conseils", label: "Conseils de quartier" },
  { key: "reunions", href: "/reunions", label: "Réunions" },
  // The signed-in space: a plain link for everyone (the layout never reads the session); /espace
  // sends people who are not signed in to the sign-in page and back.
  { key: "espace", href: "/espace", label: "Espace des conseils" },
];

/*
 * On desktop (1024 px and up) the links sit in the header's one line, without « Accueil »: the
 * service's name on the left is the link home, and the six links with the search do not fit in one
 * line at 1024 px. The search is a field from 1280 px, a « Rechercher » icon link below.
 */
const desktopLinks = links.filter((l) => l.key !== "accueil");

const linkClass = "inline-flex min-h-11 items-center rounded text-white underline-offset-[6px] hover:underline focus-visible:outline-white";
const currentClass = "font-bold underline decoration-[3px]";

function MenuLinks({
  items,
  current,
  className,
  itemClassName,
}: {
  items: typeof links;
  current?: NavKey;
  className: string;
  itemClassName: string;
}) {
  return (
    <nav aria-label="Menu principal">
      <ul className={className}>
        {items.map((link) => {
          const isCurrent = link.key === current;
          return (
            <li key={link.key}>
              <a
                href={link.href}
                aria-current={isCurrent ? "page" : undefined}
                className={`${linkClass} ${itemClassName} ${isCurrent ? currentClass : ""}`}
              >
                {link.label}
              </a>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}

function SearchIcon() {
  return (
    <svg aria-hidden="true" focusable="false" viewBox="0 0 24 24" className="h-6 w-6" fill="none" stroke="currentColor" strokeWidth="2.5">
      <circle cx="10.5" cy="10.5" r="6.5" />
      <path d="m15.5 15.5 5 5" strokeLinecap="round" />
    </svg>
  );
}

/**
 * The main menu. It is rendered by the `@nav` parallel route of the root layout, one page per
 * section, so the current page gets aria-current without reading the request (pages stay
 * static) and without a client component. The header's search comes with it, except on the search
 * page (`search={false}`), which has its own form.
 *
 * Two renderings, one shown at a time (`hidden lg:flex` / `lg:hidden`, so the other is out of the
 * accessibility tree too): the desktop line, and on phones a « Menu » button that opens the links
 * and the search below the bar. That button is a <details>/<summary>: it opens and closes with no
 * JavaScript, by mouse, touch or keyboard, and screen readers say whether it is open.
 */
export function SiteNav({ current, search = true }: { current?: NavKey; search?: boolean }) {
  return (
    <>
      <div className="hidden items-center gap-3 lg:flex">
        <MenuLinks items={desktopLinks} current={current} className="flex" itemClassName="px-1.5 text-base whitespace-nowrap" />
        {search ? (
          <>
            <a
              href="/recherche"
              className="inline-flex min-h-11 min-w-11 items-center justify-center rounded text-white hover:bg-blue-800 focus-visible:outline-white xl:hidden"
            >
              <SearchIcon />
              <span className="sr-only">Rechercher</span>
            </a>
            <HeaderSearch id="recherche-entete" className="hidden xl:flex [&_input]:w-36" />
          </>
        ) : null}
      </div>
      <details className="group shrink-0 lg:hidden print:hidden">
        <summary className="inline-flex min-h-11 cursor-pointer list-none items-center gap-2 rounded-md border-2 border-white px-3 font-semibold text-white hover:bg-blue-800 focus-visible:outline-white [&::-webkit-details-marker]:hidden">
          <svg
            aria-hidden="true"
            focusable="false"
            viewBox="0 0 24 24"
            className="h-5 w-5"
            fill="none"
            stroke="currentColor"
            strokeWidth="2.5"
          >
            <path className="group-open:hidden" d="M4 7h16M4 12h16M4 17h16" strokeLinecap="round" />
            <path className="hidden group-open:block" d="m6 6 12 12M18 6 6 18" strokeLinecap="round" />
          </svg>
          Menu
        </summary>
        <div className="absolute inset-x-0 top-full border-b-4 border-blue-300 bg-blue-900 px-4 pt-2 pb-4 shadow-lg sm:px-6">
          <MenuLinks items={links} current={current} className="flex flex-col" itemClassName="w-full px-2" />
          {search ? <HeaderSearch id="recherche-menu" className="mt-3 flex" /> : null}
        </div>
      </details>
    </>
  );
}
