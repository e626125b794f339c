import { describe, expect, it } from "vitest";
import { emptyRegisterMonth, formatDecisionDelay, registerCsv, type RegisterMonth } from "./moderation-register";

const month = (m: string, more: Partial<RegisterMonth> = {}): RegisterMonth => ({ ...emptyRegisterMonth(m, 2), ...more });

describe("the register's figures as text", () => {
  it("says a delay in hours below two days, in days from then on", () => {
    expect(formatDecisionDelay(null)).toBe("aucune décision");
    expect(formatDecisionDelay(0.4)).toBe("moins d'une heure");
    expect(formatDecisionDelay(1.2)).toBe("1 heure");
    expect(formatDecisionDelay(30)).toBe("30 heures");
    expect(formatDecisionDelay(60)).toBe("3 jours");
  });

  it("the CSV: a header naming every category, one row per month oldest first, hours with a decimal comma", () => {
    const csv = registerCsv(
      [month("2026-11", { received: 4, rejected: 1, rejectedBy: [0, 1], medianDecisionHours: 5.25 }), month("2026-10")],
      ["Hors sujet", "Autre motif"],
    );
    const [header, october, november, end] = csv.replace(/^\uFEFF/, "").split("\r\n");
    expect(header!.split(";").slice(3, 6)).toEqual(["refusées", "refusées : Hors sujet", "refusées : Autre motif"]);
    expect(october).toBe("2026-10;0;0;0;0;0;0;0;0;0;0;0;;0;0");
    expect(november).toBe("2026-11;4;0;1;0;1;0;0;0;0;0;0;5,3;0;0");
    expect(end).toBe("");
  });
});
