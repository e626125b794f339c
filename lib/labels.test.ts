import { describe, expect, it } from "vitest";
import { pluralize, progressLabel, statusLabel } from "./labels";

describe("labels", () => {
  it("names every status in French, and says when the source gives none", () => {
    expect(statusLabel("planned")).toBe("À venir");
    expect(statusLabel("in_progress")).toBe("En cours");
    expect(statusLabel("done")).toBe("Réalisée");
    expect(statusLabel("suspended")).toBe("Suspendue");
    expect(statusLabel(null)).toBe("Statut non précisé");
  });

  it("uses the French plural rule: 0 and 1 are singular", () => {
    expect(pluralize(0, "fiche", "fiches")).toBe("0 fiche");
    expect(pluralize(1, "fiche", "fiches")).toBe("1 fiche");
    expect(pluralize(2, "fiche", "fiches")).toBe("2 fiches");
  });

  it("writes progress as text, and never turns an unknown progress into 0 %", () => {
    expect(progressLabel(0)).toBe("Avancement : 0 %");
    expect(progressLabel(45)).toBe("Avancement : 45 %");
    expect(progressLabel(null)).toBe("Avancement non renseigné");
  });
});
