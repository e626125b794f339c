/*
 * A CSV file as French spreadsheets open it: UTF-8 with a byte-order mark (without it, Excel reads
 * « reçues » as « reÃ§ues »), `;` between cells (`,` is the decimal separator in French), CRLF line
 * ends, and RFC 4180 quoting. Small on purpose: one table of cells, no parsing.
 */

export type CsvCell = string | number | null;

const BOM = "\uFEFF";

/**
 * A text that a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, a tab or a carriage return
 * first) gets an apostrophe in front: it is shown as typed, never run (labels are written by staff).
 */
function cellText(cell: CsvCell): string {
  if (cell === null) return "";
  if (typeof cell === "number") return String(cell);
  return /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
}

function quoted(text: string): string {
  return /[";\r\n]|^\s|\s$/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** The file's text: a header row, then one line per row. */
export function csvTable(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  const lines = [header, ...rows].map((row) => row.map((cell) => quoted(cellText(cell))).join(";"));
  return `${BOM}${lines.join("\r\n")}\r\n`;
}
