import { HeaderSearch } from "./header-search";

export type NavKey = "accueil" | "demarche" | "conseils" | "reunions" | "espace";

const links: { key: NavKey; href: string; label: string }[] = [
  { key: "accueil", href: "/", label: "Accueil" },
  { key: "demarche", href: "/demarche", label: "La démarche" },
  { key: "conseils", href: "/conseils", label: "Conseils de quartier" },
  { key: "reunions", href: "/reunions", label: "Réunions" },
  // The signed-in space: a plain link for everyone (the layout never reads the session); /espace
  // sends people who are not signed in to the sign-in page and back.
  { key: "espace", href: "/espace", label: "Espace des conseils" },
];

/**
 * The main menu. It is rendered by the `@nav` parallel route of the root layout, one page per
 * section, so the current page gets aria-current without reading the request (pages stay
 * static) and without a client component. The header's search comes with it, except on the search
 * page (`search={false}`), which has its own form.
 */
export function SiteNav({ current, search = true }: { current?: NavKey; search?: boolean }) {
  return (
    <div className="flex flex-col gap-2 md:items-end">
      <nav aria-label="Menu principal">
        <ul className="-mx-3 flex flex-wrap gap-x-1 sm:mx-0">
          {links.map((link) => {
            const isCurrent = link.key === current;
            return (
              <li key={link.key}>
                <a
                  href={link.href}
                  aria-current={isCurrent ? "page" : undefined}
                  className={`inline-flex min-h-11 items-center rounded px-3 text-white underline-offset-[6px] hover:underline focus-visible:outline-white ${
                    isCurrent ? "font-bold underline decoration-[3px]" : ""
                  }`}
                >
                  {link.label}
                </a>
              </li>
            );
          })}
        </ul>
      </nav>
      {search ? <HeaderSearch /> : null}
    </div>
  );
}
