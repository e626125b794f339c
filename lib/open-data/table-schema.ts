import { OPEN_LICENCE, openDataFiles, type FieldSpec, type OpenDataFileName } from "./files";

/*
 * The Table Schema of each open data file (https://specs.frictionlessdata.io/table-schema/, the
 * format of schema.data.gouv.fr), built from lib/open-data/files.ts: the page, the files and their
 * schemas cannot disagree. Served at /donnees/schemas/<fichier>.json.
 */

/** Raised when a field is renamed or removed (a file's consumers must then adapt); a field added at the end is a minor version. */
export const SCHEMA_VERSION = "1.0.0";
export const SCHEMA_DATE = "2026-11-29";

/** Booleans in the CSV files, as a French reader writes them; the JSON files have true and false. */
export const CSV_TRUE = "oui";
export const CSV_FALSE = "non";

export interface TableSchemaField {
  name: string;
  title: string;
  description: string;
  type: FieldSpec["type"];
  format: "default";
  trueValues?: string[];
  falseValues?: string[];
  constraints?: {
    required?: boolean;
    unique?: boolean;
    enum?: string[];
    minimum?: number;
    maximum?: number;
    pattern?: string;
  };
}

export interface TableSchema {
  $schema: string;
  name: string;
  title: string;
  description: string;
  countryCode: "FR";
  version: string;
  created: string;
  lastModified: string;
  licenses: { name: string; title: string; path: string }[];
  missingValues: string[];
  fields: TableSchemaField[];
  primaryKey: string[];
  foreignKeys: { fields: string[]; reference: { resource: string; fields: string[] } }[];
}

function fieldOf(spec: FieldSpec): TableSchemaField {
  const constraints: NonNullable<TableSchemaField["constraints"]> = {};
  if (spec.required) constraints.required = true;
  if (spec.unique) constraints.unique = true;
  if (spec.enum) constraints.enum = [...spec.enum];
  if (spec.minimum !== undefined) constraints.minimum = spec.minimum;
  if (spec.maximum !== undefined) constraints.maximum = spec.maximum;
  if (spec.pattern) constraints.pattern = spec.pattern;
  return {
    name: spec.name,
    title: spec.title,
    description: spec.description,
    type: spec.type,
    format: "default",
    ...(spec.type === "boolean" ? { trueValues: [CSV_TRUE], falseValues: [CSV_FALSE] } : {}),
    ...(Object.keys(constraints).length ? { constraints } : {}),
  };
}

/** Written at build time (no database): it describes the file's format, whichever City publishes it. */
export function tableSchemaOf(name: OpenDataFileName): TableSchema {
  const file = openDataFiles[name];
  return {
    $schema: "https://frictionlessdata.io/schemas/table-schema.json",
    name: `projet-social-communal-${file.name}`,
    title: `Projet social communal — ${file.title}`,
    description: file.description,
    countryCode: "FR",
    version: SCHEMA_VERSION,
    created: SCHEMA_DATE,
    lastModified: SCHEMA_DATE,
    licenses: [{ ...OPEN_LICENCE }],
    // An empty CSV cell is a missing value (null in the JSON file).
    missingValues: [""],
    fields: file.fields.map(fieldOf),
    primaryKey: [...file.primaryKey],
    foreignKeys: file.foreignKeys.map((k) => ({ fields: [...k.fields], reference: { resource: k.resource, fields: [...k.reference] } })),
  };
}
