import "server-only";
import type { ReactNode } from "react";
import { SlideContent } from "@/components/slides/slide-content";
import { formatDateTime } from "@/lib/dates";
import { deckPages } from "@/server/meetings/slide-pages";
import type { Deck } from "@/server/meetings/slides";

/**
 * What both presentation windows need from a deck: the projected slides drawn (a long fiche,
 * theme or « what changed » takes several), their headings, the presenter's notes of each (those
 * of its agenda item, on each of its slides), the state line.
 */
export function deckView(
  deck: Deck,
  frozenAt: Date | null,
  notes: (string | null)[] = [],
): { slides: ReactNode[]; headings: string[]; notes: (string | null)[]; stateLabel: string } {
  const pages = deckPages(deck);
  return {
    slides: pages.map((page, i) => <SlideContent key={i} page={page} />),
    headings: pages.map((p) => p.heading),
    notes: pages.map((p) => notes[p.slideIndex] ?? null),
    stateLabel: frozenAt ? `État au ${formatDateTime(frozenAt)}` : "Données en direct",
  };
}

/** ?diapo=3 → index 2 (the first slide for anything else). */
export function slideIndexFrom(value: string | string[] | undefined): number {
  const raw = Array.isArray(value) ? value[0] : value;
  return raw && /^\d{1,3}$/.test(raw) ? Math.max(0, Number(raw) - 1) : 0;
}
