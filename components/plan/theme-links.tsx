import { TextLink } from "@/components/ui/text-link";

/** Links to themes, « Thématique 2 : Politique sociale pour les plus fragiles ». */
export function ThemeLinks({ themes, className }: { themes: { number: number; slug: string; title: string }[]; className: string }) {
  return (
    <ul className={className}>
      {themes.map((t) => (
        <li key={t.slug}>
          <TextLink href={`/thematiques/${t.slug}`}>
            Thématique {t.number} : {t.title}
          </TextLink>
        </li>
      ))}
    </ul>
  );
}
