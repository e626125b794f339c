import type { ThemeSummary } from "@/server/plan/types";
import { pluralize } from "@/lib/labels";
import { joinFrench } from "@/lib/french";
import { TextLink } from "@/components/ui/text-link";
import { ActionMeta } from "./action-meta";
import { ContributionCounts } from "./contribution-counts";

/** Accessible name « Thématique 1 : Petite enfance / Enfance / Jeunesse », shown on two lines. */
export function ThemeTitle({ number, title, numberClassName = "text-lg" }: { number: number; title: string; numberClassName?: string }) {
  return (
    <>
      <span className={`block font-semibold ${numberClassName}`}>
        Thématique {number}
        <span className="sr-only"> :</span>
      </span>{" "}
      {title}
    </>
  );
}

/**
 * A theme on the home page with every fiche listed under it, so each fiche is one link away from `/`.
 * `themeNumbersBySlug` gives, for fiches listed under several themes, all their theme numbers.
 */
export function ThemeCard({
  theme,
  themeNumbersBySlug,
  linkTheme = true,
}: {
  theme: ThemeSummary;
  themeNumbersBySlug: Record<string, number[]>;
  /** False on an earlier plan's page: its themes have no page of their own, the card is the theme (decision 0027). */
  linkTheme?: boolean;
}) {
  const headingId = `thematique-${theme.number}`;
  return (
    <section aria-labelledby={headingId} className="rounded-lg border border-slate-300 bg-white p-4 shadow-sm sm:p-6">
      <h3 id={headingId} className="text-2xl leading-snug font-bold">
        {linkTheme ? (
          <TextLink href={`/thematiques/${theme.slug}`}>
            <ThemeTitle number={theme.number} title={theme.title} />
          </TextLink>
        ) : (
          <ThemeTitle number={theme.number} title={theme.title} />
        )}
      </h3>
      {theme.description ? <p className="mt-2 text-slate-800">{theme.description}</p> : null}
      <p className="mt-2 text-slate-800">{pluralize(theme.actions.length, "fiche action", "fiches actions")}</p>
      {theme.actions.length > 0 ? (
        <ol className="mt-4 divide-y divide-slate-200 border-t border-slate-200">
          {theme.actions.map((action) => {
            const others = (themeNumbersBySlug[action.slug] ?? []).filter((n) => n !== theme.number);
            return (
              <li key={action.slug} className="py-4">
                <TextLink href={`/fiches/${action.slug}`} className="font-semibold">
                  {action.title}
                </TextLink>
                <ActionMeta status={action.status} deadline={action.deadline} />
                <ContributionCounts counts={action.contributionCounts} />
                {others.length > 0 ? (
                  <p className="mt-2 text-base text-slate-700">Également listée dans la thématique {joinFrench(others.map(String))}.</p>
                ) : null}
              </li>
            );
          })}
        </ol>
      ) : (
        <p className="mt-4 text-slate-800">Aucune fiche action n&apos;est encore publiée pour cette thématique.</p>
      )}
    </section>
  );
}
