import { describe, expect, it } from "vitest";
import { z } from "zod";
import { answerQueueFiltersSchema, answerSchema } from "./answer";
import { approveSchema, bulkDecisionSchema, hideSchema, rejectSchema, reportSchema } from "./contribution";
import { readModerationFilters } from "./moderation-filters";

const errors = (r: { success: boolean; error?: z.ZodError }) =>
  (r.error ? z.flattenError(r.error).fieldErrors : {}) as Record<string, string[]>;

describe("moderation list filters (from the address)", () => {
  it("ignore what is not a valid id, slug or kind: never an error, never a number the database refuses", () => {
    for (const conseil of ["2147483648", "0", "-1", "1.5", "abc", "１２", ""]) {
      expect(readModerationFilters({ conseil }).filters.councilId, conseil).toBeUndefined();
    }
    expect(readModerationFilters({ conseil: ["1", "2"], fiche: "<script>", type: "tout", page: "1e9" })).toEqual({
      filters: { councilId: undefined, actionSlug: undefined, kind: undefined },
      filterQuery: "",
      page: 1,
      after: null,
      any: false,
    });
  });

  it("keep the valid ones, in a query string rebuilt from them", () => {
    const read = readModerationFilters({
      conseil: "2147483647",
      fiche: "pilotage-projet-social",
      type: "proposition",
      page: "3",
      autre: "x",
    });
    expect(read.filters).toEqual({ councilId: 2147483647, actionSlug: "pilotage-projet-social", kind: "proposal" });
    expect(read.filterQuery).toBe("conseil=2147483647&fiche=pilotage-projet-social&type=proposition");
    expect(read.page).toBe(3);
    expect(answerQueueFiltersSchema.parse({ conseil: "2147483648", fiche: "Fiche!", etat: "en-retard" })).toEqual({
      conseil: null,
      fiche: null,
      etat: "en-retard",
    });
  });

  it("the list to come back to after a decision is rebuilt, never passed on as sent", () => {
    const parsed = approveSchema.parse({ id: "12", version: "", filtres: "conseil=99999999999&fiche=ok-fiche&page=2&fait=publiee&x=<b>" });
    expect(parsed).toEqual({ id: 12, version: null, filtres: "fiche=ok-fiche&page=2" });
    // The queue's cursor comes back too (the same page after a decision), only as a valid id.
    expect(approveSchema.parse({ id: "12", version: "", filtres: "type=avis&apres=41" }).filtres).toBe("type=avis&apres=41");
    expect(approveSchema.parse({ id: "12", version: "", filtres: "apres=2147483648" }).filtres).toBe("");
  });
});

describe("moderation forms (raw form values → typed data)", () => {
  it("the version read is « never edited » (null) or an edit time; anything else is refused", () => {
    expect(approveSchema.parse({ id: "1", version: "2026-03-01T10:00:00.123Z" }).version).toEqual(new Date("2026-03-01T10:00:00.123Z"));
    expect(approveSchema.parse({ id: "1" }).version).toBeUndefined();
    expect(errors(approveSchema.safeParse({ id: "1", version: "hier" })).version).toEqual([
      "Ce formulaire est incomplet : rechargez la page.",
    ]);
    expect(errors(approveSchema.safeParse({ id: "2147483648" })).id).toEqual(["Contribution introuvable."]);
  });

  it("a reason is required unless a template is chosen (the server composes and checks it then)", () => {
    expect(errors(rejectSchema.safeParse({ id: "1", reason: "", templateId: "" })).reason).toEqual([
      "Indiquez la raison du refus : le conseil la lira.",
    ]);
    expect(rejectSchema.parse({ id: "1", reason: "", templateId: "4" })).toMatchObject({ id: 1, reason: null, templateId: 4 });
    expect(errors(rejectSchema.safeParse({ id: "1", reason: "", templateId: "quatre" })).templateId?.[0]).toMatch(
      /Ce motif n'est plus proposé/,
    );
    expect(errors(hideSchema.safeParse({ id: "1", reason: "abc" })).reason).toEqual(["La raison doit faire au moins 5 caractères."]);
    expect(errors(hideSchema.safeParse({ id: "1", reason: "é".repeat(1001) })).reason).toEqual([
      "La raison ne peut pas dépasser 1000 caractères.",
    ]);
    expect(hideSchema.parse({ id: "1", reason: "  Hors charte.  ", fromReports: "true" })).toMatchObject({
      reason: "Hors charte.",
      fromReports: true,
      templateId: null,
    });
  });

  it("a selection: ticked ids (one or several), the button pressed, a reason to refuse", () => {
    expect(bulkDecisionSchema.parse({ ids: "3", decision: "published" })).toMatchObject({ ids: [3], decision: "published", reason: null });
    expect(errors(bulkDecisionSchema.safeParse({ decision: "published" })).ids).toEqual(["Cochez au moins une contribution."]);
    expect(errors(bulkDecisionSchema.safeParse({ ids: ["3", "4"], decision: "rejected" })).reason).toEqual([
      "Indiquez la raison du refus : le conseil la lira.",
    ]);
    expect(errors(bulkDecisionSchema.safeParse({ ids: ["3"], decision: "supprimer" })).decision?.[0]).toMatch(/approuver ou refuser/);
  });

  it("a report and an answer say in French what is missing", () => {
    expect(errors(reportSchema.safeParse({ id: "1", reason: "" })).reason).toEqual(["Dites en quelques mots ce qui pose problème."]);
    const answer = answerSchema.safeParse({ contributionId: "1", state: "", body: "", clientRequestId: "court" });
    expect(errors(answer)).toEqual({
      state: ["Choisissez où en est la proposition : à l'étude, retenue, non retenue ou réalisée."],
      body: ["Écrivez la réponse de la Ville."],
      clientRequestId: ["Ce formulaire est incomplet : rechargez la page."],
    });
  });
});
