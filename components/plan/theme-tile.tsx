import type { ThemeSummary } from "@/server/plan/types";
import { actionStatuses, pluralize } from "@/lib/labels";
import { TextLink } from "@/components/ui/text-link";
import { StatusIcon } from "./status-badge";

/* A status in a tile's summary, counted: « 2 en cours », « 1 réalisée ». Words and an icon, never colour alone. */
const statusCountWords: Record<(typeof actionStatuses)[number] | "unknown", [string, string]> = {
  planned: ["à venir", "à venir"],
  in_progress: ["en cours", "en cours"],
  done: ["réalisée", "réalisées"],
  suspended: ["suspendue", "suspendues"],
  unknown: ["sans statut précisé", "sans statut précisé"],
};

/**
 * A theme on the home page, small: its number and title (the link, named « Thématique 1 : … » as
 * everywhere), how many fiches it holds and how many are at each status. The fiches themselves are
 * one tap further, on the theme's page or on « Le plan ».
 */
export function ThemeTile({ theme }: { theme: ThemeSummary }) {
  const rows = [...actionStatuses, "unknown" as const].filter((s) => theme.statusCounts[s] > 0);
  return (
    <li className="flex gap-3 rounded-lg border border-slate-300 bg-white px-3 py-2.5 shadow-sm sm:px-4 sm:py-3">
      <span
        aria-hidden="true"
        className="flex h-9 w-9 shrink-0 items-center justify-center rounded-full bg-blue-900 text-lg font-bold text-white"
      >
        {theme.number}
      </span>
      <div className="min-w-0">
        <h3 className="text-lg leading-snug font-bold">
          {/* A block: the whole heading is the link (a larger target, and no gap between its lines
              that a tap or a click could fall in). */}
          <TextLink href={`/thematiques/${theme.slug}`} className="block">
            <span className="sr-only">Thématique {theme.number} : </span>
            {theme.title}
          </TextLink>
        </h3>
        <p className="mt-1 flex flex-wrap gap-x-3 text-base leading-snug text-slate-800">
          <span>{pluralize(theme.actions.length, "fiche", "fiches")}</span>
          {rows.map((s) => {
            const n = theme.statusCounts[s];
            return (
              <span key={s} className="inline-flex items-center gap-1">
                <StatusIcon status={s === "unknown" ? null : s} className="h-4 w-4" />
                {n} {statusCountWords[s][n < 2 ? 0 : 1]}
              </span>
            );
          })}
        </p>
      </div>
    </li>
  );
}
