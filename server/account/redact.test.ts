import { describe, expect, it } from "vitest";
import { redactJson, redactKey } from "./redact";

describe("redacting an erased person out of journal details", () => {
  it("replaces every title under the key, at any depth, whatever its words; leaves other keys and empty values", () => {
    const details = {
      before: { moderator: false, title: "Conseillère déléguée" },
      after: { moderator: true, title: "Adjointe aux solidarités" },
      grants: { official: true },
      list: [{ title: "Ancienne fonction" }, { title: null }, { title: "" }],
      fiche: "une-fiche",
    };
    expect(redactKey(details, "title", "Personne supprimée n°7")).toEqual({
      before: { moderator: false, title: "Personne supprimée n°7" },
      after: { moderator: true, title: "Personne supprimée n°7" },
      grants: { official: true },
      list: [{ title: "Personne supprimée n°7" }, { title: null }, { title: "" }],
      fiche: "une-fiche",
    });
  });

  it("an e-mail anywhere, a name only as whole words", () => {
    const secrets = [
      { text: "marc@exemple.invalid", kind: "email" as const },
      { text: "Marc", kind: "name" as const },
    ];
    expect(redactJson({ email: "MARC@exemple.invalid", note: "Marc et Marcel" }, secrets, "X")).toEqual({
      email: "X",
      note: "X et Marcel",
    });
  });
});
