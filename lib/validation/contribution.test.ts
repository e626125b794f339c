import { describe, expect, it } from "vitest";
import { z } from "zod";
import { contributionSchema, rejectSchema } from "./contribution";

const errors = (r: { success: boolean; error?: z.ZodError }) =>
  (r.error ? z.flattenError(r.error).fieldErrors : {}) as Record<string, string[]>;
/* Raw form values, as a browser sends them: text only, `kind` and the ids as hidden inputs. */
const base = { councilId: "1", actionSlug: "fiche", clientRequestId: "0123456789abcdef" };

describe("contribution schema (shared by the form and the server)", () => {
  it("says in French what is missing, field by field", () => {
    const r = contributionSchema.safeParse({ kind: "feedback", ...base, actionSlug: "", body: "  " });
    const e = errors(r);
    expect(e.position?.[0]).toMatch(/Choisissez la position du conseil/);
    expect(e.actionSlug?.[0]).toBe("Choisissez une fiche action.");
    expect(e.body?.[0]).toBe("Écrivez le texte de la contribution.");
  });

  it("counts characters as people do (an emoji with its skin tone is one)", () => {
    const ok = contributionSchema.safeParse({ kind: "proposal", ...base, title: "👍🏽👍🏽👍🏽", body: "👍🏽".repeat(5000) });
    expect(ok.success).toBe(true);
    const long = contributionSchema.safeParse({ kind: "proposal", ...base, title: "Titre", body: "é".repeat(5001) });
    expect(errors(long).body?.[0]).toBe("Le texte ne peut pas dépasser 5000 caractères.");
  });

  it("keeps feedback and proposal fields apart, trims, and gives typed data", () => {
    const r = contributionSchema.parse({
      kind: "feedback",
      position: "unfavorable",
      ...base,
      title: "ignoré",
      body: "  Un avis argumenté.  ",
    });
    expect(r).not.toHaveProperty("title");
    expect(r).toMatchObject({ councilId: 1, body: "Un avis argumenté." });
  });

  it("refuses hidden inputs that are not the page's: no kind, a council id PostgreSQL would refuse", () => {
    expect(errors(contributionSchema.safeParse({ ...base, position: "favorable", body: "Un avis argumenté." })).kind).toEqual([
      "Ce formulaire est incomplet : rechargez la page.",
    ]);
    const big = contributionSchema.safeParse({
      kind: "feedback",
      position: "favorable",
      ...base,
      councilId: "2147483648",
      body: "Un avis argumenté.",
    });
    expect(errors(big).councilId).toEqual(["Conseil inconnu : rechargez la page."]);
  });

  it("a rejection needs a reason", () => {
    expect(errors(rejectSchema.safeParse({ id: 1, reason: " " })).reason).toEqual(["Indiquez la raison du refus : le conseil la lira."]);
    expect(errors(rejectSchema.safeParse({ id: 1, reason: "abc" })).reason).toEqual(["La raison doit faire au moins 5 caractères."]);
  });
});
