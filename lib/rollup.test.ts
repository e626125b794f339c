import { describe, expect, it } from "vitest";
import { averageProgress, countByStatus, coverageOf, coverageText, isRepresentative } from "./rollup";

describe("roll-up", () => {
  it("averages the known progress values and leaves unknown ones out", () => {
    expect(averageProgress([20, null, 40])).toBe(30);
    expect(averageProgress([0, 100])).toBe(50);
    expect(averageProgress([null, null])).toBeNull();
    expect(averageProgress([])).toBeNull();
  });

  it("rounds to the nearest whole percent", () => {
    expect(averageProgress([33, 34, 34])).toBe(34);
    expect(averageProgress([10, 15])).toBe(13);
  });

  it("rolls a plan up from its themes, not from its fiches", () => {
    const themeA = averageProgress([100, 100, 100]);
    const themeB = averageProgress([0]);
    expect(averageProgress([themeA, themeB])).toBe(50);
  });

  it("counts fiches by status, with unknown statuses apart", () => {
    expect(countByStatus([{ status: "done" }, { status: "in_progress" }, { status: "in_progress" }, { status: null }])).toEqual({
      planned: 0,
      in_progress: 2,
      done: 1,
      suspended: 0,
      unknown: 1,
    });
  });

  it("says how many fiches a roll-up stands on, and draws it only from half of them", () => {
    expect(coverageOf([60, null, null])).toEqual({ measured: 1, total: 3 });
    expect(coverageText({ measured: 1, total: 14 })).toBe("1 fiche sur 14 renseignée");
    expect(coverageText({ measured: 0, total: 14 })).toBe("0 fiche sur 14 renseignée");
    expect(coverageText({ measured: 3, total: 14 })).toBe("3 fiches sur 14 renseignées");
    expect(coverageText({ measured: 4, total: 4 })).toBe("les 4 fiches renseignées");
    expect(coverageText({ measured: 1, total: 1 })).toBe("la fiche renseignée");
    expect(isRepresentative({ measured: 1, total: 14 })).toBe(false);
    expect(isRepresentative({ measured: 6, total: 14 })).toBe(false);
    expect(isRepresentative({ measured: 7, total: 14 })).toBe(true);
    expect(isRepresentative({ measured: 0, total: 0 })).toBe(false);
  });
});
