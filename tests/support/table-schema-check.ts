import type { TableSchema, TableSchemaField } from "@/lib/open-data/table-schema";

/*
 * A small Table Schema validator (https://specs.frictionlessdata.io/table-schema/) for the open
 * data files, written for the tests and independent of the code that writes the files: its own
 * RFC 4180 reader, its own type checks. It checks what the files promise — field names and order,
 * types, required, unique and primary keys, enum, pattern, minimum and maximum — and returns the
 * problems in words (an empty list when the file is valid), so a failing test says what is wrong.
 */

export type Cell = string | number | boolean | null;
export type Row = Record<string, Cell>;
export interface Checked {
  problems: string[];
  /** The rows as typed values (CSV cells converted as the schema says), for comparisons. */
  rows: Row[];
}

const KNOWN_TYPES = ["string", "integer", "number", "boolean", "date", "datetime"];
const KNOWN_CONSTRAINTS = ["required", "unique", "enum", "minimum", "maximum", "pattern"];
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATETIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})Z$/;
/** What a spreadsheet runs as a formula (CSV text cells must not start so). */
const FORMULA_START = /^[=+\-@\t\r]/;

function validDate(text: string, pattern: RegExp): boolean {
  const m = pattern.exec(text);
  if (!m) return false;
  const iso = m.length > 4 ? `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}Z` : `${m[1]}-${m[2]}-${m[3]}T00:00:00Z`;
  const d = new Date(iso);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, iso.length - 1) === iso.slice(0, -1);
}

/** A schema as read from a file: any field type, to be checked. */
export type FieldToCheck = Omit<TableSchemaField, "type"> & { type: string };
export type SchemaToCheck = Omit<TableSchema, "fields"> & { fields: FieldToCheck[] };

/** The schema itself: what a Table Schema must hold, and what these files rely on. */
export function checkSchema(schema: SchemaToCheck, all: Record<string, SchemaToCheck> = {}): string[] {
  const problems: string[] = [];
  if (!Array.isArray(schema.fields) || schema.fields.length === 0) return ["aucun champ"];
  const names = schema.fields.map((f) => f.name);
  if (new Set(names).size !== names.length) problems.push(`noms de champs en double : ${names.join(", ")}`);
  for (const field of schema.fields) {
    if (!/^[a-z][a-z0-9_]*$/.test(field.name)) problems.push(`nom de champ ${field.name} : pas en minuscules ASCII`);
    if (!KNOWN_TYPES.includes(field.type)) problems.push(`${field.name} : type inconnu ${field.type}`);
    if (!field.title || !field.description) problems.push(`${field.name} : titre ou description manquant`);
    for (const key of Object.keys(field.constraints ?? {}))
      if (!KNOWN_CONSTRAINTS.includes(key)) problems.push(`${field.name} : contrainte inconnue ${key}`);
    const c = field.constraints ?? {};
    if (c.enum && (c.enum.length === 0 || new Set(c.enum).size !== c.enum.length)) problems.push(`${field.name} : enum vide ou en double`);
    if (c.pattern) {
      try {
        new RegExp(c.pattern);
      } catch {
        problems.push(`${field.name} : motif invalide`);
      }
    }
    if (field.type === "boolean" && (!field.trueValues?.length || !field.falseValues?.length))
      problems.push(`${field.name} : valeurs vrai / faux absentes`);
  }
  for (const key of schema.primaryKey ?? []) if (!names.includes(key)) problems.push(`clé primaire ${key} : pas un champ`);
  for (const fk of schema.foreignKeys ?? []) {
    for (const f of fk.fields) if (!names.includes(f)) problems.push(`clé étrangère ${f} : pas un champ`);
    const target = all[fk.reference.resource];
    if (!target) problems.push(`clé étrangère vers ${fk.reference.resource} : ressource inconnue`);
    else
      for (const f of fk.reference.fields)
        if (!target.fields.some((t) => t.name === f)) problems.push(`clé étrangère vers ${fk.reference.resource}.${f} : pas un champ`);
  }
  return problems;
}

