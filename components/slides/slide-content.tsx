import "server-only";
import type { ReactNode } from "react";
import { StatusIcon } from "@/components/plan/status-badge";
import { cityDay, formatDateTime, formatDay } from "@/lib/dates";
import { LATE_DEADLINE_LABEL, pluralize, statusLabel, type ActionStatus } from "@/lib/labels";
import { siteOrigin } from "@/lib/env";
import { answerStateLabels } from "@/lib/validation/answer";
import { avisText, changeItemText, changeListTitle, changeListTitles, type SlidePage } from "@/server/meetings/slide-pages";
import type { ActionLine, Slide } from "@/server/meetings/slides";
import { QrCode } from "./qr-code";

/*
 * One projected slide (a page of a deck slide, server/meetings/slide-pages.ts), drawn for a
 * 1920 × 1080 stage: every size is in `em` of the slide's own font size, 44 px at 1920 px wide
 * (components/slides/stage.tsx sets the unit), so the same slide fits the projector, the
 * presenter's thumbnails and a printed page. Read from the back of a room: no text under 1 em
 * (44 px on a full stage, over 40 px with the toolbar shown), titles at 1.625 em or more (over
 * 64 px), figures as big numbers, QR codes over a quarter of the slide's height. Nothing is cut:
 * what does not fit goes onto the next slide. No ids inside: a slide may be drawn twice on one page.
 */

