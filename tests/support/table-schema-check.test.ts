import { describe, expect, it } from "vitest";
import { tableSchemaOf } from "@/lib/open-data/table-schema";
import { checkCsv, checkJson, checkSchema, parseCsv } from "./table-schema-check";

/* The validator the open data tests rely on must see each kind of defect, or their « no problem » means nothing. */

const schema = tableSchemaOf("contributions");
const header =
  "\uFEFFidentifiant;fiche;conseil;conseil_identifiant;nature;position;titre;texte;auteur;date_publication;demonstration;provenance;date_reception\r\n";
const good =
  '12;ma-fiche;Conseil n°1;conseil-1;proposition;;\'=1+1;"Un texte; avec ""guillemets""\r\net une ligne";Ana;2026-11-29T10:15:30Z;non;;\r\n';
const goodJson = JSON.stringify([
  {
    identifiant: 12,
    fiche: "ma-fiche",
    conseil: "Conseil n°1",
    conseil_identifiant: "conseil-1",
    nature: "proposition",
    position: null,
    titre: "=1+1",
    texte: "x",
    auteur: "Ana",
    date_publication: "2026-11-29T10:15:30Z",
    demonstration: false,
    provenance: null,
    date_reception: null,
  },
]);

describe("the Table Schema validator of the tests", () => {
  it("accepts a valid file, cells quoted as RFC 4180 says", () => {
    const checked = checkCsv(schema, header + good);
    expect(checked.problems).toEqual([]);
    expect(checked.rows[0]).toMatchObject({
      identifiant: 12,
      position: null,
      texte: 'Un texte; avec "guillemets"\r\net une ligne',
      demonstration: false,
    });
    expect(checkJson(schema, goodJson).problems).toEqual([]);
  });

  it("reports each defect of a CSV file", () => {
    const defects: [string, string, RegExp][] = [
      ["no BOM", header.slice(1) + good, /BOM/],
      ["header order", header.replace("fiche;conseil;", "conseil;fiche;") + good, /en-tête/],
      ["LF line end", header + good.replace(/\r\n$/, "\n"), /CRLF/],
      ["unknown kind", header + good.replace("proposition", "petition"), /nature = petition hors de la liste/],
      ["required empty", header + good.replace(";Ana;2026-11-29T10:15:30Z", ";Ana;"), /date_publication obligatoire/],
      ["not an integer", header + good.replace(/^12/, "12a"), /identifiant n'est pas un entier/],
      ["a duplicate id", header + good + good, /identifiant = 12 en double/],
      ["a formula", header + good.replace("'=1+1", "=1+1"), /titre commence comme une formule/],
      ["milliseconds", header + good.replace("30Z", "30.123Z"), /date_publication n'est pas une date et heure/],
      ["an impossible date", header + good.replace("11-29", "02-30"), /date_publication n'est pas une date et heure/],
      ["a boolean in English", header + good.replace(";non;", ";false;"), /demonstration n'est pas un booléen/],
      ["a slug with a capital", header + good.replace("ma-fiche", "Ma-fiche"), /fiche = Ma-fiche ne suit pas le motif/],
      ["a missing cell", header + good.replace(";Ana", ""), /12 cellules au lieu de 13/],
      ["a stray quote", header + good.replace("Conseil n°1", 'Conseil "n°1'), /guillemet au milieu/],
    ];
    for (const [what, text, expected] of defects) expect(checkCsv(schema, text).problems.join("\n"), what).toMatch(expected);
  });

  it("reports each defect of a JSON file", () => {
    const base = JSON.parse(goodJson) as Record<string, unknown>[];
    const variant = (change: Record<string, unknown>) => JSON.stringify([{ ...base[0], ...change }]);
    expect(checkJson(schema, "{").problems.join()).toMatch(/JSON invalide/);
    expect(checkJson(schema, "{}").problems.join()).toMatch(/pas une liste/);
    expect(checkJson(schema, variant({ identifiant: "12" })).problems.join()).toMatch(/identifiant n'est pas un entier/);
    expect(checkJson(schema, variant({ demonstration: "non" })).problems.join()).toMatch(/demonstration n'est pas un booléen/);
    expect(checkJson(schema, variant({ position: "pour" })).problems.join()).toMatch(/position = pour hors de la liste/);
    expect(checkJson(schema, variant({ texte: null })).problems.join()).toMatch(/texte obligatoire/);
    const reordered = JSON.stringify([{ fiche: "ma-fiche", ...base[0] }]);
    expect(checkJson(schema, reordered).problems.join()).toMatch(/champs fiche, identifiant/);
    const extra = JSON.stringify([{ ...base[0], courriel: "a@b.fr" }]);
    expect(checkJson(schema, extra).problems.join()).toMatch(/courriel/);
  });

  it("reports a malformed schema", () => {
    const broken = { ...schema, fields: [...schema.fields, { ...schema.fields[0]!, type: "texte" }], primaryKey: ["numero"] };
    const problems = checkSchema(broken).join("\n");
    expect(problems).toMatch(/en double/);
    expect(problems).toMatch(/type inconnu texte/);
    expect(problems).toMatch(/clé primaire numero/);
    expect(problems).toMatch(/ressource inconnue/);
  });

  it("reads RFC 4180 quoting", () => {
    expect(parseCsv('a;"b;c";"d""e"\r\n;""\r\n', ";")).toEqual({
      lines: [
        ["a", "b;c", 'd"e'],
        ["", ""],
      ],
      problems: [],
    });
  });
});
