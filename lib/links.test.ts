import { describe, expect, it } from "vitest";
import { splitLinks } from "./links";

describe("splitLinks", () => {
  it("turns web addresses into links, and leaves the sentence's punctuation outside", () => {
    expect(splitLinks("Voir https://www.aurillac.fr/solidarites. Merci")).toEqual([
      { kind: "text", text: "Voir " },
      { kind: "link", href: "https://www.aurillac.fr/solidarites", text: "https://www.aurillac.fr/solidarites" },
      { kind: "text", text: ". Merci" },
    ]);
  });

  it("never links another scheme", () => {
    for (const text of [
      "javascript:alert(1)",
      "data:text/html,<script>alert(1)</script>",
      "vbscript:msgbox(1)",
      '<a href="javascript:alert(1)">x</a>',
    ]) {
      expect(splitLinks(text).every((p) => p.kind === "text")).toBe(true);
    }
  });

  it("keeps plain text as it is", () => {
    expect(splitLinks("Aucun lien ici.")).toEqual([{ kind: "text", text: "Aucun lien ici." }]);
    expect(splitLinks("")).toEqual([]);
  });
});
