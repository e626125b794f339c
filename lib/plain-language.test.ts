import { describe, expect, it } from "vitest";
import { countSyllables, plainLanguageHints } from "./plain-language";

describe("countSyllables", () => {
  it("counts groups of vowels, less a mute final e", () => {
    expect(countSyllables("ville")).toBe(1);
    expect(countSyllables("commune")).toBe(2);
    expect(countSyllables("politiques")).toBe(3);
    expect(countSyllables("quartier")).toBe(2);
    expect(countSyllables("aide")).toBe(1);
    expect(countSyllables("guide")).toBe(1);
    expect(countSyllables("parentalité")).toBe(5);
    expect(countSyllables("Intergénérationnel")).toBe(7);
  });
  it("gives one to a word with no vowel and none to nothing", () => {
    expect(countSyllables("psst")).toBe(0);
    expect(countSyllables("y")).toBe(1);
  });
});

describe("plainLanguageHints", () => {
  it("gives nothing for an empty text", () => {
    expect(plainLanguageHints("")).toEqual({ longestSentenceWords: 0, longWords: [] });
    expect(plainLanguageHints("  \n ")).toEqual({ longestSentenceWords: 0, longWords: [] });
  });
  it("counts the words of the longest sentence", () => {
    const hints = plainLanguageHints("La Ville aide les familles. Elle ouvre un lieu pour les parents et les enfants du quartier ! Merci");
    expect(hints.longestSentenceWords).toBe(12);
  });
  it("ends a sentence at a line break, and counts « l'aide » as two words", () => {
    expect(plainLanguageHints("Un deux trois\nl'aide de la Ville").longestSentenceWords).toBe(5);
  });
  it("lists each word of more than 4 syllables once, in order", () => {
    const hints = plainLanguageHints("Soutenir la parentalité. L'accompagnement intergénérationnel et la Parentalité.");
    expect(hints.longWords).toEqual(["parentalité", "accompagnement", "intergénérationnel"]);
  });
  it("keeps words of 4 syllables", () => {
    expect(plainLanguageHints("Une politique municipale").longWords).toEqual([]);
  });
});
