import type { ThemeSummary } from "@/server/plan/types";
import { actionStatuses, pluralize } from "@/lib/labels";
import { TextLink } from "@/components/ui/text-link";
import { StatusIcon } from "./status-badge";
import { ThemeTitle } from "./theme-card";

/* A status in a tile's summary, counted: « 2 en cours », « 1 réalisée ». Words and an icon, never colour alone. */
const statusCountWords: Record<(typeof actionStatuses)[number] | "unknown", [string, string]> = {
  planned: ["à venir", "à venir"],
  in_progress: ["en cours", "en cours"],
  done: ["réalisée", "réalisées"],
  suspended: ["suspendue", "suspendues"],
  unknown: ["sans statut précisé", "sans statut précisé"],
};

/**
 * A theme on the home page, small: its number and title (the link to its page), how many fiches
 * it holds and how many are at each status. The fiches themselves are one tap further, on the
 * theme's page or on « Le plan ».
 */
export function ThemeTile({ theme }: { theme: ThemeSummary }) {
  const rows = [...actionStatuses, "unknown" as const].filter((s) => theme.statusCounts[s] > 0);
  return (
    <li className="flex flex-col rounded-lg border border-slate-300 border-t-4 border-t-blue-800 bg-white p-4 shadow-sm">
      <h3 className="text-lg leading-snug font-bold">
        <TextLink href={`/thematiques/${theme.slug}`}>
          <ThemeTitle number={theme.number} title={theme.title} numberClassName="text-base text-blue-800" />
        </TextLink>
      </h3>
      <p className="mt-1 text-base text-slate-800">
        {pluralize(theme.actions.length, "fiche action", "fiches actions")}
        {rows.length > 0 ? " :" : ""}
      </p>
      {rows.length > 0 ? (
        <ul className="flex flex-wrap gap-x-3 text-base text-slate-800">
          {rows.map((s) => {
            const n = theme.statusCounts[s];
            return (
              <li key={s} className="inline-flex items-center gap-1">
                <StatusIcon status={s === "unknown" ? null : s} className="h-4 w-4" />
                {n} {statusCountWords[s][n < 2 ? 0 : 1]}
              </li>
            );
          })}
        </ul>
      ) : null}
    </li>
  );
}
