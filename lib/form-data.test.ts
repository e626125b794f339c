import { describe, expect, it } from "vitest";
import { formDataToObject, keptValues } from "./form-data";

const formData = (entries: [string, string][]) => {
  const data = new FormData();
  for (const [k, v] of entries) data.append(k, v);
  return data;
};

describe("formDataToObject", () => {
  it("reads fields, repeated names as arrays, and react-hook-form's dotted paths", () => {
    const data = formData([
      ["title", "Réunion"],
      ["ids", "3"],
      ["ids", "5"],
      ["agenda.0.ref", "theme:familles"],
      ["agenda.0.label", ""],
      ["agenda.1.label", "Questions"],
      ["$ACTION_ID_abc", ""],
      ["$ACTION_REF_1", ""],
    ]);
    expect(formDataToObject(data)).toEqual({
      title: "Réunion",
      ids: ["3", "5"],
      agenda: [{ ref: "theme:familles", label: "" }, { label: "Questions" }],
    });
  });

  it("ignores files, prototype keys, huge indexes and conflicting shapes instead of failing", () => {
    const data = formData([
      ["__proto__.polluted", "oui"],
      ["a.constructor.prototype", "x"],
      ["list.100000.label", "x"],
      ["mixed.0", "a"],
      ["mixed.b", "b"],
    ]);
    data.append("file", new Blob(["x"]), "x.txt");
    const out = formDataToObject(data);
    expect(out).toEqual({ mixed: ["a"] });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("keeps values for a refused form, never the secret ones", () => {
    expect(keptValues({ email: "a@b.fr", password: "secret", confirmation: "secret" }, ["password", "confirmation"])).toEqual({
      email: "a@b.fr",
    });
  });
});
