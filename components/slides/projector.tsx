"use client";

import { useEffect, useState, type ReactNode } from "react";
import { Stage } from "./stage";
import { projectorButtonClass } from "./styles";
import { useDeckNavigation } from "./use-deck-navigation";

/**
 * The projector window: one slide at a time, covering the viewport (above the site header), the
 * 16:9 stage scaled to fit. Keyboard: → ← Space PageDown PageUp Home End; F for full screen, Esc
 * leaves it. The counter « 3 / 12 » is on the slide; changes are announced to screen readers. The
 * toolbar holds on one line from 1024 px and is hidden in full screen (the Fullscreen API's, and
 * the browser's own F11 by the `display-mode: fullscreen` rule of SlidePageStyle).
 * Every slide is in the page (only the current one shown), so printing gives them all.
 */
export function Projector({
  title,
  slides,
  headings,
  initial,
  channelName,
  stateLabel,
  presenterHref,
  exitHref,
  controls,
}: {
  title: string;
  slides: ReactNode[];
  headings: string[];
  initial: number;
  channelName: string;
  /** « État au … » when the data are frozen, « Données en direct » otherwise. */
  stateLabel: string;
  presenterHref: string;
  exitHref: string;
  /** Freeze / unfreeze, drawn by the page. */
  controls?: ReactNode;
}) {
  const [fullscreen, setFullscreen] = useState(false);
  useEffect(() => {
    const onChange = () => setFullscreen(document.fullscreenElement !== null);
    document.addEventListener("fullscreenchange", onChange);
    return () => document.removeEventListener("fullscreenchange", onChange);
  }, []);
  const toggleFullscreen = () => {
    if (document.fullscreenElement) void document.exitFullscreen().catch(() => {});
    else void document.documentElement.requestFullscreen?.().catch(() => {});
  };
  const { index, go, announcement } = useDeckNavigation({
    count: slides.length,
    initial,
    channelName,
    headings,
    onKey: (event) => {
      if (event.key === "f" || event.key === "F") {
        event.preventDefault();
        toggleFullscreen();
      } else if (event.key === "Escape" && document.fullscreenElement) {
        void document.exitFullscreen().catch(() => {});
      }
    },
  });

  return (
    <div data-presentation="" className="fixed inset-0 z-50 flex flex-col bg-slate-950 print:static print:block print:bg-white">
      <h1 className="sr-only">Présentation : {title}</h1>
      <div className="flex min-h-0 flex-1 items-center justify-center [container-type:size] print:block print:[container-type:inline-size]">
        {slides.map((slide, i) => (
          <div
            key={i}
            className={`slide-page ${i === index ? "contents print:block" : "hidden print:block"}`}
            aria-hidden={i === index ? undefined : true}
          >
            <Stage
              variant="fit"
              className="print:w-full"
              footer={
                <>
                  <span>{stateLabel}</span>
                  <span className="font-bold text-slate-950" aria-hidden={i === index ? undefined : true}>
                    <span className="sr-only">Diapositive </span>
                    {i + 1} / {slides.length}
                  </span>
                </>
              }
            >
              {slide}
            </Stage>
          </div>
        ))}
      </div>
      <p aria-live="polite" aria-atomic="true" className="sr-only">
        {announcement}
      </p>
      <div
        role="toolbar"
        aria-label="Commandes de la présentation"
        data-projector-toolbar=""
        // The freeze controls' answer shows above the toolbar, over the slide's foot, so the
        // toolbar keeps its one line.
        className={`relative flex flex-wrap items-center gap-1 bg-slate-900 px-2 py-2 text-white lg:flex-nowrap print:hidden ${fullscreen ? "hidden" : ""} [&_[role=alert]]:absolute [&_[role=alert]]:right-2 [&_[role=alert]]:bottom-full [&_[role=alert]]:mb-2 [&_[role=alert]]:max-w-[calc(100vw-1rem)] [&_[role=status]]:absolute [&_[role=status]]:right-2 [&_[role=status]]:bottom-full [&_[role=status]]:mb-2 [&_[role=status]]:max-w-[calc(100vw-1rem)]`}
      >
        <button type="button" className={projectorButtonClass} onClick={() => go(index - 1)} disabled={index === 0}>
          <span aria-hidden="true">←&nbsp;</span>Précédente
        </button>
        <button type="button" className={projectorButtonClass} onClick={() => go(index + 1)} disabled={index === slides.length - 1}>
          Suivante<span aria-hidden="true">&nbsp;→</span>
        </button>
        <button type="button" className={projectorButtonClass} onClick={toggleFullscreen} aria-keyshortcuts="F">
          Plein écran (F)
        </button>
        <a className={projectorButtonClass} href={presenterHref} target="presentation-presentateur">
          Vue présentateur
        </a>
        {controls}
        <a className={`${projectorButtonClass} ml-auto`} href={exitHref}>
          Quitter la présentation
        </a>
      </div>
    </div>
  );
}
