import "server-only";
import type { ReactNode } from "react";
import { SlideContent } from "@/components/slides/slide-content";
import { formatDateTime } from "@/lib/dates";
import type { Deck } from "@/server/meetings/slides";

/** What both presentation windows need from a deck: the slides drawn, their headings, the state line. */
export function deckView(deck: Deck, frozenAt: Date | null): { slides: ReactNode[]; headings: string[]; stateLabel: string } {
  return {
    slides: deck.slides.map((slide, i) => <SlideContent key={i} slide={slide} />),
    headings: deck.slides.map((s) => s.heading),
    stateLabel: frozenAt ? `État au ${formatDateTime(frozenAt)}` : "Données en direct",
  };
}

/** ?diapo=3 → index 2 (the first slide for anything else). */
export function slideIndexFrom(value: string | string[] | undefined): number {
  const raw = Array.isArray(value) ? value[0] : value;
  return raw && /^\d{1,3}$/.test(raw) ? Math.max(0, Number(raw) - 1) : 0;
}
