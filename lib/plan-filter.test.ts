import { describe, expect, it } from "vitest";
import { matchesStatus, parsePlanFilter, planFilterHref } from "./plan-filter";

describe("the plan's filters", () => {
  it("reads a theme's slug and a status word, and ignores what it does not know", () => {
    expect(parsePlanFilter({ thematique: "petite-enfance", statut: "en-cours" })).toEqual({
      themeSlug: "petite-enfance",
      status: "in_progress",
    });
    expect(parsePlanFilter({ statut: "non-precise" })).toEqual({ themeSlug: null, status: "unknown" });
    expect(parsePlanFilter({ thematique: ["a", "b"], statut: ["realisee", "x"] })).toEqual({ themeSlug: "a", status: "done" });
    expect(parsePlanFilter({ thematique: "../x", statut: "in_progress" })).toEqual({ themeSlug: null, status: null });
    expect(parsePlanFilter({ thematique: "", statut: "" })).toEqual({ themeSlug: null, status: null });
    expect(parsePlanFilter({})).toEqual({ themeSlug: null, status: null });
  });

  it("gives the filtered view's address, and /plan when nothing is filtered", () => {
    expect(planFilterHref({ themeSlug: null, status: null })).toBe("/plan");
    expect(planFilterHref({ themeSlug: "t", status: "suspended" })).toBe("/plan/filtre?thematique=t&statut=suspendue");
    expect(planFilterHref({ themeSlug: null, status: "planned" })).toBe("/plan/filtre?statut=a-venir");
    for (const href of ["/plan/filtre?thematique=t&statut=realisee", "/plan/filtre?statut=non-precise"]) {
      const url = new URL(href, "http://x");
      expect(planFilterHref(parsePlanFilter(Object.fromEntries(url.searchParams)))).toBe(href);
    }
  });

  it("a fiche with no status matches « non précisé » only", () => {
    expect(matchesStatus(null, "unknown")).toBe(true);
    expect(matchesStatus(null, "planned")).toBe(false);
    expect(matchesStatus("done", null)).toBe(true);
    expect(matchesStatus("done", "done")).toBe(true);
    expect(matchesStatus("done", "planned")).toBe(false);
  });
});
