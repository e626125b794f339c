import { describe, expect, it } from "vitest";
import { CHARS_PER_LINE, deckPages, linesUnderHeading, paginate, textLines, type SlidePage } from "./slide-pages";
import type { Slide } from "./slides";

const long = (words: number, seed = "mot") => Array.from({ length: words }, (_, i) => `${seed}${i}`).join(" ");

const action = (over: Partial<Extract<Slide, { kind: "action" }>> = {}): Slide => ({
  kind: "action",
  heading: "Développer le rôle de la Maison des Associations",
  agendaPosition: 1,
  path: "/fiches/maison-des-associations",
  status: "in_progress",
  progress: 35,
  timeframe: "juin 2027",
  originalTimeframe: "2018/2019",
  late: false,
  latestReport: { title: "Point de juin", reportedOn: "2026-06-01", excerpt: "Texte court." },
  proposals: [],
  avis: { favorable: 1, favorable_with_reservations: 0, unfavorable: 0 },
  ...over,
});

const proposal = (i: number, titleWords = 8) => ({
  contributionId: i,
  title: long(titleWords, `titre${i}-`),
  councilName: "Conseil de quartier Centre",
  supports: 3,
  latestAnswer: { state: "accepted" as const, excerpt: long(20, `réponse${i}-`), signature: "Élue" },
});

describe("paginate", () => {
  it("fills pages in order up to the budget, never splits nor drops an item, gives an oversized item its own page", () => {
    expect(paginate([3, 3, 3, 3], (n) => n, 7)).toEqual([
      [3, 3],
      [3, 3],
    ]);
    expect(paginate([2, 9, 2], (n) => n, 7)).toEqual([[2], [9], [2]]);
    expect(paginate([1, 1, 1, 1], (n) => n, 3, 1)).toEqual([[1], [1, 1, 1]]);
    expect(paginate([], (n: number) => n, 5)).toEqual([[]]);
  });

  it("counts lines of text by characters, a longer title leaving fewer lines under it", () => {
    expect(textLines("court")).toBe(1);
    expect(textLines("x".repeat(CHARS_PER_LINE + 1))).toBe(2);
    expect(linesUnderHeading("Court")).toBeGreaterThan(linesUnderHeading(long(20)));
  });
});

