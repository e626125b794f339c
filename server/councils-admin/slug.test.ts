import { describe, expect, it } from "vitest";
import { firstFreeSlug, slugify } from "./slug";

describe("council slugs", () => {
  it("keeps letters and digits, drops accents and punctuation", () => {
    expect(slugify("Conseil de quartier Sud — Arpajon")).toBe("conseil-de-quartier-sud-arpajon");
    expect(slugify("  Conseil n°7 : Côte de Boisset  ")).toBe("conseil-n-7-cote-de-boisset");
    expect(slugify("Cœur de ville")).toBe("coeur-de-ville");
  });
  it("never gives an empty slug and stays short", () => {
    expect(slugify("« — »")).toBe("conseil");
    const long = slugify("a".repeat(30) + " " + "b".repeat(40));
    expect(long.length).toBeLessThanOrEqual(60);
    expect(long.endsWith("-")).toBe(false);
  });
  it("adds -2, -3… when the slug is taken", () => {
    expect(firstFreeSlug("sud", new Set())).toBe("sud");
    expect(firstFreeSlug("sud", new Set(["sud", "sud-2"]))).toBe("sud-3");
  });
});
