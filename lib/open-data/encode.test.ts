import { describe, expect, it } from "vitest";
import { checkCsv, parseCsv } from "@/tests/support/table-schema-check";
import { csvCell, guardFormula } from "@/lib/csv";
import { csvHeader, csvRow, jsonRow } from "./encode";
import { openDataFiles } from "./files";
import { tableSchemaOf } from "./table-schema";

const file = openDataFiles.contributions;
const row = {
  identifiant: 7,
  fiche: "ma-fiche",
  conseil: "Conseil n°1",
  conseil_identifiant: "conseil-1",
  nature: "proposition",
  position: null,
  titre: '=HYPERLINK("http://exemple.invalid";"Cliquez")',
  texte: "- une liste\r\n- « entre guillemets » ; point-virgule",
  auteur: "@marie",
  date_publication: "2026-11-29T10:15:30Z",
  demonstration: true,
  provenance: "papier",
  date_reception: "2026-11-20",
};

describe("the open data's CSV and JSON", () => {
  it("writes a header with a BOM, `;` between cells, CRLF, quotes only where needed", () => {
    expect(csvHeader(file)).toBe(
      "\uFEFFidentifiant;fiche;conseil;conseil_identifiant;nature;position;titre;texte;auteur;date_publication;demonstration;provenance;date_reception\r\n",
    );
    expect(csvRow(file, row)).toBe(
      `7;ma-fiche;Conseil n°1;conseil-1;proposition;;"'=HYPERLINK(""http://exemple.invalid"";""Cliquez"")";"'- une liste\r\n- « entre guillemets » ; point-virgule";'@marie;2026-11-29T10:15:30Z;oui;papier;2026-11-20\r\n`,
    );
  });

  it("guards every formula start in text, never in numbers", () => {
    for (const start of ["=", "+", "-", "@", "\t", "\r"]) expect(guardFormula(`${start}1`)).toBe(`'${start}1`);
    expect(guardFormula("Texte = sans danger")).toBe("Texte = sans danger");
    expect(csvRow(file, { ...row, identifiant: -1 })).toMatch(/^-1;/);
    expect(csvCell('a"b')).toBe('"a""b"');
  });

  it("reads back what it writes, and the schema accepts it", () => {
    const text = csvHeader(file) + csvRow(file, row);
    const { lines, problems } = parseCsv(text.slice(1), ";");
    expect(problems).toEqual([]);
    expect(lines[1]![7]).toBe(`'${row.texte}`);
    expect(checkCsv(tableSchemaOf("contributions"), text).problems).toEqual([]);
  });

  it("keeps the JSON's text exact and its keys in the fields' order", () => {
    const json = jsonRow(file, { ...row, conseil: "Conseil n°1", identifiant: 7 });
    expect(Object.keys(JSON.parse(json) as object)).toEqual(file.fields.map((f) => f.name));
    expect((JSON.parse(json) as { titre: string }).titre).toBe(row.titre);
  });
});