describe("deckPages", () => {
  it("a short fiche: its figures and QR code on one slide, what was said on the next; the notes follow the deck slide", () => {
    const pages = deckPages({ slides: [action()] });
    expect(pages.map((p) => p.view.kind)).toEqual(["action-overview", "action-details"]);
    expect(pages.map((p) => [p.slideIndex, p.part, p.parts])).toEqual([
      [0, 1, 2],
      [0, 2, 2],
    ]);
    expect(pages[1]!.heading).toBe("Développer le rôle de la Maison des Associations (2/2)");
  });

  it("a fiche with long content goes onto as many slides as needed, every proposal once and in order", () => {
    const proposals = [1, 2, 3].map((i) => proposal(i, 30));
    const pages = deckPages({ slides: [action({ proposals, latestReport: { title: "Point", reportedOn: null, excerpt: long(45) } })] });
    expect(pages.length).toBeGreaterThanOrEqual(3);
    const blocks = pages.flatMap((p) => (p.view.kind === "action-details" ? p.view.blocks : []));
    expect(blocks).toEqual([
      { kind: "report" },
      { kind: "proposal", index: 0 },
      { kind: "proposal", index: 1 },
      { kind: "proposal", index: 2 },
      { kind: "avis" },
    ]);
    expect(pages.every((p) => p.parts === pages.length)).toBe(true);
    expect(pages.map((p) => p.heading.slice(-5))).toEqual(pages.map((_, i) => `(${i + 1}/${pages.length})`));
  });

  it("a short plain-words summary stays beside the figures, a long one gets its own place", () => {
    expect(deckPages({ slides: [action({ summary: "Une maison pour les associations." })] })[0]!.view).toEqual({
      kind: "action-overview",
      summary: true,
    });
    const pages = deckPages({ slides: [action({ summary: long(60) })] });
    expect(pages[0]!.view).toEqual({ kind: "action-overview", summary: false });
    expect(pages.flatMap((p) => (p.view.kind === "action-details" ? p.view.blocks : []))).toEqual([
      { kind: "summary" },
      { kind: "report" },
      { kind: "avis" },
    ]);
  });

  it("a theme of many fiches is split, the counts by status on its first slide only; a frozen deck without deadlines still pages", () => {
    const actions = Array.from({ length: 14 }, (_, i) => ({
      slug: `fiche-${i}`,
      title: long(9, `fiche${i}-`),
      status: "in_progress" as const,
      progress: i * 5,
      ...(i % 2 ? { timeframe: "2027", originalTimeframe: "2019", late: true } : {}),
    }));
    const theme: Slide = {
      kind: "theme",
      heading: "Thématique 4 : Animation territoriale",
      agendaPosition: 1,
      number: 4,
      path: "/t",
      actions,
    };
    const pages = deckPages({ slides: [theme] });
    expect(pages.length).toBeGreaterThanOrEqual(2);
    const views = pages.map((p) => p.view as Extract<SlidePage["view"], { kind: "theme" }>);
    expect(views.map((v) => v.counts)).toEqual(views.map((_, i) => i === 0));
    // Contiguous ranges covering every fiche once.
    expect(views[0]!.from).toBe(0);
    for (let i = 1; i < views.length; i++) expect(views[i]!.from).toBe(views[i - 1]!.to);
    expect(views.at(-1)!.to).toBe(actions.length);
  });

  it("« what changed »: the three counts first, then each list over as many slides as needed, « et N autres » at its end", () => {
    const items = Array.from({ length: 8 }, (_, i) => ({
      actionTitle: long(12, `action${i}-`),
      title: "t",
      status: "done" as const,
      progress: 100,
    }));
    const changes: Slide = {
      kind: "changes",
      heading: "Ce qui a changé depuis le début du suivi",
      since: null,
      reports: { total: 20, items },
      proposals: { total: 0, items: [] },
      answers: { total: 1, items: [{ contributionId: 1, proposalTitle: "Un banc", state: "done", councilName: "Centre" }] },
    };
    const pages = deckPages({ slides: [changes] });
    expect(pages[0]!.view).toEqual({ kind: "changes-summary" });
    const reportViews = pages.flatMap((p) => (p.view.kind === "changes-list" && p.view.list === "reports" ? [p.view] : []));
    expect(reportViews.length).toBeGreaterThanOrEqual(2);
    expect(reportViews.map((v) => [v.from, v.to]).flat()).toEqual(
      reportViews.flatMap((v, i) => [i === 0 ? 0 : reportViews[i - 1]!.to, v.to]),
    );
    expect(reportViews.at(-1)).toMatchObject({ to: 8, more: true });
    expect(reportViews.slice(0, -1).every((v) => !v.more)).toBe(true);
    // No page for an empty list; one for the single answer.
    expect(pages.filter((p) => p.view.kind === "changes-list" && p.view.list === "proposals")).toHaveLength(0);
    expect(pages.at(-1)!.view).toEqual({ kind: "changes-list", list: "answers", from: 0, to: 1, more: false });
  });

  it("title, section and closing slides stay one slide each, without « (1/1) »", () => {
    const pages = deckPages({
      slides: [
        { kind: "title", heading: "Réunion", startsAt: "2026-01-01T18:00:00Z", place: "Salle", planTitle: "Projet" },
        { kind: "section", heading: "Questions", agendaPosition: 2 },
        { kind: "closing", heading: "Merci", planTitle: "Projet", path: "/" },
      ],
    });
    expect(pages.map((p) => [p.view.kind, p.heading, p.slideIndex])).toEqual([
      ["whole", "Réunion", 0],
      ["whole", "Questions", 1],
      ["whole", "Merci", 2],
    ]);
  });
});
