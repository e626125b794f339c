import { LATE_DEADLINE_LABEL, pluralize, progressLabel, statusLabel } from "@/lib/labels";
import { answerStateLabels } from "@/lib/validation/answer";
import { positionLabels } from "@/lib/validation/contribution";
import type { AvisCounts, Deck, Slide } from "./slides";

/*
 * A deck's slides as they are projected: one message per projected slide, and a fiche, a theme or
 * « what changed » that has more to say than one slide holds goes onto several (« 1/2 », « 2/2 »)
 * instead of smaller or cut text. Pure and computed when the deck is drawn, so a deck frozen
 * before (meeting_snapshots, version 2) is paginated the same way.
 *
 * The budget is counted in lines of body text: a slide is 1920 × 1080 with body text at 44 px
 * (components/slides/stage.tsx), that is 24.5 em high, of which 20.3 em are left between the
 * padding and the footer, 18.35 em under the kicker. A body line is 1.35 em and holds about 70
 * characters across the slide in a wide font (DejaVu Sans, measured: 71 in bold), a title
 * (1.625 em) about 40. Half an em is kept in reserve, and the e2e check « nothing overflows its
 * 16:9 stage » holds the estimate to account.
 */

/** Characters of body text on one line across the whole slide. */
export const CHARS_PER_LINE = 70;
/** Bold text is this much wider. */
const BOLD = 1.1;
/** Characters of a title (h2) on one line. */
const HEADING_CHARS_PER_LINE = 40;
/** Space between two items of a list, in lines. */
const GAP = 0.4;

/** Lines a text takes at `charsPerLine` characters a line (at least one). */
export function textLines(text: string, charsPerLine = CHARS_PER_LINE): number {
  return Math.max(1, Math.ceil(text.replace(/\s+/g, " ").trim().length / charsPerLine));
}

/** Lines of body text left under a kicker and a title of this length. */
export function linesUnderHeading(heading: string): number {
  const headingLines = textLines(heading, HEADING_CHARS_PER_LINE);
  // 18.35 em under the kicker, half an em in reserve, 1.95 em a title line (with its margin).
  return Math.max(4, Math.floor((17.85 - 1.95 * headingLines) / 1.35));
}

/**
 * Items in pages of at most `budget` lines (`firstBudget` for the first page), in order, none
 * left out or cut: an item that alone exceeds a page gets a page of its own. Always one page at
 * least (possibly empty).
 */
export function paginate<T>(items: readonly T[], cost: (item: T) => number, budget: number, firstBudget = budget): T[][] {
  const pages: T[][] = [[]];
  let used = 0;
  for (const item of items) {
    const page = pages[pages.length - 1]!;
    const room = pages.length === 1 ? firstBudget : budget;
    const c = cost(item);
    if (page.length > 0 && used + c > room) {
      pages.push([item]);
      used = c;
    } else {
      page.push(item);
      used += c;
    }
  }
  return pages;
}

export type ChangeList = "reports" | "proposals" | "answers";
export type ActionBlock = { kind: "summary" } | { kind: "report" } | { kind: "proposal"; index: number } | { kind: "avis" };

/** Which part of its slide a projected slide shows. */
export type SlideView =
  | { kind: "whole" }
  | { kind: "changes-summary" }
  /** Items [from, to) of one list; `more` adds « et N autres » at the end. */
  | { kind: "changes-list"; list: ChangeList; from: number; to: number; more: boolean }
  /** Fiches [from, to) of the theme; the first page also shows the counts by status. */
  | { kind: "theme"; from: number; to: number; counts: boolean }
  | { kind: "action-overview"; summary: boolean }
  | { kind: "action-details"; blocks: ActionBlock[] };

export interface SlidePage {
  slide: Slide;
  /** Its slide in the deck (the presenter's notes are by deck slide). */
  slideIndex: number;
  part: number;
  parts: number;
  view: SlideView;
  /** The slide's heading, with « (2/3) » when it takes several: for the counter, announcements and the presenter. */
  heading: string;
}

export const changeListTitles: Record<ChangeList, [singular: string, plural: string]> = {
  reports: ["point d'étape", "points d'étape"],
  proposals: ["nouvelle proposition", "nouvelles propositions"],
  answers: ["réponse de la Ville", "réponses de la Ville"],
};

type ChangesSlide = Extract<Slide, { kind: "changes" }>;
type ActionSlide = Extract<Slide, { kind: "action" }>;

/** The words of one item of « what changed », as drawn (the slide and the budget share them). */
export function changeItemText(slide: ChangesSlide, list: ChangeList, index: number): string {
  if (list === "reports") {
    const r = slide.reports.items[index]!;
    const facts = [r.status ? statusLabel(r.status) : null, r.progress !== null ? `${r.progress}\u00a0%` : null].filter(Boolean).join(", ");
    return `${r.actionTitle} — ${facts}`;
  }
  if (list === "proposals") {
    const p = slide.proposals.items[index]!;
    return `« ${p.title} » — ${p.councilName}`;
  }
  const a = slide.answers.items[index]!;
  return `« ${a.proposalTitle} » (${a.councilName}) : ${answerStateLabels[a.state].toLowerCase()}`;
}

export function changeListTitle(slide: ChangesSlide, list: ChangeList): string {
  const [singular, plural] = changeListTitles[list];
  return pluralize(slide[list].total, singular, plural);
}

