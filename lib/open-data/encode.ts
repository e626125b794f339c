import { CSV_BOM, csvLine, guardFormula } from "@/lib/csv";
import type { FieldSpec, OpenDataFileSpec, OpenDataRow, OpenDataValue } from "./files";
import { CSV_FALSE, CSV_TRUE } from "./table-schema";

/*
 * A file's rows as CSV and as JSON, in the order of its fields (lib/open-data/files.ts). The JSON
 * file is one array with one object a line, so that it can be written and read row by row.
 */

export const csvHeader = (file: OpenDataFileSpec) => CSV_BOM + csvLine(file.fields.map((f) => f.name));

function csvValue(field: FieldSpec, value: OpenDataValue): string {
  if (value === null) return "";
  if (typeof value === "boolean") return value ? CSV_TRUE : CSV_FALSE;
  if (typeof value === "number") return String(value);
  return field.type === "string" ? guardFormula(value) : value;
}

export const csvRow = (file: OpenDataFileSpec, row: OpenDataRow) => csvLine(file.fields.map((f) => csvValue(f, row[f.name] ?? null)));

export const JSON_START = "[";
/** Before each row: the comma after the previous one, and a line break. */
export const jsonSeparator = (index: number) => (index === 0 ? "\n" : ",\n");
export const jsonEnd = (rows: number) => (rows === 0 ? "]\n" : "\n]\n");

export const jsonRow = (file: OpenDataFileSpec, row: OpenDataRow) =>
  JSON.stringify(Object.fromEntries(file.fields.map((f) => [f.name, row[f.name] ?? null])));
