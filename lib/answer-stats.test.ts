import { describe, expect, it } from "vitest";
import { answerStatsOf, formatDelayDays, median } from "./answer-stats";

describe("median", () => {
  it("is null for no values", () => {
    expect(median([])).toBeNull();
  });
  it("is the middle value for an odd count, whatever the order", () => {
    expect(median([7])).toBe(7);
    expect(median([9, 1, 4])).toBe(4);
    expect(median([30, 2, 5, 1, 60])).toBe(5);
  });
  it("is the mean of the two middle values for an even count", () => {
    expect(median([1, 3])).toBe(2);
    expect(median([10, 2, 4, 40])).toBe(7);
    expect(median([0.5, 1.5, 2.5, 3.5])).toBe(2);
  });
  it("does not reorder the caller's array", () => {
    const values = [3, 1, 2];
    median(values);
    expect(values).toEqual([3, 1, 2]);
  });
});

describe("answerStatsOf", () => {
  it("adds the counts of the fiches and takes the median over every answered proposal", () => {
    expect(
      answerStatsOf([
        { answered: 2, waiting: 1, late: 0, delays: [1, 10] },
        { answered: 1, waiting: 0, late: 3, delays: [4] },
      ]),
    ).toEqual({ answered: 3, waiting: 1, late: 3, medianDays: 4 });
    expect(answerStatsOf([])).toEqual({ answered: 0, waiting: 0, late: 0, medianDays: null });
  });
});

describe("formatDelayDays", () => {
  it("rounds to whole days, in French", () => {
    expect(formatDelayDays(0.2)).toBe("moins d'un jour");
    expect(formatDelayDays(1.4)).toBe("1 jour");
    expect(formatDelayDays(2.5)).toBe("3 jours");
    expect(formatDelayDays(45)).toBe("45 jours");
  });
});
