import { TextLink } from "@/components/ui/text-link";
import { themeHref } from "@/lib/plans";

/** Links to themes, « Thématique 2 : Politique sociale pour les plus fragiles ». */
export function ThemeLinks({
  themes,
  className,
  plan = { slug: "", state: "current" },
}: {
  themes: { number: number; slug: string; title: string }[];
  className: string;
  /** The themes' plan: an earlier plan's themes are sections of its page (lib/plans.ts). */
  plan?: { slug: string; state: string };
}) {
  return (
    <ul className={className}>
      {themes.map((t) => (
        <li key={t.slug}>
          <TextLink href={themeHref(plan, t)}>
            Thématique {t.number} : {t.title}
          </TextLink>
        </li>
      ))}
    </ul>
  );
}
