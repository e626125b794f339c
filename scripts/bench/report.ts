/** Small formatting helpers for the console and the Markdown summary. */

export function round(n: number | null | undefined, digits = 1): number | null {
  if (n === null || n === undefined || !Number.isFinite(n)) return null;
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}

export function ratio(a: number | null | undefined, b: number | null | undefined, digits = 2): number | null {
  if (a === null || a === undefined || b === null || b === undefined || b === 0) return null;
  return round(a / b, digits);
}

export function kb(bytes: number | null | undefined): number | null {
  return bytes === null || bytes === undefined ? null : round(bytes / 1024, 1);
}

type Row = Record<string, string | number | boolean | null | undefined>;

/** A Markdown table from rows of the same shape (what console.table shows, pasteable in docs). */
export function markdownTable(rows: Row[]): string {
  if (rows.length === 0) return "";
  const cols = Object.keys(rows[0]!);
  const cell = (v: Row[string]) => (v === null || v === undefined ? "—" : String(v).replace(/\|/g, "\\|"));
  const lines = [
    `| ${cols.join(" | ")} |`,
    `|${cols.map((c) => (typeof rows[0]![c] === "number" ? "---:" : "---")).join("|")}|`,
    ...rows.map((r) => `| ${cols.map((c) => cell(r[c])).join(" | ")} |`),
  ];
  return lines.join("\n");
}
