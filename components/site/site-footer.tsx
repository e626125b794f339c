import { accessibilityStatusLabels } from "@/lib/city-identity";
import { getDb } from "@/server/db";
import { getLegalPagesSettings } from "@/server/settings/platform-settings";
import { loadCityIdentity } from "@/server/settings/city-identity";

const legalLinks = [
  { href: "/plans", label: "Plans précédents" },
  { href: "/donnees", label: "Données ouvertes" },
  { href: "/moderation/registre", label: "Registre et règles de la modération" },
  { href: "/mentions-legales", label: "Mentions légales" },
  { href: "/donnees-personnelles", label: "Données personnelles" },
];

/** The footer: the City's name and contact, and the links every page owes (the accessibility status from the settings). */
export async function SiteFooter() {
  const [identity, legal] = await Promise.all([loadCityIdentity(), getDb().then(getLegalPagesSettings)]);
  const links = [
    ...legalLinks,
    { href: "/accessibilite", label: `Accessibilité : ${accessibilityStatusLabels[legal.accessibilityStatus]}` },
  ];
  return (
    <footer className="mt-10 border-t border-slate-300 bg-slate-100 text-slate-900">
      <div className="mx-auto w-full max-w-7xl px-4 py-6 sm:px-6">
        <p className="text-base font-bold sm:text-lg">
          {identity.cityName} — {identity.serviceName}
        </p>
        {identity.contactAddress ? (
          <p className="mt-1 text-base whitespace-pre-line text-slate-800">
            <span className="font-semibold">Contact : </span>
            {identity.contactAddress}
          </p>
        ) : null}
        <nav aria-label="Informations sur le site" className="mt-2">
          <ul className="grid grid-cols-2 gap-x-4 text-base sm:flex sm:flex-wrap sm:gap-x-5">
            {links.map((link) => (
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
