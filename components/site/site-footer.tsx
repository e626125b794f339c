const legalLinks = [
  { href: "/donnees", label: "Données ouvertes" },
  { href: "/moderation/registre", label: "Registre et règles de la modération" },
  { href: "/mentions-legales", label: "Mentions légales" },
  { href: "/donnees-personnelles", label: "Données personnelles" },
  { href: "/accessibilite", label: "Accessibilité : non conforme" },
];

export function SiteFooter() {
  return (
    <footer className="mt-10 border-t border-slate-300 bg-slate-100 text-slate-900">
      <div className="mx-auto w-full max-w-7xl px-4 py-6 sm:px-6">
        <p className="text-base font-bold sm:text-lg">Ville d&apos;Aurillac — Projet social communal 2015–2020</p>
        <p className="mt-1 text-base text-slate-800">
          Source des informations : article « Premier point d&apos;étape pour le projet social communal », Ville d&apos;Aurillac.
        </p>
        <nav aria-label="Informations sur le site" className="mt-2">
          <ul className="grid grid-cols-2 gap-x-4 text-base sm:flex sm:flex-wrap sm:gap-x-5">
            {legalLinks.map((link) => (
              <li key={link.href}>
                <a
                  href={link.href}
                  className="inline-flex min-h-11 items-center text-blue-900 underline underline-offset-4 hover:decoration-2"
                >
                  {link.label}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      </div>
    </footer>
  );
}
