import { describe, expect, it } from "vitest";
import { pageWindow } from "./pagination";

describe("pageWindow", () => {
  it("every page when there are few", () => {
    expect(pageWindow(1, 1)).toEqual([1]);
    expect(pageWindow(3, 7)).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });

  it("the first, the last and the neighbours of the current page, with gaps", () => {
    expect(pageWindow(1, 711)).toEqual([1, 2, 3, null, 711]);
    expect(pageWindow(350, 711)).toEqual([1, null, 348, 349, 350, 351, 352, null, 711]);
    expect(pageWindow(711, 711)).toEqual([1, null, 709, 710, 711]);
  });

  it("a gap of one page shows that page instead of « … »", () => {
    expect(pageWindow(5, 20)).toEqual([1, 2, 3, 4, 5, 6, 7, null, 20]);
  });

  it("bounded at any page count", () => {
    for (const count of [10, 1_000, 100_000]) {
      for (const page of [1, 2, Math.floor(count / 2), count - 1, count]) {
        const window = pageWindow(page, count);
        expect(window.length).toBeLessThanOrEqual(9);
        expect(window).toContain(page);
        expect(window[0]).toBe(1);
        expect(window.at(-1)).toBe(count);
      }
    }
  });
});
