import { describe, expect, it } from "vitest";
import { formatDelayDays } from "./answer-stats";

describe("formatDelayDays", () => {
  it("rounds to whole days, in French", () => {
    expect(formatDelayDays(0.2)).toBe("moins d'un jour");
    expect(formatDelayDays(1.4)).toBe("1 jour");
    expect(formatDelayDays(2.5)).toBe("3 jours");
    expect(formatDelayDays(45)).toBe("45 jours");
  });
});
