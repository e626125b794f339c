import { describe, expect, it } from "vitest";
import { hiddenNotice } from "./target";

describe("hiddenNotice", () => {
  it("agrees « public » with the item: an avis is « public », a proposition « publique »", () => {
    expect(hiddenNotice({ kind: "feedback", title: null, actionTitle: "Parentalité" }, "Propos injurieux.")).toBe(
      "L'avis du conseil sur la fiche « Parentalité » a été masqué par la Ville : il n'est plus public. Raison : Propos injurieux.",
    );
    expect(hiddenNotice({ kind: "proposal", title: "Un banc", actionTitle: "Parentalité" }, "Hors sujet.")).toBe(
      "La proposition « Un banc » (fiche « Parentalité ») a été masquée par la Ville : elle n'est plus publique. Raison : Hors sujet.",
    );
  });
});
