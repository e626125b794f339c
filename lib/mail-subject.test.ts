import { describe, expect, it } from "vitest";
import { digestSubject, subjectOf, SUBJECT_MAX } from "./mail-subject";

describe("subjectOf", () => {
  it("keeps what happened: the first clause, without its period", () => {
    expect(subjectOf("La Ville a répondu à votre proposition « Un banc » : en cours d'étude.")).toBe(
      "La Ville a répondu à votre proposition « Un banc »",
    );
    expect(
      subjectOf("La proposition « Un banc » (fiche « Parentalité ») a été approuvée par la Ville : elle est maintenant publique."),
    ).toBe("La proposition « Un banc » (fiche « Parentalité ») a été approuvée par la Ville");
    expect(subjectOf("Le Conseil de quartier Nord soutient votre proposition « Un banc ».")).toBe(
      "Le Conseil de quartier Nord soutient votre proposition « Un banc »",
    );
    expect(
      subjectOf("L'avis du conseil sur la fiche « X » a été refusé par la Ville. La raison est indiquée dans l'espace du conseil."),
    ).toBe("L'avis du conseil sur la fiche « X » a été refusé par la Ville");
  });
  it("never cuts inside a quoted title", () => {
    expect(subjectOf("La Ville a répondu à votre proposition « Parc : bancs. Et fontaines » : adoptée.")).toBe(
      "La Ville a répondu à votre proposition « Parc : bancs. Et fontaines »",
    );
  });
  it("shortens a long title inside its quotes, so that what happened stays in the subject", () => {
    const title = `Adapter les dispositifs ${"municipaux et du CCAS ".repeat(8).trim()}`;
    const subject = subjectOf(`L'avis du conseil sur la fiche « ${title} » a été refusé par la Ville. La raison est ailleurs.`);
    expect(subject.length).toBeLessThanOrEqual(SUBJECT_MAX);
    expect(subject).toMatch(/^L'avis du conseil sur la fiche « Adapter les dispositifs municipaux .*… » a été refusé par la Ville$/);
  });
  it("cuts at a word with « … » when no title can take the cut", () => {
    const subject = subjectOf(`Une contribution ${"très longue ".repeat(30).trim()} attend.`);
    expect(subject.length).toBeLessThanOrEqual(SUBJECT_MAX);
    expect(subject).toMatch(/^Une contribution très longue .*longue…$/);
  });
});

describe("digestSubject", () => {
  it("says the first news and counts the others", () => {
    expect(digestSubject(["Élément 1.", "Élément 2."])).toBe("Élément 1 (et 1 autre notification)");
    expect(digestSubject(["Élément 1.", "Élément 2.", "Élément 3."])).toBe("Élément 1 (et 2 autres notifications)");
    expect(digestSubject(["Seul élément."])).toBe("Seul élément");
  });
});
