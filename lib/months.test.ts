import { describe, expect, it } from "vitest";
import { addMonths, cityMonth, formatMonth, isMonth, monthsEndingWith } from "./months";

describe("months in the City's time zone", () => {
  it("an instant belongs to the month of Aurillac's calendar, not UTC's", () => {
    expect(cityMonth(new Date("2026-10-31T22:30:00Z"))).toBe("2026-10"); // 23:30 in Paris (winter time)
    expect(cityMonth(new Date("2026-10-31T23:30:00Z"))).toBe("2026-11"); // 00:30 on 1 November in Paris
    expect(cityMonth(new Date("2026-03-31T22:30:00Z"))).toBe("2026-04"); // summer time: 00:30 on 1 April
  });

  it("moves across years, and lists the months ending with one, oldest first", () => {
    expect(addMonths("2026-01", -1)).toBe("2025-12");
    expect(addMonths("2026-11", 14)).toBe("2028-01");
    expect(monthsEndingWith("2026-02", 3)).toEqual(["2025-12", "2026-01", "2026-02"]);
    expect(monthsEndingWith("2026-11", 12)).toHaveLength(12);
  });

  it("knows a month when it sees one, and names it in French", () => {
    expect(["2026-11", "1999-01"].every(isMonth)).toBe(true);
    expect(["2026-13", "2026-1", "2026-00", "novembre", "2026-11-01", ""].some(isMonth)).toBe(false);
    expect(formatMonth("2026-11")).toBe("novembre 2026");
    expect(() => addMonths("2026-13", 0)).toThrow();
  });
});