export function avisText(avis: AvisCounts): string {
  const total = avis.favorable + avis.favorable_with_reservations + avis.unfavorable;
  if (total === 0) return "Aucun avis publié pour l'instant.";
  return `${pluralize(total, "avis publié", "avis publiés")} : ${(Object.keys(positionLabels) as (keyof AvisCounts)[])
    .map((k) => `${avis[k]} ${positionLabels[k].toLowerCase()}`)
    .join(", ")}.`;
}

/** A plain-words summary this long still fits beside the fiche's figures; a longer one gets its own place. */
const SUMMARY_ON_OVERVIEW = 160;

function changesViews(slide: ChangesSlide): SlideView[] {
  const views: SlideView[] = [{ kind: "changes-summary" }];
  for (const list of ["reports", "proposals", "answers"] as const) {
    const items = slide[list].items;
    if (items.length === 0) continue;
    const more = slide[list].total > items.length;
    type Entry = number | "more";
    const entries: Entry[] = [...items.map((_, i) => i), ...(more ? (["more"] as const) : [])];
    const budget = linesUnderHeading(changeListTitle(slide, list));
    const pages = paginate<Entry>(entries, (e) => (e === "more" ? 1 : textLines(changeItemText(slide, list, e))) + GAP, budget);
    for (const page of pages) {
      const indices = page.filter((e): e is number => e !== "more");
      if (indices.length === 0 && !page.includes("more")) continue;
      const from = indices[0] ?? items.length;
      views.push({ kind: "changes-list", list, from, to: from + indices.length, more: page.includes("more") });
    }
  }
  return views;
}

function themeViews(slide: Extract<Slide, { kind: "theme" }>): SlideView[] {
  const budget = linesUnderHeading(slide.heading.replace(/^Thématique \d+ : /, ""));
  // A fiche: its title (bold), then its status, progress and deadline (mostly bold), then the
  // original deadline when it moved.
  const cost = (i: number) => {
    const a = slide.actions[i]!;
    const facts = [
      statusLabel(a.status),
      progressLabel(a.progress),
      `Échéance : ${a.timeframe ?? "non précisée"}`,
      a.late ? LATE_DEADLINE_LABEL : "",
    ];
    return (
      textLines(a.title, CHARS_PER_LINE / BOLD) + textLines(facts.join("   "), CHARS_PER_LINE / BOLD) + (a.originalTimeframe ? 1 : 0) + GAP
    );
  };
  // The counts by status take about three lines on the first page.
  const pages = paginate(
    slide.actions.map((_, i) => i),
    cost,
    budget,
    budget - 3,
  );
  return pages.map((page, n) => ({ kind: "theme", from: page[0] ?? 0, to: (page[0] ?? 0) + page.length, counts: n === 0 }));
}

function actionViews(slide: ActionSlide): SlideView[] {
  const summary = slide.summary?.trim() ?? "";
  const summaryOnOverview = summary !== "" && summary.length <= SUMMARY_ON_OVERVIEW;
  const budget = linesUnderHeading(slide.heading);
  const blocks: ActionBlock[] = [
    ...(summary !== "" && !summaryOnOverview ? [{ kind: "summary" } as const] : []),
    { kind: "report" },
    ...slide.proposals.map((_, index) => ({ kind: "proposal", index }) as const),
    { kind: "avis" },
  ];
  const cost = (block: ActionBlock): number => {
    switch (block.kind) {
      case "summary":
        return 1 + textLines(summary) + GAP;
      case "report": {
        const r = slide.latestReport;
        return (r ? textLines(`Dernier point d'étape (99 septembre 2099) : ${r.title}`) + textLines(r.excerpt) : 1) + GAP;
      }
      case "proposal": {
        const p = slide.proposals[block.index]!;
        const answer = p.latestAnswer
          ? `Réponse de la Ville : ${answerStateLabels[p.latestAnswer.state].toLowerCase()} — ${p.latestAnswer.excerpt}`
          : "En attente de la réponse de la Ville.";
        // The first proposal also carries the list's title.
        return (block.index === 0 ? 1.3 : 0) + textLines(`« ${p.title} » — ${p.councilName}, 999 soutiens`) + textLines(answer) + GAP;
      }
      case "avis":
        return (slide.proposals.length === 0 ? 2.3 : 0) + textLines(avisText(slide.avis)) + GAP;
    }
  };
  return [
    { kind: "action-overview", summary: summaryOnOverview },
    ...paginate(blocks, cost, budget).map((page): SlideView => ({ kind: "action-details", blocks: page })),
  ];
}

function viewsOf(slide: Slide): SlideView[] {
  switch (slide.kind) {
    case "changes":
      return changesViews(slide);
    case "theme":
      return themeViews(slide);
    case "action":
      return actionViews(slide);
    default:
      return [{ kind: "whole" }];
  }
}

/** Every projected slide of a deck, in order. */
export function deckPages(deck: Pick<Deck, "slides">): SlidePage[] {
  return deck.slides.flatMap((slide, slideIndex) => {
    const views = viewsOf(slide);
    return views.map((view, i) => ({
      slide,
      slideIndex,
      part: i + 1,
      parts: views.length,
      view,
      heading: views.length > 1 ? `${slide.heading} (${i + 1}/${views.length})` : slide.heading,
    }));
  });
}
