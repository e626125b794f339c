import type { ThemePage } from "@/server/plan/load-theme-page";
import type { ActionSummary } from "@/server/plan/types";
import { TextLink } from "@/components/ui/text-link";
import { ActionMeta } from "./action-meta";
import { ContributionCounts } from "./contribution-counts";
import { ProgressBar } from "./progress-bar";
import { ThemeLinks } from "./theme-links";

/** A theme's fiches in source order, each with status, time frame, progress and its other themes. */
export function ActionList({
  actions,
  otherThemesByAction,
}: {
  actions: ActionSummary[];
  otherThemesByAction: ThemePage["otherThemesByAction"];
}) {
  return (
    <ol className="space-y-4">
      {actions.map((action) => {
        const headingId = `fiche-${action.slug}`;
        const others = otherThemesByAction[action.slug] ?? [];
        return (
          <li key={action.slug}>
            <article aria-labelledby={headingId} className="rounded-lg border border-slate-300 bg-white p-4 shadow-sm sm:p-6">
              <h3 id={headingId} className="text-xl leading-snug font-bold">
                <TextLink href={`/fiches/${action.slug}`}>{action.title}</TextLink>
              </h3>
              <ActionMeta status={action.status} deadline={action.deadline} />
              <ProgressBar progress={action.progress} className="mt-3" />
              <ContributionCounts counts={action.contributionCounts} />
              {others.length > 0 ? (
                <div className="mt-3 text-base text-slate-800">
                  <p>Cette fiche action figure aussi dans :</p>
                  <ThemeLinks themes={others} className="mt-1 list-disc pl-6" />
                </div>
              ) : null}
            </article>
          </li>
        );
      })}
    </ol>
  );
}
