import "server-only";
import type { ReactNode } from "react";
import { StatusIcon } from "@/components/plan/status-badge";
import { cityDay, formatDateTime, formatDay } from "@/lib/dates";
import { LATE_DEADLINE_LABEL, pluralize, progressLabel, statusLabel, type ActionStatus } from "@/lib/labels";
import { siteOrigin } from "@/lib/env";
import { answerStateLabels } from "@/lib/validation/answer";
import { positionLabels } from "@/lib/validation/contribution";
import type { AvisCounts, Slide } from "@/server/meetings/slides";
import { QrCode } from "./qr-code";

/*
 * One slide, drawn for a 1920 × 1080 stage: every size is in `em` of the slide's own font size,
 * which is 32 px at 1920 px wide (components/slides/stage.tsx sets the unit), so the same slide
 * fits the projector, the presenter's thumbnails and a printed page. Body text never goes under
 * 0.9375 em (30 px on a full 1920 × 1080 stage, 28 px with the toolbar shown). No ids inside: a slide may be drawn twice on one page.
 */

const absolute = (path: string) => new URL(path, siteOrigin()).toString();
const display = (url: string) => url.replace(/^https?:\/\//, "").replace(/\/$/, "");

function Heading({ kicker, children }: { kicker?: string; children: ReactNode }) {
  return (
    <header className="mb-[0.75em]">
      {kicker ? <p className="text-[0.9375em] font-bold tracking-wide text-blue-900 uppercase">{kicker}</p> : null}
      <h2 className="text-[1.875em] leading-tight font-bold text-balance text-slate-950">{children}</h2>
    </header>
  );
}

function Status({ status }: { status: ActionStatus | null }) {
  return (
    <span className="inline-flex items-center gap-[0.25em] font-bold">
      <StatusIcon status={status} className="h-[1em] w-[1em]" />
      {statusLabel(status)}
    </span>
  );
}

function Progress({ progress, wide = false }: { progress: number | null; wide?: boolean }) {
  return (
    <span className="inline-flex flex-wrap items-center gap-[0.4em]">
      <span>{progressLabel(progress)}</span>
      {progress !== null ? (
        <span
          aria-hidden="true"
          className={`inline-block h-[0.6em] overflow-hidden rounded-full border-2 border-slate-800 bg-white ${wide ? "w-[10em]" : "w-[5em]"}`}
        >
          <span className="block h-full bg-blue-900" style={{ width: `${Math.min(100, Math.max(0, progress))}%` }} />
        </span>
      ) : null}
    </span>
  );
}

/** One column of the « what changed » slide: a count, the latest few, « et N autres ». */
function ChangeColumn({ title, total, lines }: { title: string; total: number; lines: ReactNode[] }) {
  return (
    <section>
      <h3 className="mb-[0.4em] text-[1.15em] font-bold">{title}</h3>
      <ul className="space-y-[0.5em]">
        {/* At most two lines each, whatever people wrote: the slide fits 16:9 (the full text stays in
            the page for screen readers, and on the public pages). */}
        {lines.map((line, i) => (
          <li key={i} className="line-clamp-2 break-words">
            {line}
          </li>
        ))}
        {total > lines.length ? <li className="text-slate-800">et {pluralize(total - lines.length, "autre", "autres")}</li> : null}
      </ul>
    </section>
  );
}

function avisText(avis: AvisCounts): string {
  const total = avis.favorable + avis.favorable_with_reservations + avis.unfavorable;
  if (total === 0) return "Aucun avis publié pour l'instant.";
  return `${pluralize(total, "avis publié", "avis publiés")} : ${(Object.keys(positionLabels) as (keyof AvisCounts)[])
    .map((k) => `${avis[k]} ${positionLabels[k].toLowerCase()}`)
    .join(", ")}.`;
}

export function SlideContent({ slide }: { slide: Slide }) {
  switch (slide.kind) {
    case "title":
      return (
        <div className="flex h-full flex-col justify-center">
          <p className="text-[1em] font-bold tracking-wide text-blue-900 uppercase">Réunion publique — {slide.planTitle}</p>
          <h2 className="mt-[0.5em] text-[2.5em] leading-tight font-bold text-balance text-slate-950">{slide.heading}</h2>
          <p className="mt-[1em] text-[1.25em]">{formatDateTime(new Date(slide.startsAt))}</p>
          <p className="mt-[0.25em] text-[1.25em]">{slide.place}</p>
        </div>
      );
    case "changes":
      return (
        <div>
          <Heading kicker={slide.since ? `Depuis la réunion du ${formatDay(cityDay(new Date(slide.since.startsAt)))}` : undefined}>
            {slide.heading}
          </Heading>
          <div className="slide-grid grid grid-cols-3 gap-[1em] text-[0.9375em] leading-snug">
            <ChangeColumn
              title={pluralize(slide.reports.total, "point d'étape", "points d'étape")}
              total={slide.reports.total}
              lines={slide.reports.items.map((r) => (
                <>
                  <span className="font-semibold">{r.actionTitle}</span> —{" "}
                  {[r.status ? statusLabel(r.status) : null, r.progress !== null ? `${r.progress}\u00a0%` : null]
                    .filter(Boolean)
                    .join(", ")}
                </>
              ))}
            />
            <ChangeColumn
              title={pluralize(slide.proposals.total, "nouvelle proposition", "nouvelles propositions")}
              total={slide.proposals.total}
              lines={slide.proposals.items.map((p) => (
                <>
                  <span className="font-semibold">« {p.title} »</span> — {p.councilName}
                </>
              ))}
            />
            <ChangeColumn
              title={pluralize(slide.answers.total, "réponse de la Ville", "réponses de la Ville")}
              total={slide.answers.total}
              lines={slide.answers.items.map((a) => (
                <>
                  <span className="font-semibold">« {a.proposalTitle} »</span> ({a.councilName}) :{" "}
                  {answerStateLabels[a.state].toLowerCase()}
                </>
              ))}
            />
          </div>
        </div>
      );
    case "section":
      return (
        <div className="flex h-full flex-col justify-center">
          <p className="text-[1em] font-bold tracking-wide text-blue-900 uppercase">Ordre du jour</p>
          <h2 className="mt-[0.4em] text-[2.25em] leading-tight font-bold text-balance text-slate-950">{slide.heading}</h2>
        </div>
      );
    case "theme":
      return (
        <div>
          <Heading kicker={`Thématique ${slide.number}`}>{slide.heading.replace(/^Thématique \d+ : /, "")}</Heading>
          {slide.actions.length === 0 ? (
            <p>Aucune fiche action dans cette thématique.</p>
          ) : (
            <ul className="divide-y-2 divide-slate-300 border-y-2 border-slate-300 text-[0.9375em]">
              {slide.actions.map((a) => (
                <li key={a.slug} className="slide-grid grid grid-cols-[1fr_auto_auto] items-center gap-x-[1em] py-[0.35em]">
                  <span className="font-semibold">{a.title}</span>
                  <Status status={a.status} />
                  <Progress progress={a.progress} />
                </li>
              ))}
            </ul>
          )}
        </div>
      );
    case "action": {
      const url = absolute(slide.path);
      return (
        <div>
          <div className="slide-split flex items-start justify-between gap-[1em]">
            <Heading kicker="Fiche action">{slide.heading}</Heading>
            <figure className="flex w-[5.5em] shrink-0 flex-col items-center">
              <QrCode url={url} label={`Code QR vers la page de la fiche : ${url}`} className="w-[4.5em]" />
              <figcaption className="sr-only">{display(url)}</figcaption>
            </figure>
          </div>
          {slide.plainSummary ? (
            <p className="mb-[0.5em] border-l-4 border-green-800 pl-[0.5em] text-[0.9375em] leading-snug">
              <strong>En bref : </strong>
              {slide.plainSummary}
            </p>
          ) : null}
          <div className="slide-grid grid grid-cols-[2fr_3fr] gap-[1.25em] text-[0.9375em] leading-snug">
            <div className="space-y-[0.5em]">
              <p>
                <Status status={slide.status} />
              </p>
              <p>
                <Progress progress={slide.progress} wide />
              </p>
              <p>
                {slide.timeframe ? `Échéance : ${slide.timeframe}` : "Échéance non précisée"}
                {slide.late ? (
                  <strong className="ml-[0.4em] rounded border-2 border-red-800 px-[0.25em] text-red-900">{LATE_DEADLINE_LABEL}</strong>
                ) : null}
              </p>
              {slide.originalTimeframe ? <p className="text-slate-800">Échéance initiale : {slide.originalTimeframe}</p> : null}
              {slide.latestReport ? (
                <div className="border-l-4 border-blue-900 pl-[0.5em]">
                  <p className="font-bold">
                    Dernier point d&apos;étape{slide.latestReport.reportedOn ? ` (${formatDay(slide.latestReport.reportedOn)})` : ""} :{" "}
                    {slide.latestReport.title}
                  </p>
                  <p>{slide.latestReport.excerpt}</p>
                </div>
              ) : (
                <p>Aucun point d&apos;étape pour l&apos;instant.</p>
              )}
            </div>
            <div className="space-y-[0.5em]">
              <h3 className="text-[1.1em] font-bold">Propositions les plus soutenues</h3>
              {slide.proposals.length === 0 ? (
                <p>Aucune proposition publiée pour l&apos;instant.</p>
              ) : (
                <ol className="space-y-[0.4em]">
                  {slide.proposals.map((p, i) => (
                    <li key={i}>
                      <p>
                        <span className="font-semibold">« {p.title} »</span> — {p.councilName},{" "}
                        {pluralize(p.supports, "soutien", "soutiens")}
                      </p>
                      <p className="text-slate-800">
                        {p.latestAnswer
                          ? `Réponse de la Ville : ${answerStateLabels[p.latestAnswer.state].toLowerCase()} — ${p.latestAnswer.excerpt}`
                          : "En attente de la réponse de la Ville."}
                      </p>
                    </li>
                  ))}
                </ol>
              )}
              <p className="font-semibold">{avisText(slide.avis)}</p>
            </div>
          </div>
        </div>
      );
    }
    case "closing": {
      const url = absolute(slide.path);
      return (
        <div className="slide-split flex h-full items-center justify-between gap-[2em]">
          <div>
            <h2 className="text-[2.25em] leading-tight font-bold text-slate-950">{slide.heading}</h2>
            <p className="mt-[0.75em] text-[1.25em]">
              Suivez le {slide.planTitle.charAt(0).toLowerCase() + slide.planTitle.slice(1)} en ligne, donnez l&apos;avis de votre conseil
              de quartier :
            </p>
            <p className="mt-[0.5em] text-[1.25em] font-bold break-all text-blue-900">{display(url)}</p>
          </div>
          <QrCode url={url} label={`Code QR vers le site du projet social communal : ${url}`} className="w-[11em] shrink-0" />
        </div>
      );
    }
  }
}