/** One value (typed) against its field's constraints. */
function checkValue(field: FieldToCheck, value: Cell, where: string, problems: string[]) {
  const c = field.constraints ?? {};
  if (value === null) {
    if (c.required) problems.push(`${where} : ${field.name} obligatoire mais vide`);
    return;
  }
  switch (field.type) {
    case "string":
      if (typeof value !== "string") problems.push(`${where} : ${field.name} n'est pas un texte`);
      break;
    case "integer":
      if (typeof value !== "number" || !Number.isInteger(value)) problems.push(`${where} : ${field.name} n'est pas un entier`);
      break;
    case "boolean":
      if (typeof value !== "boolean") problems.push(`${where} : ${field.name} n'est pas un booléen`);
      break;
    case "date":
      if (typeof value !== "string" || !validDate(value, DATE))
        problems.push(`${where} : ${field.name} n'est pas une date AAAA-MM-JJ (${value})`);
      break;
    case "datetime":
      if (typeof value !== "string" || !validDate(value, DATETIME))
        problems.push(`${where} : ${field.name} n'est pas une date et heure AAAA-MM-JJThh:mm:ssZ (${value})`);
      break;
    default:
      problems.push(`${where} : ${field.name} de type ${field.type} non vérifié`);
  }
  if (c.enum && !c.enum.includes(String(value))) problems.push(`${where} : ${field.name} = ${String(value)} hors de la liste`);
  if (c.pattern && typeof value === "string" && !new RegExp(`^(?:${c.pattern})$`).test(value))
    problems.push(`${where} : ${field.name} = ${value} ne suit pas le motif`);
  if (c.minimum !== undefined && typeof value === "number" && value < c.minimum) problems.push(`${where} : ${field.name} < ${c.minimum}`);
  if (c.maximum !== undefined && typeof value === "number" && value > c.maximum) problems.push(`${where} : ${field.name} > ${c.maximum}`);
}

/** unique fields and the primary key, over all rows. */
function checkKeys(schema: SchemaToCheck, rows: Row[], problems: string[]) {
  for (const field of schema.fields.filter((f) => f.constraints?.unique)) {
    const seen = new Set<Cell>();
    for (const row of rows) {
      const v = row[field.name] ?? null;
      if (v !== null && seen.has(v)) problems.push(`${field.name} = ${String(v)} en double`);
      seen.add(v);
    }
  }
  if (schema.primaryKey.length) {
    const seen = new Set<string>();
    for (const row of rows) {
      const key = JSON.stringify(schema.primaryKey.map((k) => row[k] ?? null));
      if (seen.has(key)) problems.push(`clé primaire ${key} en double`);
      seen.add(key);
    }
  }
}

/** RFC 4180 with another separator: quoted cells, "" inside quotes, CRLF after every line (the last one too). */
export function parseCsv(text: string, separator: string): { lines: string[][]; problems: string[] } {
  const lines: string[][] = [];
  const problems: string[] = [];
  let cells: string[] = [];
  let cell = "";
  let i = 0;
  let quoted = false;
  let wasQuoted = false;
  while (i < text.length) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i += 2;
      } else if (ch === '"') {
        quoted = false;
        i++;
        const next = text[i];
        if (next !== undefined && next !== separator && next !== "\r")
          problems.push(`ligne ${lines.length + 1} : texte après un guillemet fermant`);
      } else {
        cell += ch;
        i++;
      }
    } else if (ch === '"') {
      if (cell !== "") problems.push(`ligne ${lines.length + 1} : guillemet au milieu d'une cellule sans guillemets`);
      quoted = true;
      wasQuoted = true;
      i++;
    } else if (ch === separator) {
      cells.push(cell);
      cell = "";
      wasQuoted = false;
      i++;
    } else if (ch === "\r" && text[i + 1] === "\n") {
      cells.push(cell);
      lines.push(cells);
      cells = [];
      cell = "";
      wasQuoted = false;
      i += 2;
    } else if (ch === "\r" || ch === "\n") {
      problems.push(`ligne ${lines.length + 1} : saut de ligne hors guillemets sans CRLF`);
      i++;
    } else {
      cell += ch;
      i++;
    }
  }
  if (quoted) problems.push("guillemet non fermé à la fin du fichier");
  if (cell !== "" || cells.length || wasQuoted) problems.push("la dernière ligne ne finit pas par CRLF");
  return { lines, problems };
}

