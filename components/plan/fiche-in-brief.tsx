import "server-only";
import type { OfficialInCharge } from "@/server/plan/find-action";
import type { ActionSummary } from "@/server/plan/types";
import { cityDay, formatDay } from "@/lib/dates";
import { siteOrigin } from "@/lib/env";
import { QrCode } from "@/components/slides/qr-code";
import { DeadlineInfo } from "@/components/progress/deadline-info";
import { ProgressBar } from "./progress-bar";
import { StatusBadge } from "./status-badge";

/** The day of the fiche's last public update: its latest point d'étape or change of deadline, if any (not the seed's import). */
export function lastUpdateDay(reports: { reportedOn: string | null }[], deadlineChanges: { createdAt: Date }[]): string | null {
  const days = [
    reports.find((r) => r.reportedOn !== null)?.reportedOn ?? null,
    deadlineChanges[0] ? cityDay(deadlineChanges[0].createdAt) : null,
  ];
  return (
    days
      .filter((d): d is string => d !== null)
      .sort()
      .at(-1) ?? null
  );
}

/**
 * « En bref »: the fiche's state in one block — status, current and original deadline, progress,
 * the officials in charge, the last update, and how to pass the page on (its address, a QR code to
 * scan from a phone, a link to send it by e-mail; no JavaScript). Beside the text on a desktop,
 * first under the title on a phone. The QR code and the e-mail link are not printed: the handout
 * has its own address and code (PrintHandout).
 */
export function FicheInBrief({
  action,
  officials,
  lastUpdate,
  hasReports,
  path,
  className = "",
}: {
  action: ActionSummary;
  officials: OfficialInCharge[];
  lastUpdate: string | null;
  /** Points d'étape exist, but none gives its day (the source's first one does not). */
  hasReports: boolean;
  path: string;
  className?: string;
}) {
  const url = `${siteOrigin()}${path}`;
  const mail = `mailto:?subject=${encodeURIComponent(`Fiche action : ${action.title}`)}&body=${encodeURIComponent(url)}`;
  return (
    <aside aria-labelledby="en-bref" className={`rounded-lg border border-slate-300 bg-slate-50 p-4 sm:p-5 ${className}`}>
      <h2 id="en-bref" className="text-xl font-bold text-slate-900">
        En bref
      </h2>
      <dl className="mt-3 space-y-3">
        <div>
          <dt className="font-semibold">Statut</dt>
          <dd className="mt-1">
            <StatusBadge status={action.status} />
          </dd>
        </div>
        <div>
          <dt className="font-semibold">Échéance</dt>
          <dd>
            <DeadlineInfo deadline={action.deadline} />
          </dd>
        </div>
      </dl>
      {/* Not a dt/dd pair: the progress text already starts with « Avancement ». */}
      <ProgressBar progress={action.progress} className="mt-3" />
      <dl className="mt-3 space-y-3">
        <div>
          <dt className="font-semibold">{officials.length > 1 ? "Personnes élues en charge" : "Personne élue en charge"}</dt>
          <dd>
            {officials.length > 0 ? (
              <ul>
                {officials.map((o) => (
                  <li key={`${o.name}-${o.title ?? ""}`}>
                    {o.name}
                    {o.title ? <span className="text-slate-800">, {o.title}</span> : null}
                  </li>
                ))}
              </ul>
            ) : (
              "Aucune personne élue n'est encore désignée pour cette fiche"
            )}
          </dd>
        </div>
        <div>
          <dt className="font-semibold">Dernière mise à jour</dt>
          <dd>
            {lastUpdate ? (
              <time dateTime={lastUpdate}>{formatDay(lastUpdate)}</time>
            ) : hasReports ? (
              "Date non précisée : les points d'étape publiés ne sont pas datés"
            ) : (
              "Aucun point d'étape ni changement d'échéance publié"
            )}
          </dd>
        </div>
      </dl>
      <div className="mt-4 border-t border-slate-300 pt-4 print:hidden">
        <p className="font-semibold">Partager cette fiche</p>
        <p className="mt-1 text-base break-all text-slate-800">{url}</p>
        <div className="mt-2 flex items-center gap-4">
          <QrCode
            url={url}
            label={`Code QR à scanner pour ouvrir cette fiche : ${url}`}
            className="h-28 w-28 shrink-0 border border-slate-300"
          />
          <a href={mail} className="text-base text-blue-800 underline decoration-1 underline-offset-4 hover:decoration-2">
            Envoyer le lien par courriel
          </a>
        </div>
      </div>
    </aside>
  );
}
