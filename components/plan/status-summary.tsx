import { actionStatuses, pluralize, statusLabel } from "@/lib/labels";
import type { StatusCounts } from "@/lib/rollup";
import { StatusIcon } from "./status-badge";

/** Counts by status, in words. « Statut non précisé » is listed only when some fiche has none. */
export function StatusSummary({ counts }: { counts: StatusCounts }) {
  const rows = [
    ...actionStatuses.map((s) => ({ key: s, status: s, count: counts[s] })),
    ...(counts.unknown > 0 ? [{ key: "unknown", status: null, count: counts.unknown }] : []),
  ];
  return (
    <ul className="grid gap-3 sm:grid-cols-2">
      {rows.map((row) => (
        <li key={row.key} className="flex items-center gap-3 rounded-md border border-slate-300 bg-white px-4 py-3">
          <StatusIcon status={row.status} className="h-7 w-7 text-slate-800" />
          <span>
            <strong className="font-bold">{statusLabel(row.status)}</strong> : {pluralize(row.count, "fiche action", "fiches actions")}
          </span>
        </li>
      ))}
    </ul>
  );
}
