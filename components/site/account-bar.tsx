import { pluralize } from "@/lib/labels";
import type { Attention } from "@/server/account/attention";

type Link = { href: string; label: string; count?: number; countLabel?: string };

/**
 * The signed-in bar under the site header, on signed-in pages only (public pages stay static):
 * who is signed in and what waits for them — unread notifications, items waiting for moderation,
 * proposals waiting for the City's answer. Counts are words as well as numbers for screen readers.
 */
export function AccountBar({ displayName, attention, isAdmin }: { displayName: string; attention: Attention; isAdmin: boolean }) {
  const links: Link[] = [
    { href: "/espace", label: "Mon espace" },
    {
      href: "/espace/notifications",
      label: "Notifications",
      count: attention.unread,
      countLabel: pluralize(attention.unread, "non lue", "non lues"),
    },
  ];
  if (attention.waiting !== null) {
    links.push({
      href: "/moderation",
      label: "Modération",
      count: attention.waiting,
      countLabel: pluralize(attention.waiting, "en attente", "en attente"),
    });
  }
  if (attention.toAnswer !== null) {
    links.push({
      href: "/reponses",
      label: "Réponses de la Ville",
      count: attention.toAnswer,
      countLabel: pluralize(attention.toAnswer, "à répondre", "à répondre"),
    });
  }
  if (isAdmin) links.push({ href: "/admin", label: "Administration" });
  links.push({ href: "/espace/mes-donnees", label: "Mes données" });
  links.push({ href: "/deconnexion", label: "Se déconnecter" });

  return (
    <div className="-mt-8 mb-8 border-b border-slate-300 bg-slate-100 sm:-mt-10">
      <nav
        aria-label="Votre compte"
        className="mx-auto flex w-full max-w-7xl flex-col gap-1 px-4 py-2 sm:px-6 md:flex-row md:items-center md:justify-between"
      >
        <p className="text-base text-slate-800">
          Connecté·e : <strong className="break-words">{displayName}</strong>
        </p>
        <ul className="-mx-2 flex flex-wrap gap-x-1">
          {links.map((link) => (
            <li key={link.href}>
              <a
                href={link.href}
                className="inline-flex min-h-11 items-center gap-2 rounded px-2 text-blue-900 underline decoration-1 underline-offset-4 hover:decoration-2"
              >
                {link.label}
                {link.count !== undefined && link.count > 0 ? (
                  <span className="rounded-full bg-blue-900 px-2 py-0.5 text-sm font-bold text-white no-underline">
                    <span aria-hidden="true">{link.count}</span>
                    <span className="sr-only">({link.countLabel})</span>
                  </span>
                ) : null}
              </a>
            </li>
          ))}
        </ul>
      </nav>
    </div>
  );
}
