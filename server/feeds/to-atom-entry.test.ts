import { describe, expect, it } from "vitest";
import type { FeedAnswer, FeedContribution, FeedReport } from "./load-feed-items";
import { toAtomEntry } from "./to-atom-entry";

const origin = "https://social.aurillac.fr";

const report: FeedReport = {
  kind: "report",
  id: 3,
  title: "Ouverture du multi-accueil",
  body: "Le multi-accueil a ouvert.",
  reportedOn: "2018-09-01",
  status: "done",
  progress: 100,
  sourceLabel: null,
  correctedAt: new Date("2026-11-02T10:00:00Z"),
  createdAt: new Date("2026-11-01T10:00:00Z"),
  actionSlug: "multi-accueil",
  actionTitle: "Ouvrir un multi-accueil",
};

const contribution: FeedContribution = {
  kind: "contribution",
  id: 42,
  contributionKind: "feedback",
  position: "favorable_with_reservations",
  title: null,
  body: "Nous sommes d'accord.",
  councilName: "Conseil de quartier n°1",
  actionSlug: "multi-accueil",
  actionTitle: "Ouvrir un multi-accueil",
  authorName: "Ancien membre du conseil Conseil de quartier n°1",
  publishedAt: new Date("2026-11-03T10:00:00Z"),
  receivedVia: null,
  receivedOn: null,
  isDemo: true,
  page: 3,
};

const answer: FeedAnswer = {
  kind: "answer",
  id: 7,
  state: "accepted",
  body: "La Ville retient la proposition.",
  signatureName: "Marie Dupont",
  signatureTitle: "adjointe aux solidarités",
  createdAt: new Date("2026-11-04T10:00:00Z"),
  contributionId: 41,
  proposalTitle: "Un banc devant l'école",
  councilName: "Conseil de quartier n°2",
  actionSlug: "multi-accueil",
  actionTitle: "Ouvrir un multi-accueil",
  isDemo: false,
  page: 1,
};

describe("toAtomEntry", () => {
  it("a point d'étape: permanent id, its anchor on the fiche, no author of its own (the City's), corrected date as updated", () => {
    const entry = toAtomEntry(report, { kind: "plan" }, origin);
    expect(entry).toMatchObject({
      id: "tag:social.aurillac.fr,2026:point-etape-3",
      title: "Point d'étape : Ouverture du multi-accueil",
      link: "https://social.aurillac.fr/fiches/multi-accueil#point-etape-3",
      published: report.createdAt,
      updated: report.correctedAt,
      category: { term: "point-etape", label: "Point d'étape" },
    });
    expect(entry.author).toBeUndefined();
    expect(entry.content).toContain("Fiche action « Ouvrir un multi-accueil »");
    expect(entry.content).toContain("Réalisée. Avancement : 100 %.");
    // On the fiche's own feed, the fiche is not named again.
    expect(toAtomEntry(report, { kind: "action", slug: "multi-accueil" }, origin).content).not.toContain("Fiche action «");
  });

  it("an avis: signed as on the page (an erased author as « Ancien membre du conseil … »), demo marked, linked to its card's page", () => {
    const entry = toAtomEntry(contribution, { kind: "theme", slug: "petite-enfance" }, origin);
    expect(entry).toMatchObject({
      id: "tag:social.aurillac.fr,2026:contribution-42",
      title: "Avis du Conseil de quartier n°1 (démonstration)",
      link: "https://social.aurillac.fr/fiches/multi-accueil/contributions/3#contribution-42",
      author: "Ancien membre du conseil Conseil de quartier n°1",
      category: { term: "avis", label: "Avis" },
    });
    expect(entry.content).toContain("Avis favorable avec réserves.");
    // In a council's feed, the card is found on the council's own pages.
    expect(toAtomEntry(contribution, { kind: "council", slug: "conseil-1" }, origin).link).toBe(
      "https://social.aurillac.fr/conseils/conseil-1/contributions/3#contribution-42",
    );
  });

  it("a contribution received on paper: signed by the council (and the name as written), with its provenance as on the page", () => {
    const entry = toAtomEntry(
      { ...contribution, authorName: null, receivedVia: "paper", receivedOn: "2026-10-28" },
      { kind: "action", slug: "multi-accueil" },
      origin,
    );
    expect(entry.author).toBe("Conseil de quartier n°1");
    expect(entry.content).toContain("Reçu sur papier le 28 octobre 2026 et saisi par la Ville.");
    expect(toAtomEntry(contribution, { kind: "action", slug: "multi-accueil" }, origin).content).not.toContain("saisi par la Ville");
  });

  it("an answer: the copied signature, its state in words, linked to the proposal's card", () => {
    const entry = toAtomEntry(answer, { kind: "action", slug: "multi-accueil" }, origin);
    expect(entry).toMatchObject({
      id: "tag:social.aurillac.fr,2026:reponse-7",
      title: "Réponse de la Ville (Retenue) : Un banc devant l'école",
      link: "https://social.aurillac.fr/fiches/multi-accueil#contribution-41",
      author: "Marie Dupont, adjointe aux solidarités",
      category: { term: "reponse", label: "Réponse de la Ville" },
    });
    expect(entry.content).toContain("Réponse à la proposition « Un banc devant l'école » du Conseil de quartier n°2.");
  });
});