const absolute = (path: string) => new URL(path, siteOrigin()).toString();
const display = (url: string) => url.replace(/^https?:\/\//, "").replace(/\/$/, "");
const partOf = (page: SlidePage) => (page.parts > 1 ? ` · ${page.part}/${page.parts}` : "");

function Heading({ kicker, children }: { kicker: string; children: ReactNode }) {
  return (
    <header className="mb-[0.6em]">
      <p className="font-bold tracking-wide text-blue-900 uppercase">{kicker}</p>
      <h2 className="text-[1.625em] leading-[1.2] font-bold text-balance text-slate-950">{children}</h2>
    </header>
  );
}

function Status({ status }: { status: ActionStatus | null }) {
  return (
    <span className="inline-flex items-center gap-[0.25em] font-bold">
      <StatusIcon status={status} className="h-[1em] w-[1em] shrink-0" />
      {statusLabel(status)}
    </span>
  );
}

function LateBadge() {
  return <strong className="rounded border-2 border-red-800 px-[0.25em] whitespace-nowrap text-red-900">{LATE_DEADLINE_LABEL}</strong>;
}

/** « Échéance : juin 2027 [Échéance dépassée] » and, once moved, « Échéance initiale : 2018/2019 ». */
function Deadline({
  timeframe,
  originalTimeframe,
  late,
}: {
  timeframe?: string | null;
  originalTimeframe?: string | null;
  late?: boolean;
}) {
  return (
    <>
      <p className="flex flex-wrap items-center gap-x-[0.4em]">
        <span>{timeframe ? `Échéance : ${timeframe}` : "Échéance non précisée"}</span>
        {late ? <LateBadge /> : null}
      </p>
      {originalTimeframe ? <p className="text-slate-800">Échéance initiale : {originalTimeframe}</p> : null}
    </>
  );
}

function ProgressBar({ progress }: { progress: number }) {
  return (
    <span aria-hidden="true" className="block h-[0.7em] w-full overflow-hidden rounded-full border-2 border-slate-800 bg-white">
      <span className="block h-full bg-blue-900" style={{ width: `${Math.min(100, Math.max(0, progress))}%` }} />
    </span>
  );
}

/** A figure read from the back of the room: the number big, its words under it. */
function BigNumber({ value, label, className = "" }: { value: string; label: ReactNode; className?: string }) {
  return (
    <p className={`flex flex-col ${className}`}>
      <span className="text-[2.5em] leading-none font-bold tabular-nums">{value}</span>
      <span className="mt-[0.2em] font-semibold">{label}</span>
    </p>
  );
}

function ThemeCounts({ actions }: { actions: ActionLine[] }) {
  const counts = new Map<ActionStatus | null, number>();
  for (const a of actions) counts.set(a.status, (counts.get(a.status) ?? 0) + 1);
  const late = actions.filter((a) => a.late).length;
  const order: (ActionStatus | null)[] = ["done", "in_progress", "planned", "suspended", null];
  return (
    <div className="mb-[0.6em] flex flex-wrap gap-x-[1.5em] gap-y-[0.4em]">
      <BigNumber value={String(actions.length)} label={actions.length < 2 ? "fiche action" : "fiches actions"} />
      {order
        .filter((s) => counts.has(s))
        .map((s) => (
          <BigNumber key={s ?? "unknown"} value={String(counts.get(s))} label={<Status status={s} />} />
        ))}
      {late > 0 ? <BigNumber value={String(late)} label={LATE_DEADLINE_LABEL} className="text-red-900" /> : null}
    </div>
  );
}

function ThemeRow({ action }: { action: ActionLine }) {
  return (
    <li className="py-[0.2em]">
      <p className="font-semibold">{action.title}</p>
      <div className="flex flex-wrap items-center gap-x-[0.9em]">
        <Status status={action.status} />
        <span className="font-bold tabular-nums">
          {action.progress !== null ? `${action.progress}\u00a0%` : "Avancement non renseigné"}
        </span>
        {action.timeframe !== undefined ? (
          <span className="flex flex-wrap items-center gap-x-[0.4em]">
            <span>{action.timeframe ? `Échéance : ${action.timeframe}` : "Échéance non précisée"}</span>
            {action.late ? <LateBadge /> : null}
          </span>
        ) : null}
      </div>
      {action.originalTimeframe ? <p className="text-slate-800">Échéance initiale : {action.originalTimeframe}</p> : null}
    </li>
  );
}

function ChangesSummary({ slide }: { slide: Extract<Slide, { kind: "changes" }> }) {
  return (
    <div className="slide-grid grid grid-cols-3 gap-[1em]">
      {(Object.keys(changeListTitles) as (keyof typeof changeListTitles)[]).map((list) => {
        const [singular, plural] = changeListTitles[list];
        return (
          <BigNumber
            key={list}
            value={String(slide[list].total)}
            label={slide[list].total < 2 ? singular : plural}
            className="text-[1.25em]"
          />
        );
      })}
    </div>
  );
}

function ActionOverview({
  slide,
  page,
  withSummary,
}: {
  slide: Extract<Slide, { kind: "action" }>;
  page: SlidePage;
  withSummary: boolean;
}) {
  const url = absolute(slide.path);
  return (
    <div>
      <Heading kicker={`Fiche action${partOf(page)}`}>{slide.heading}</Heading>
      <div className="slide-split flex items-start justify-between gap-[1.5em]">
        <div className="min-w-0 flex-1 space-y-[0.5em]">
          <div className="flex flex-wrap items-end gap-x-[1.5em] gap-y-[0.4em]">
            <BigNumber value={slide.progress !== null ? `${slide.progress}\u00a0%` : "—"} label="Avancement" />
            <p className="text-[1.5em]">
              <Status status={slide.status} />
            </p>
          </div>
          {slide.progress !== null ? <ProgressBar progress={slide.progress} /> : null}
          <Deadline timeframe={slide.timeframe} originalTimeframe={slide.originalTimeframe} late={slide.late} />
          {withSummary && slide.summary ? (
            <div className="border-l-4 border-blue-900 pl-[0.5em]">
              <p className="font-bold">En bref</p>
              <p>{slide.summary}</p>
            </div>
          ) : null}
        </div>
        <figure className="flex w-[7em] shrink-0 flex-col items-center">
          <QrCode url={url} label={`Code QR vers la page de la fiche : ${url}`} className="w-[7em]" />
          <figcaption className="text-center leading-tight">
            La fiche en ligne<span className="sr-only"> : {display(url)}</span>
          </figcaption>
        </figure>
      </div>
    </div>
  );
}

function ActionDetails({
  slide,
  page,
  blocks,
}: {
  slide: Extract<Slide, { kind: "action" }>;
  page: SlidePage;
  blocks: Extract<SlidePage["view"], { kind: "action-details" }>["blocks"];
}) {
  return (
    <div>
      <Heading kicker={`Fiche action${partOf(page)}`}>{slide.heading}</Heading>
      <div className="space-y-[0.5em]">
        {blocks.map((block) => {
          switch (block.kind) {
            case "summary":
              return (
                <div key="summary" className="border-l-4 border-blue-900 pl-[0.5em]">
                  <p className="font-bold">En bref</p>
                  <p>{slide.summary}</p>
                </div>
              );
            case "report":
              return slide.latestReport ? (
                <div key="report" className="border-l-4 border-blue-900 pl-[0.5em]">
                  <p className="font-bold">
                    Dernier point d&apos;étape{slide.latestReport.reportedOn ? ` (${formatDay(slide.latestReport.reportedOn)})` : ""} :{" "}
                    {slide.latestReport.title}
                  </p>
                  <p>{slide.latestReport.excerpt}</p>
                </div>
              ) : (
                <p key="report">Aucun point d&apos;étape pour l&apos;instant.</p>
              );
            case "proposal": {
              const p = slide.proposals[block.index]!;
              return (
                <div key={`proposal-${block.index}`}>
                  {block.index === 0 ? <h3 className="text-[1.15em] font-bold">Propositions les plus soutenues</h3> : null}
                  <p>
                    <span className="font-semibold">« {p.title} »</span> — {p.councilName}, {pluralize(p.supports, "soutien", "soutiens")}
                  </p>
                  <p className="text-slate-800">
                    {p.latestAnswer
                      ? `Réponse de la Ville : ${answerStateLabels[p.latestAnswer.state].toLowerCase()} — ${p.latestAnswer.excerpt}`
                      : "En attente de la réponse de la Ville."}
                  </p>
                </div>
              );
            }
            case "avis":
              return (
                <div key="avis">
                  {slide.proposals.length === 0 ? (
                    <>
                      <h3 className="text-[1.15em] font-bold">Propositions les plus soutenues</h3>
                      <p>Aucune proposition publiée pour l&apos;instant.</p>
                    </>
                  ) : null}
                  <p className="font-semibold">{avisText(slide.avis)}</p>
                </div>
              );
          }
        })}
      </div>
    </div>
  );
}

export function SlideContent({ page }: { page: SlidePage }) {
  const { slide, view } = page;
  switch (slide.kind) {
    case "title":
      return (
        <div className="flex h-full flex-col justify-center">
          <p className="font-bold tracking-wide text-blue-900 uppercase">Réunion publique — {slide.planTitle}</p>
          <h2 className="mt-[0.4em] text-[2.25em] leading-[1.15] font-bold text-balance text-slate-950">{slide.heading}</h2>
          <p className="mt-[0.8em] text-[1.375em]">{formatDateTime(new Date(slide.startsAt))}</p>
          <p className="mt-[0.2em] text-[1.375em]">{slide.place}</p>
        </div>
      );
    case "changes": {
      const since = slide.since ? `Depuis la réunion du ${formatDay(cityDay(new Date(slide.since.startsAt)))}` : "Ce qui a changé";
      if (view.kind !== "changes-list")
        return (
          <div>
            <Heading kicker={`${since}${partOf(page)}`}>{slide.heading}</Heading>
            <ChangesSummary slide={slide} />
          </div>
        );
      const items = Array.from({ length: view.to - view.from }, (_, i) => view.from + i);
      const total = slide[view.list].total;
      return (
        <div>
          <Heading kicker={`${slide.heading}${partOf(page)}`}>{changeListTitle(slide, view.list)}</Heading>
          <ul className="space-y-[0.4em]">
            {items.map((i) => (
              <li key={i}>{changeItemText(slide, view.list, i)}</li>
            ))}
            {view.more ? (
              <li className="text-slate-800">
                et {pluralize(total - slide[view.list].items.length, "autre", "autres")}, à lire sur le site
              </li>
            ) : null}
          </ul>
        </div>
      );
    }
    case "section":
      return (
        <div className="flex h-full flex-col justify-center">
          <p className="font-bold tracking-wide text-blue-900 uppercase">Ordre du jour</p>
          <h2 className="mt-[0.4em] text-[2.25em] leading-[1.15] font-bold text-balance text-slate-950">{slide.heading}</h2>
        </div>
      );
    case "theme": {
      const range = view.kind === "theme" ? view : { from: 0, to: slide.actions.length, counts: true };
      return (
        <div>
          <Heading kicker={`Thématique ${slide.number}${partOf(page)}`}>{slide.heading.replace(/^Thématique \d+ : /, "")}</Heading>
          {slide.actions.length === 0 ? (
            <p>Aucune fiche action dans cette thématique.</p>
          ) : (
            <>
              {range.counts ? <ThemeCounts actions={slide.actions} /> : null}
              <ul className="divide-y-2 divide-slate-300 border-y-2 border-slate-300">
                {slide.actions.slice(range.from, range.to).map((a) => (
                  <ThemeRow key={a.slug} action={a} />
                ))}
              </ul>
            </>
          )}
        </div>
      );
    }
    case "action":
      return view.kind === "action-details" ? (
        <ActionDetails slide={slide} page={page} blocks={view.blocks} />
      ) : (
        <ActionOverview slide={slide} page={page} withSummary={view.kind === "action-overview" && view.summary} />
      );
    case "closing": {
      const url = absolute(slide.path);
      return (
        <div className="slide-split flex h-full items-center justify-between gap-[1.5em]">
          <div>
            <h2 className="text-[2.25em] leading-[1.15] font-bold text-slate-950">{slide.heading}</h2>
            <p className="mt-[0.6em] text-[1.25em]">
              Suivez le {slide.planTitle.charAt(0).toLowerCase() + slide.planTitle.slice(1)} en ligne, donnez l&apos;avis de votre conseil
              de quartier :
            </p>
            <p className="mt-[0.4em] text-[1.25em] font-bold break-all text-blue-900">{display(url)}</p>
          </div>
          <QrCode url={url} label={`Code QR vers le site du projet social communal : ${url}`} className="w-[12em] shrink-0" />
        </div>
      );
    }
  }
}
