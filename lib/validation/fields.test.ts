import { describe, expect, it } from "vitest";
import { z } from "zod";
import { checkbox, cleanText, countCharacters, day, id, isRealDay, list, optionalText, queryId, text, wholeNumber } from "./fields";

const message = (schema: z.ZodType, value: unknown) => {
  const r = schema.safeParse(value);
  return r.success ? null : r.error.issues[0]!.message;
};

describe("the input rules written once", () => {
  it("text: trimmed, counted in characters, no control character, valid Unicode", () => {
    const schema = text({ min: 3, max: 5, empty: "Écrivez.", what: "Le texte" });
    expect(schema.parse("  abc  ")).toBe("abc");
    expect(schema.parse("👍🏽👍🏽👍🏽👍🏽👍🏽")).toBe("👍🏽👍🏽👍🏽👍🏽👍🏽");
    expect(message(schema, "")).toBe("Écrivez.");
    expect(message(schema, undefined)).toBe("Écrivez.");
    expect(message(schema, "ab")).toMatch(/au moins 3/);
    expect(message(schema, "abcdef")).toMatch(/dépasser 5/);
    expect(message(schema, "ab\u0000c")).toMatch(/caractères invalides/);
    expect(message(schema, "ab\uD800c")).toMatch(/caractères invalides/);
    expect(schema.parse("a\nb\tc")).toBe("a\nb\tc");
    expect(optionalText({ max: 10, what: "Le lieu" }).parse("  ")).toBeNull();
    expect(cleanText("a\u0000b\uDC00c")).toBe("abc");
  });

  it("ids are PostgreSQL integers", () => {
    expect(id().parse("42")).toBe(42);
    expect(id().parse(42)).toBe(42);
    for (const bad of ["0", "-1", "2147483648", "99999999999", "1e3", "4.2", "", " ", "abc", null, undefined]) {
      expect(id().safeParse(bad).success).toBe(false);
    }
    expect(id().parse("2147483647")).toBe(2147483647);
    expect(queryId().parse("2147483648")).toBeNull();
  });

  it("days are real calendar days in a sane range", () => {
    expect(isRealDay("2026-02-28")).toBe(true);
    expect(isRealDay("2028-02-29")).toBe(true);
    for (const bad of ["2026-02-31", "0000-01-01", "2031-13-01", "2026-2-3", "20260203", "1899-12-31", "2101-01-01"])
      expect(isRealDay(bad)).toBe(false);
    expect(message(day("Indiquez la date."), "")).toBe("Indiquez la date.");
    expect(message(day("Indiquez la date."), "2026-02-31")).toMatch(/Date invalide/);
  });

  it("checkboxes, lists and whole numbers read what a form sends", () => {
    expect(checkbox().parse("on")).toBe(true);
    expect(checkbox().parse(undefined)).toBe(false);
    expect(checkbox().parse(true)).toBe(true);
    const ids = list(id(), { max: 2, tooMany: "Trop." });
    expect(ids.parse(undefined)).toEqual([]);
    expect(ids.parse("3")).toEqual([3]);
    expect(ids.parse(["3", "4"])).toEqual([3, 4]);
    expect(message(ids, ["1", "2", "3"])).toBe("Trop.");
    const n = wholeNumber({ min: 1, max: 1000, what: "le nombre", example: 3 });
    expect(n.parse(" 1 000 ")).toBe(1000);
    expect(n.parse(7)).toBe(7);
    expect(message(n, "2,5")).toMatch(/en chiffres/);
    expect(message(n, "0")).toMatch(/entre 1 et 1000/);
    expect(message(n, "")).toMatch(/Indiquez le nombre/);
  });
});

describe("text, at any size", () => {
  it("line breaks are stored as LF; counting stops past the limit, so a huge post costs no more than an allowed one", () => {
    const schema = text({ max: 20, empty: "Écrivez.", what: "Le texte" });
    expect(schema.parse("un\r\ndeux\rtrois")).toBe("un\ndeux\ntrois");
    expect(message(schema, "👍🏽".repeat(200_000))).toMatch(/dépasser 20/);
    expect(countCharacters("👍🏽".repeat(200_000), 20)).toBe(21);
    expect(countCharacters("👍🏽é")).toBe(2);
  });
});
