import { pluralize } from "@/lib/labels";

export type ModerationTab = "file" | "signalements" | "publiees" | "motifs";

/** The moderation pages' own menu. Plain links (no script), big targets, the current one marked. */
export function ModerationTabs({ current, counts }: { current: ModerationTab; counts: { pending: number; reported: number } }) {
  const links: { key: ModerationTab; href: string; label: string; srLabel?: string }[] = [
    { key: "file", href: "/moderation", label: `En attente (${counts.pending})`, srLabel: `En attente : ${pluralize(counts.pending, "contribution", "contributions")}` },
    { key: "signalements", href: "/moderation/signalements", label: `Signalements (${counts.reported})`, srLabel: `Signalements : ${pluralize(counts.reported, "contribution signalée", "contributions signalées")}` },
    { key: "publiees", href: "/moderation/publiees", label: "Publiées" },
    { key: "motifs", href: "/moderation/motifs", label: "Motifs de refus" },
  ];
  return (
    <nav aria-label="Rubriques de la modération" className="mb-8 border-b-2 border-slate-300">
      <ul className="-mb-0.5 flex flex-wrap gap-x-2">
        {links.map((link) => {
          const isCurrent = link.key === current;
          return (
            <li key={link.key}>
              <a
                href={link.href}
                aria-current={isCurrent ? "page" : undefined}
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
