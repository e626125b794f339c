import { describe, expect, it } from "vitest";
import { formatDateSpan } from "./dates";
import { timeSpanParts } from "./time-span";

describe("timeSpanParts", () => {
  it("keeps the source's precision in datetime and text", () => {
    expect(timeSpanParts("2015-04-28", null, "day")).toEqual([{ dateTime: "2015-04-28", label: "28 avril 2015" }]);
    expect(timeSpanParts("2015-04-01", null, "month")).toEqual([{ dateTime: "2015-04", label: "avril 2015" }]);
  });

  it("splits a span into a start and an end whose texts join as formatDateSpan writes them", () => {
    const parts = timeSpanParts("2014-01-01", "2015-12-31", "year");
    expect(parts).toEqual([
      { dateTime: "2014", label: "2014" },
      { dateTime: "2015", label: "2015" },
    ]);
    expect(parts.map((p) => p.label).join("–")).toBe(formatDateSpan("2014-01-01", "2015-12-31", "year"));
  });

  it("collapses a span that reads the same at its precision", () => {
    expect(timeSpanParts("2015-01-01", "2015-12-31", "year")).toEqual([{ dateTime: "2015", label: "2015" }]);
  });
});
