import { describe, expect, it } from "vitest";
import { deadlineView, isWithinMonths, labelGivesDate } from "./deadlines";

const base = {
  status: "in_progress" as const,
  timeframeLabel: "2018/2019",
  timeframeEndYear: 2019,
  currentTimeframeLabel: null,
  deadline: null,
};

describe("deadlineView", () => {
  it("uses the original end year's 31 December while nobody changed it", () => {
    expect(deadlineView(base, "2019-06-01")).toEqual({
      originalLabel: "2018/2019",
      originalDeadline: "2019-12-31",
      currentLabel: "2018/2019",
      currentDeadline: "2019-12-31",
      changed: false,
      late: false,
    });
  });

  it("is late the day after the deadline, not on it, and never when done", () => {
    expect(deadlineView(base, "2019-12-31").late).toBe(false);
    expect(deadlineView(base, "2020-01-01").late).toBe(true);
    expect(deadlineView({ ...base, status: "done" }, "2030-01-01").late).toBe(false);
    expect(deadlineView({ ...base, status: null }, "2030-01-01").late).toBe(true);
  });

  it("keeps the original next to a changed one", () => {
    const view = deadlineView({ ...base, currentTimeframeLabel: "fin 2027", deadline: "2027-12-31" }, "2026-11-26");
    expect(view).toMatchObject({
      originalLabel: "2018/2019",
      originalDeadline: "2019-12-31",
      currentLabel: "fin 2027",
      currentDeadline: "2027-12-31",
      changed: true,
      late: false,
    });
  });

  it("has no deadline when the source gives no end year", () => {
    expect(deadlineView({ ...base, timeframeLabel: null, timeframeEndYear: null }, "2030-01-01")).toMatchObject({
      currentDeadline: null,
      late: false,
    });
  });
});

describe("isWithinMonths", () => {
  it("takes today up to the same day N months later", () => {
    expect(isWithinMonths("2026-11-26", "2026-11-26", 3)).toBe(true);
    expect(isWithinMonths("2027-02-26", "2026-11-26", 3)).toBe(true);
    expect(isWithinMonths("2027-02-27", "2026-11-26", 3)).toBe(false);
    expect(isWithinMonths("2026-11-25", "2026-11-26", 3)).toBe(false);
    expect(isWithinMonths(null, "2026-11-26", 3)).toBe(false);
  });
});

describe("labelGivesDate", () => {
  it("is true when the words name the date's month and year, so the date is not repeated", () => {
    expect(labelGivesDate("juin 2027", "2027-06-30")).toBe(true);
    expect(labelGivesDate("Fin Décembre 2026", "2026-12-31")).toBe(true);
  });
  it("is false when the words leave the day open or name another month", () => {
    expect(labelGivesDate("fin 2027", "2027-12-31")).toBe(false);
    expect(labelGivesDate("2018/2019", "2019-12-31")).toBe(false);
    expect(labelGivesDate("juin 2027", "2027-07-31")).toBe(false);
    expect(labelGivesDate("juin 2028", "2027-06-30")).toBe(false);
    expect(labelGivesDate(null, "2027-06-30")).toBe(false);
  });
});