/** A CSV file (its text, BOM included) against its schema. */
export function checkCsv(schema: SchemaToCheck, text: string, separator = ";"): Checked {
  const problems: string[] = [];
  if (!text.startsWith("\uFEFF")) problems.push("pas d'indicateur d'ordre des octets (BOM) UTF-8 au début");
  const parsed = parseCsv(text.replace(/^\uFEFF/, ""), separator);
  problems.push(...parsed.problems);
  const [header, ...body] = parsed.lines;
  const names = schema.fields.map((f) => f.name);
  if (!header || header.join("|") !== names.join("|"))
    problems.push(`en-tête ${header?.join(separator)} au lieu de ${names.join(separator)}`);
  const rows: Row[] = [];
  body.forEach((cells, index) => {
    const where = `ligne ${index + 2}`;
    if (cells.length !== names.length) {
      problems.push(`${where} : ${cells.length} cellules au lieu de ${names.length}`);
      return;
    }
    const row: Row = {};
    schema.fields.forEach((field, k) => {
      const raw = cells[k]!;
      let value: Cell = raw;
      if (schema.missingValues.includes(raw)) value = null;
      else if (field.type === "integer") value = /^-?\d+$/.test(raw) ? Number(raw) : raw;
      else if (field.type === "boolean") value = field.trueValues?.includes(raw) ? true : field.falseValues?.includes(raw) ? false : raw;
      else if (field.type === "string" && FORMULA_START.test(raw)) problems.push(`${where} : ${field.name} commence comme une formule`);
      checkValue(field, value, where, problems);
      row[field.name] = value;
    });
    rows.push(row);
  });
  checkKeys(schema, rows, problems);
  return { problems, rows };
}

/** A JSON file (an array of objects, fields in the schema's order) against its schema. */
export function checkJson(schema: SchemaToCheck, text: string): Checked {
  const problems: string[] = [];
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return { problems: [`JSON invalide : ${String(error)}`], rows: [] };
  }
  if (!Array.isArray(data)) return { problems: ["le fichier n'est pas une liste"], rows: [] };
  const names = schema.fields.map((f) => f.name);
  const rows: Row[] = [];
  data.forEach((item: unknown, index) => {
    const where = `objet ${index + 1}`;
    if (typeof item !== "object" || item === null || Array.isArray(item)) {
      problems.push(`${where} : pas un objet`);
      return;
    }
    const keys = Object.keys(item);
    if (keys.join("|") !== names.join("|")) problems.push(`${where} : champs ${keys.join(", ")} au lieu de ${names.join(", ")}`);
    const row = item as Row;
    for (const field of schema.fields) checkValue(field, row[field.name] ?? null, where, problems);
    rows.push(row);
  });
  checkKeys(schema, rows, problems);
  return { problems, rows };
}

/** The JSON value a CSV cell stands for: the apostrophe that guards a formula-like text removed. */
export function unguarded(schema: SchemaToCheck, row: Row): Row {
  const out: Row = {};
  for (const field of schema.fields) {
    const v = row[field.name] ?? null;
    out[field.name] = field.type === "string" && typeof v === "string" && /^'[=+\-@\t\r]/.test(v) ? v.slice(1) : v;
  }
  return out;
}
