/*
 * CSV as French spreadsheets open it (the open data, docs/decisions/0014; the moderation register's
 * CSV): UTF-8 with a byte order mark (Excel otherwise reads it as Windows-1252 and shows « Ã© » for
 * « é »), `;` between cells (a French spreadsheet reads `,` as the decimal comma), CRLF at the end
 * of each line and quotes as RFC 4180 says. Pure: the server writes files with it, the tests read
 * them back with their own parser.
 */

export const CSV_BOM = "\uFEFF";
export const CSV_SEPARATOR = ";";
const CSV_LINE_END = "\r\n";

/**
 * A text cell that a spreadsheet would run as a formula (`=HYPERLINK(…)`, `+`, `-`, `@`, or a tab
 * or carriage return before one) gets an apostrophe in front, as OWASP advises for « CSV
 * injection »: the spreadsheet then shows it as text. Only text cells: numbers and dates never
 * start so, and the JSON files keep every text exactly.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function guardFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** One cell, quoted only when it must be: a separator, a quote, a line break, or spaces at an edge (trimmed otherwise). */
export function csvCell(text: string): string {
  return /[;"\r\n]|^\s|\s$/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** One line of cells, with its line end. */
export function csvLine(cells: readonly string[]): string {
  return cells.map(csvCell).join(CSV_SEPARATOR) + CSV_LINE_END;
}

export type CsvCell = string | number | null;

/** A whole small table: a header row, then one line per row; texts guarded, numbers as they are. */
export function csvTable(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  const text = (cell: CsvCell) => (cell === null ? "" : typeof cell === "number" ? String(cell) : guardFormula(cell));
  return CSV_BOM + [header, ...rows].map((row) => csvLine(row.map(text))).join("");
}
