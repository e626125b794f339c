import { formatDateTime, formatDay } from "@/lib/dates";
import { progressLabel, statusLabel } from "@/lib/labels";
import type { ReportRevisionView } from "@/server/plan/types";

/**
 * « Corrigé le … » and the earlier versions of a corrected progress report, in a disclosure that
 * works without JavaScript (details/summary). A correction hides nothing.
 */
export function ReportHistory({ correctedAt, revisions }: { correctedAt: Date | null; revisions: ReportRevisionView[] }) {
  if (!correctedAt) return null;
  return (
    <div className="mt-3 text-base">
      <p className="font-semibold text-slate-900">Corrigé le {formatDateTime(correctedAt)}.</p>
      {revisions.length > 0 ? (
        <details className="mt-1">
          <summary className="inline-flex min-h-11 cursor-pointer items-center text-blue-900 underline underline-offset-4">
            Voir {revisions.length === 1 ? "la version précédente" : `les ${revisions.length} versions précédentes`}
          </summary>
          <ol className="mt-2 space-y-3 border-l-4 border-slate-300 pl-4">
            {revisions.map((v) => (
              <li key={v.id}>
                <p className="font-semibold">
                  {v.title} — remplacée le {formatDateTime(v.replacedAt)}
                </p>
                <p className="text-slate-800">
                  {v.reportedOn ? `Date : ${formatDay(v.reportedOn)}. ` : ""}
                  {v.status ? `Statut : ${statusLabel(v.status)}. ` : ""}
                  {v.progress !== null ? `${progressLabel(v.progress)}.` : ""}
                </p>
                <p className="whitespace-pre-line">{v.body}</p>
              </li>
            ))}
          </ol>
        </details>
      ) : null}
    </div>
  );
}
