import { describe, expect, it } from "vitest";
import { frenchQuote, joinFrench } from "./french";

describe("joinFrench", () => {
  it("joins zero, one, two and more items as in French prose", () => {
    expect(joinFrench([])).toBe("");
    expect(joinFrench(["1"])).toBe("1");
    expect(joinFrench(["1", "2"])).toBe("1 et 2");
    expect(joinFrench(["1", "2", "3"])).toBe("1, 2 et 3");
  });
});

describe("frenchQuote", () => {
  it("keeps the guillemets on the same line as the words they enclose", () => {
    expect(frenchQuote("en cours")).toBe("«\u00a0en cours\u00a0»");
  });
});
