import { formatDateTime, isoDateTime } from "@/lib/dates";
import { Notice } from "@/components/ui/notice";
import { TextLink } from "@/components/ui/text-link";
import type { ActionRevisionView } from "@/server/plan/load-action-page";

/*
 * The blocks of a fiche's page that staff write (/admin/plan): « En bref, en mots simples », the
 * full text and links, « Fiche archivée », and « Modifiée le … » with the earlier texts. Each one
 * is self-contained, so the page places them where its layout wants. Every value is rendered as text.
 */

/** « En bref, en mots simples »: first on the page (and in the slides); nothing when not written. */
export function PlainSummary({ text, className = "" }: { text: string | null; className?: string }) {
  if (!text) return null;
  return (
    <section aria-labelledby="en-bref" className={`rounded-lg border-l-4 border-green-800 bg-green-50 p-4 sm:p-5 ${className}`}>
      <h2 id="en-bref" className="text-xl font-bold text-slate-900">
        En bref, en mots simples
      </h2>
      <p className="mt-2 text-lg whitespace-pre-line text-slate-900">{text}</p>
    </section>
  );
}

/** An archived fiche keeps its page (its address may be in a feed, a document, a search engine): it says so. */
export function ArchivedNotice({ archivedAt }: { archivedAt: Date | null }) {
  if (!archivedAt) return null;
  return (
    <Notice title="Fiche archivée" className="mb-6">
      <p>
        La Ville a archivé cette fiche action le <time dateTime={isoDateTime(archivedAt)}>{formatDateTime(archivedAt)}</time> : elle ne
        figure plus dans les listes du plan. Son contenu, ses points d&apos;étape et les avis publiés restent consultables ici.
      </p>
    </Notice>
  );
}

/** The full text and the links of a fiche, when staff wrote them. */
export function FicheBody({ body, links }: { body: string | null; links: { label: string; url: string }[] }) {
  if (!body && links.length === 0) return null;
  return (
    <div className="mt-8 space-y-4">
      {body ? <p className="whitespace-pre-line">{body}</p> : null}
      {links.length > 0 ? (
        <div>
          <h2 className="text-xl font-bold">Liens</h2>
          <ul className="mt-2 list-disc space-y-2 pl-6">
            {links.map((link, i) => (
              <li key={i}>
                <TextLink href={link.url}>{link.label}</TextLink>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </div>
  );
}

/**
 * « Modifiée le … » (the last edit) and the texts the fiche had before each edit, in a disclosure
 * that works without JavaScript. An edit hides nothing: the earlier texts stay public.
 */
export function FicheVersions({ revisions }: { revisions: ActionRevisionView[] }) {
  const [last] = revisions;
  if (!last) return null;
  return (
    <div className="mt-6 text-base">
      <p className="font-semibold text-slate-900">
        Modifiée le <time dateTime={isoDateTime(last.replacedAt)}>{formatDateTime(last.replacedAt)}</time>.
      </p>
      <details className="mt-1">
        <summary className="inline-flex min-h-11 cursor-pointer items-center text-blue-900 underline underline-offset-4">
          Voir {revisions.length === 1 ? "la version précédente" : `les ${revisions.length} versions précédentes`}
        </summary>
        <ol className="mt-2 space-y-4 border-l-4 border-slate-300 pl-4">
          {revisions.map((v) => (
            <li key={v.id} className="space-y-1">
              <p className="font-semibold">
                {v.title} — remplacée le {formatDateTime(v.replacedAt)}
              </p>
              {v.plainSummary ? <p className="whitespace-pre-line">En bref : {v.plainSummary}</p> : null}
              {v.description ? <p className="whitespace-pre-line">{v.description}</p> : null}
              {v.body ? <p className="whitespace-pre-line">{v.body}</p> : null}
              {v.timeframeLabel ? <p>Échéance : {v.timeframeLabel}</p> : null}
              {v.projects.length > 0 ? (
                <p>Projets cités : {v.projects.map((p) => (p.detail ? `${p.name} (${p.detail})` : p.name)).join(" ; ")}</p>
              ) : null}
              {v.links.length > 0 ? <p>Liens : {v.links.map((l) => `${l.label} (${l.url})`).join(" ; ")}</p> : null}
            </li>
          ))}
        </ol>
      </details>
    </div>
  );
}
