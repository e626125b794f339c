import { describe, expect, it } from "vitest";
import { formatDateSpan, formatDateTime, formatDay } from "./dates";

describe("French dates", () => {
  it("formats calendar days, with « 1er » for the first of the month", () => {
    expect(formatDay("2015-04-28")).toBe("28 avril 2015");
    expect(formatDay("2015-10-09")).toBe("9 octobre 2015");
    expect(formatDay("2016-05-01")).toBe("1er mai 2016");
  });

  it("keeps the precision the source gives", () => {
    expect(formatDateSpan("2014-01-01", "2015-12-31", "year")).toBe("2014–2015");
    expect(formatDateSpan("2015-12-16", null, "day")).toBe("16 décembre 2015");
    expect(formatDateSpan("2015-04-01", null, "month")).toBe("avril 2015");
    expect(formatDateSpan("2015-01-01", "2015-12-31", "year")).toBe("2015");
  });

  it("gives meeting times in Aurillac's time zone, summer and winter", () => {
    expect(formatDateTime(new Date("2026-12-17T17:30:00Z"))).toBe("jeudi 17 décembre 2026 à 18 h 30");
    expect(formatDateTime(new Date("2026-06-01T16:00:00Z"))).toBe("lundi 1er juin 2026 à 18 h");
  });

  it("refuses a malformed date instead of printing « Invalid Date »", () => {
    expect(() => formatDay("28/04/2015")).toThrow();
  });
});

describe("cityDay", () => {
  it("gives the day in Aurillac, not in UTC", async () => {
    const { cityDay } = await import("./dates");
    expect(cityDay(new Date("2026-11-26T23:30:00Z"))).toBe("2026-11-27");
    expect(cityDay(new Date("2026-07-01T21:59:00Z"))).toBe("2026-07-01");
  });
});
