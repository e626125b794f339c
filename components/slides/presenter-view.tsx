"use client";

import { useEffect, useState, type ReactNode } from "react";
import { Stage } from "./stage";
import { useDeckNavigation } from "./use-deck-navigation";

const button =
  "inline-flex min-h-11 min-w-11 items-center justify-center rounded-md border-2 border-blue-900 bg-white px-4 font-semibold text-blue-900 hover:bg-blue-50 focus-visible:outline-3 focus-visible:outline-offset-2 focus-visible:outline-blue-800 disabled:opacity-50";

const clockFormat = new Intl.DateTimeFormat("fr-FR", { hour: "2-digit", minute: "2-digit", second: "2-digit", timeZone: "Europe/Paris" });
function elapsedText(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const [h, m, s] = [Math.floor(total / 3600), Math.floor((total % 3600) / 60), total % 60];
  return `${h > 0 ? `${h}:` : ""}${String(m).padStart(h > 0 ? 2 : 1, "0")}:${String(s).padStart(2, "0")}`;
}

/**
 * The presenter's window: the current and the next slide, the notes of the current agenda item,
 * the time and the time elapsed. It follows the projector window and drives it (both ways).
 */
export function PresenterView({
  title,
  slides,
  headings,
  notes,
  initial,
  channelName,
  stateLabel,
  projectorHref,
  exitHref,
  controls,
}: {
  title: string;
  slides: ReactNode[];
  headings: string[];
  notes: (string | null)[];
  initial: number;
  channelName: string;
  stateLabel: string;
  projectorHref: string;
  exitHref: string;
  controls?: ReactNode;
}) {
  const { index, go, announcement } = useDeckNavigation({ count: slides.length, initial, channelName, headings, askOthers: true });
  const [now, setNow] = useState<number | null>(null);
  const [startedAt, setStartedAt] = useState<number | null>(null);
  useEffect(() => {
    const start = Date.now();
    // The clock starts in the browser only (the server's time would not match on hydration).
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setNow(start);
    setStartedAt(start);
    const timer = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(timer);
  }, []);
  const note = notes[index];

  return (
    <div data-presentation="" className="fixed inset-0 z-50 overflow-auto bg-slate-100 p-4 text-slate-950">
      <h1 className="text-2xl font-bold">Vue présentateur : {title}</h1>
      <p className="mt-1">{stateLabel}</p>
      <p aria-live="polite" aria-atomic="true" className="sr-only">
        {announcement}
      </p>
      <div className="mt-4 flex flex-wrap items-center gap-2">
        <button type="button" className={button} onClick={() => go(index - 1)} disabled={index === 0}>
          <span aria-hidden="true">←&nbsp;</span>Précédente
        </button>
        <p className="px-2 text-xl font-bold tabular-nums">
          <span className="sr-only">Diapositive </span>
          {index + 1} / {slides.length}
        </p>
        <button type="button" className={button} onClick={() => go(index + 1)} disabled={index === slides.length - 1}>
          Suivante<span aria-hidden="true">&nbsp;→</span>
        </button>
        <a className={button} href={projectorHref} target="presentation-projection">
          Ouvrir la projection
        </a>
        {controls}
        <a className={`${button} ml-auto`} href={exitHref}>
          Quitter
        </a>
      </div>
      <div className="mt-4 grid gap-4 lg:grid-cols-[3fr_2fr]">
        <section aria-labelledby="presentateur-actuelle">
          <h2 id="presentateur-actuelle" className="mb-2 text-lg font-bold">
            Diapositive affichée : {headings[index]}
          </h2>
          <div className="border-4 border-blue-900">
            <Stage variant="fill">{slides[index]}</Stage>
          </div>
        </section>
        <div className="flex flex-col gap-4">
          <section aria-labelledby="presentateur-horloge" className="rounded-md border-2 border-slate-400 bg-white p-3">
            <h2 id="presentateur-horloge" className="sr-only">
              Heure
            </h2>
            <p className="text-lg">
              Heure : <span className="text-2xl font-bold tabular-nums">{now === null ? "—" : clockFormat.format(now)}</span>
            </p>
            <p className="mt-1 text-lg">
              Temps écoulé :{" "}
              <span className="text-2xl font-bold tabular-nums">
                {now === null || startedAt === null ? "—" : elapsedText(now - startedAt)}
              </span>{" "}
              <button type="button" className={`${button} ml-2`} onClick={() => setStartedAt(Date.now())}>
                Remettre à zéro
              </button>
            </p>
          </section>
          <section aria-labelledby="presentateur-notes" className="rounded-md border-2 border-slate-400 bg-white p-3">
            <h2 id="presentateur-notes" className="text-lg font-bold">
              Notes
            </h2>
            {note ? (
              <p className="mt-2 text-xl leading-relaxed whitespace-pre-line">{note}</p>
            ) : (
              <p className="mt-2 text-slate-800">Pas de note pour cette diapositive.</p>
            )}
          </section>
          <section aria-labelledby="presentateur-suivante">
            <h2 id="presentateur-suivante" className="mb-2 text-lg font-bold">
              {index + 1 < slides.length ? `Diapositive suivante : ${headings[index + 1]}` : "C'est la dernière diapositive."}
            </h2>
            {index + 1 < slides.length ? (
              <div className="border-2 border-slate-500" aria-hidden="true">
                <Stage variant="fill">{slides[index + 1]}</Stage>
              </div>
            ) : null}
          </section>
        </div>
      </div>
    </div>
  );
}
