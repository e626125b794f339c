export type AdminSection = "accueil" | "utilisateurs" | "conseils" | "journal" | "parametres";

const links: { key: AdminSection; href: string; label: string }[] = [
  { key: "accueil", href: "/admin", label: "Administration" },
  { key: "utilisateurs", href: "/admin/utilisateurs", label: "Utilisateurs" },
  { key: "conseils", href: "/admin/conseils", label: "Conseils de quartier" },
  { key: "journal", href: "/admin/journal", label: "Journal" },
  { key: "parametres", href: "/admin/parametres", label: "Paramètres" },
];

/** The administration's own menu, at the top of every admin page. Plain links, big targets. */
export function AdminNav({ current, exact = true }: { current: AdminSection; exact?: boolean }) {
  return (
    <nav aria-label="Menu de l'administration" className="mb-8 border-b-2 border-slate-300">
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
                {link.label}
              </a>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
