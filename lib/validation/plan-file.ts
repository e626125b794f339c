import { z } from "zod";
import { actionStatuses, type ActionStatus } from "@/lib/labels";
import { statusCodes } from "@/lib/open-data/files";
import { isCleanText, isRealDay } from "./fields";
import { isWebAddress } from "./plan";

/*
 * The plan file (issue 11, point 6; docs/format-plan.md, docs/decisions/0026-plan-file.md): a whole
 * projet social communal — the plan, its démarche, themes, fiches with their points d'étape and
 * deadline changes, and the councils' public fields — as one JSON document that another install
 * imports. Its keys and codes are French and plain ASCII like the open data's (lib/open-data/files.ts),
 * things are named by stable identifiers (slugs and keys, never database ids), and it holds only
 * what the public pages show or the City's own plan text: no person, no account, no contribution.
 *
 * This schema is the format's one definition: the import parses with it, the export's output is
 * checked against it by the tests, and docs/format-plan.schema.json is generated from it.
 * Version 1. A change that an earlier reader would misread is a new version.
 */

export const PLAN_FILE_FORMAT = "projet-social-communal";
export const PLAN_FILE_VERSION = 1;
export { PLAN_FILE_MAX_BYTES } from "./plan";

// ——— Codes (French, stable) for the values the app keeps in English ———

export const precisionCodes = { day: "jour", month: "mois", year: "annee" } as const;
export type DatePrecision = keyof typeof precisionCodes;
const statusCodeList = actionStatuses.map((s) => statusCodes[s]) as [string, ...string[]];
const statusByCode = new Map(actionStatuses.map((s) => [statusCodes[s], s]));
export const statusOfCode = (code: string | null): ActionStatus | null => (code === null ? null : (statusByCode.get(code) ?? null));
const precisionByCode = new Map<string, DatePrecision>(Object.entries(precisionCodes).map(([k, v]) => [v, k as DatePrecision]));
export const precisionOfCode = (code: string): DatePrecision => precisionByCode.get(code)!;

// ——— Fields ———

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** A point d'étape's key: the seed's and the forms' keys have « : » (« source:premier-point-etape:… », « form:… »). */
const KEY = /^[A-Za-z0-9][A-Za-z0-9:._-]*$/;
const DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,3})?Z$/;

const identifier = () =>
  z
    .string()
    .max(200, { error: "200 caractères au plus" })
    .regex(SLUG, { error: "identifiant invalide : lettres minuscules sans accent, chiffres et tirets (par exemple « petite-enfance »)" });

/** A text: no control character, `max` characters at most; `required` refuses an empty one. */
const textField = (max: number, { required = true }: { required?: boolean } = {}) => {
  const base = z
    .string()
    .max(max, { error: `${max} caractères au plus` })
    .refine(isCleanText, { error: "caractères invalides (caractères de contrôle)" });
  return required ? base.refine((v) => v.trim() !== "", { error: "ne doit pas être vide" }) : base;
};
/** A field that may be null or left out (then null): a file written by hand need not list every empty field. */
const optional = <T extends z.ZodType>(schema: T) => schema.nullable().default(null);
const optionalTextField = (max: number) => optional(textField(max));
/** An enumeration's message, unless the field is missing altogether (then the common « obligatoire »). */
const unlessMissing = (message: string) => (issue: { input?: unknown }) =>
  issue.input === undefined ? "ce champ est obligatoire" : message;
const day = () => z.string().refine(isRealDay, { error: "doit être une date réelle au format AAAA-MM-JJ (par exemple « 2015-10-09 »)" });
const datetime = () =>
  z
    .string()
    .regex(DATETIME, {
      error: "doit être une date et une heure UTC au format AAAA-MM-JJTHH:MM:SS.sssZ (par exemple « 2026-03-01T09:30:00.000Z »)",
    })
    .refine((v) => !Number.isNaN(Date.parse(v)) && isRealDay(v.slice(0, 10)), { error: "n'est pas une date réelle" });
const year = () =>
  z
    .number()
    .int({ error: "doit être une année (nombre entier)" })
    .min(1900, { error: "doit être une année entre 1900 et 2100" })
    .max(2100, { error: "doit être une année entre 1900 et 2100" });
const count = () => z.number().int({ error: "doit être un nombre entier" }).min(0, { error: "ne peut pas être négatif" }).max(1000);
const progress = () =>
  z
    .number()
    .int({ error: "doit être un nombre entier de 0 à 100" })
    .min(0, { error: "doit être un nombre entier de 0 à 100" })
    .max(100, { error: "doit être un nombre entier de 0 à 100" });
const status = () =>
  z.enum(statusCodeList, { error: unlessMissing(`doit valoir ${statusCodeList.map((c) => `« ${c} »`).join(", ")} ou null`) });
const webAddress = () => z.string().max(2000).refine(isWebAddress, { error: "doit être une adresse web en http:// ou https://" });

// ——— The document ———

const planSchema = z.strictObject({
  identifiant: identifier(),
  titre: textField(300),
  ville: textField(200),
  annee_debut: year(),
  annee_fin: year(),
  resume: textField(20_000, { required: false }).default(""),
  fiches_annoncees: optional(count()),
  titre_source: optionalTextField(500),
  demarche: textField(50_000, { required: false }).default(""),
});

const milestoneSchema = z.strictObject({
  identifiant: identifier(),
  titre: textField(300),
  description: optionalTextField(5_000),
  debut: day(),
  fin: optional(day()),
  precision: z.enum(["jour", "mois", "annee"], { error: unlessMissing("doit valoir « jour », « mois » ou « annee »") }),
});

const themeSchema = z.strictObject({
  identifiant: identifier(),
  numero: z.number().int({ error: "doit être un nombre entier" }).min(1, { error: "doit valoir 1 ou plus" }).max(1000),
  titre: textField(300),
  description: optionalTextField(5_000),
  fiches_annoncees: optional(count()),
  /** Archived by staff: out of the lists, its page stays (numbered after the themes shown). */
  archivee_le: optional(datetime()),
  /** The fiches under this theme, in their order on its page: identifiers of `fiches`. */
  fiches: z.array(identifier()).max(1000).default([]),
});

const reportSchema = z.strictObject({
  identifiant: z.string().max(200, { error: "200 caractères au plus" }).regex(KEY, {
    error: "identifiant invalide : lettres, chiffres, « : », « . », « _ » et « - », sans espace",
  }),
  titre: textField(300),
  texte: textField(20_000),
  date: optional(day()),
  statut: optional(status()),
  avancement: optional(progress()),
  source: optionalTextField(1_000),
  publie_le: datetime(),
});

const deadlineChangeSchema = z.strictObject({
  echeance_precedente: optionalTextField(300),
  date_limite_precedente: optional(day()),
  nouvelle_echeance: textField(300),
  nouvelle_date_limite: day(),
  motif: textField(5_000),
  /** The point d'étape that announced it (its identifier, in the same fiche), or null. */
  point_etape: optional(z.string().max(200)),
  date: datetime(),
});

const actionSchema = z.strictObject({
  identifiant: identifier(),
  titre: textField(300),
  description: optionalTextField(5_000),
  texte: optionalTextField(50_000),
  en_bref: optionalTextField(400),
  statut: optional(status()),
  avancement: optional(progress()),
  echeance_initiale: optionalTextField(300),
  annee_fin_initiale: optional(year()),
  statut_source: optionalTextField(500),
  echeance_actuelle: optionalTextField(300),
  date_limite_actuelle: optional(day()),
  archivee_le: optional(datetime()),
  projets: z
    .array(z.strictObject({ nom: textField(500), detail: optionalTextField(500) }))
    .max(100)
    .default([]),
  liens: z
    .array(z.strictObject({ texte: textField(500), adresse: webAddress() }))
    .max(100)
    .default([]),
  points_etape: z.array(reportSchema).max(10_000).default([]),
  changements_echeance: z.array(deadlineChangeSchema).max(1_000).default([]),
});

const councilSchema = z.strictObject({
  identifiant: identifier(),
  numero: optional(z.number().int({ error: "doit être un nombre entier" }).min(1, { error: "doit valoir 1 ou plus" }).max(1000)),
  nom: textField(300),
  quartier: optionalTextField(300),
  description: optionalTextField(5_000),
  demonstration: z.boolean({ error: unlessMissing("doit valoir true ou false") }).default(false),
  archive_le: optional(datetime()),
});

/** Each value of `key` once in `items`: the second one is refused at its own path. */
function unique<T>(
  ctx: z.RefinementCtx,
  items: readonly T[],
  key: (item: T) => unknown,
  path: (index: number) => PropertyKey[],
  what: string,
) {
  const seen = new Map<unknown, number>();
  items.forEach((item, index) => {
    const value = key(item);
    if (value === null || value === undefined) return;
    const first = seen.get(value);
    if (first !== undefined)
      ctx.addIssue({
        code: "custom",
        path: path(index),
        message: `${what} « ${String(value)} » figure deux fois (déjà à l'index ${first})`,
      });
    else seen.set(value, index);
  });
}

export const planFileSchema = z
  .strictObject({
    format: z.literal(PLAN_FILE_FORMAT, {
      error: unlessMissing(`doit valoir « ${PLAN_FILE_FORMAT} » : ce fichier n'est pas un plan exporté par la plateforme`),
    }),
    version: z.literal(PLAN_FILE_VERSION, {
      error: unlessMissing(
        `doit valoir ${PLAN_FILE_VERSION} : cette version de la plateforme lit les fichiers de la version ${PLAN_FILE_VERSION}`,
      ),
    }),
    plan: planSchema,
    etapes: z.array(milestoneSchema).max(200).default([]),
    thematiques: z.array(themeSchema).max(200),
    fiches: z.array(actionSchema).max(2_000),
    conseils: z.array(councilSchema).max(500).default([]),
  })
  .superRefine((file, ctx) => {
    if (file.plan.annee_fin < file.plan.annee_debut)
      ctx.addIssue({ code: "custom", path: ["plan", "annee_fin"], message: "doit être égale ou postérieure à annee_debut" });
    unique(
      ctx,
      file.etapes,
      (m) => m.identifiant,
      (i) => ["etapes", i, "identifiant"],
      "l'identifiant",
    );
    unique(
      ctx,
      file.thematiques,
      (t) => t.identifiant,
      (i) => ["thematiques", i, "identifiant"],
      "l'identifiant",
    );
    unique(
      ctx,
      file.thematiques,
      (t) => t.numero,
      (i) => ["thematiques", i, "numero"],
      "le numéro",
    );
    unique(
      ctx,
      file.fiches,
      (a) => a.identifiant,
      (i) => ["fiches", i, "identifiant"],
      "l'identifiant",
    );
    unique(
      ctx,
      file.conseils,
      (c) => c.identifiant,
      (i) => ["conseils", i, "identifiant"],
      "l'identifiant",
    );
    unique(
      ctx,
      file.conseils,
      (c) => c.numero,
      (i) => ["conseils", i, "numero"],
      "le numéro",
    );
    const reports = file.fiches.flatMap((a, i) =>
      a.points_etape.map((r, j) => ({ key: r.identifiant, path: ["fiches", i, "points_etape", j, "identifiant"] })),
    );
    unique(
      ctx,
      reports,
      (r) => r.key,
      (i) => reports[i]!.path,
      "l'identifiant",
    );

    const fiches = new Set(file.fiches.map((a) => a.identifiant));
    file.thematiques.forEach((theme, i) => {
      theme.fiches.forEach((slug, j) => {
        if (!fiches.has(slug))
          ctx.addIssue({ code: "custom", path: ["thematiques", i, "fiches", j], message: `aucune fiche n'a l'identifiant « ${slug} »` });
      });
      unique(
        ctx,
        theme.fiches,
        (slug) => slug,
        (j) => ["thematiques", i, "fiches", j],
        "la fiche",
      );
    });
    file.fiches.forEach((action, i) => {
      const keys = new Set(action.points_etape.map((r) => r.identifiant));
      action.changements_echeance.forEach((change, j) => {
        if (change.point_etape !== null && !keys.has(change.point_etape))
          ctx.addIssue({
            code: "custom",
            path: ["fiches", i, "changements_echeance", j, "point_etape"],
            message: `aucun point d'étape de cette fiche n'a l'identifiant « ${change.point_etape} »`,
          });
      });
    });
  });

export type PlanFile = z.infer<typeof planFileSchema>;
export type PlanFileAction = PlanFile["fiches"][number];

// ——— Errors, in French, one per line with its place in the file ———

/** `fiches[3].titre`: where an issue is, as in the documentation (indices from 0, as in jq). */
export function pathOf(path: readonly PropertyKey[]): string {
  let out = "";
  for (const part of path) out += typeof part === "number" ? `[${part}]` : `${out === "" ? "" : "."}${String(part)}`;
  return out === "" ? "(fichier)" : out;
}

const typeNames: Record<string, string> = {
  string: "un texte",
  number: "un nombre",
  int: "un nombre entier",
  boolean: "true ou false",
  object: "un objet { … }",
  array: "une liste [ … ]",
  null: "null",
};
const received = (input: unknown) =>
  input === null
    ? "null"
    : Array.isArray(input)
      ? "une liste"
      : typeof input === "string"
        ? "un texte"
        : typeof input === "number"
          ? "un nombre"
          : typeof input === "boolean"
            ? "un booléen"
            : typeof input === "object"
              ? "un objet"
              : typeof input;

/** The message of an issue no schema worded itself (a missing field, a wrong type, an unknown key). */
function frenchMessage(issue: z.core.$ZodRawIssue): string | undefined {
  switch (issue.code) {
    case "invalid_type":
      if (issue.input === undefined) return "ce champ est obligatoire";
      return `doit être ${typeNames[issue.expected] ?? issue.expected} (reçu : ${received(issue.input)})`;
    case "unrecognized_keys":
      return issue.keys.length === 1
        ? `champ inconnu : « ${issue.keys[0]} »`
        : `champs inconnus : ${issue.keys.map((k) => `« ${k} »`).join(", ")}`;
    case "too_big":
      return issue.origin === "array" ? `${String(issue.maximum)} éléments au plus` : `doit valoir ${String(issue.maximum)} au plus`;
    case "too_small":
      return `doit valoir ${String(issue.minimum)} au moins`;
    case "invalid_value":
      return `valeur non reconnue`;
    default:
      return undefined;
  }
}

export type PlanFileParse = { ok: true; file: PlanFile } | { ok: false; errors: string[] };

/** At most this many errors are listed: a wrong file lists its first problems, not thousands. */
export const PLAN_FILE_ERRORS_MAX = 50;

/** Reads a plan file's text: JSON, then the schema. Every problem as « chemin : message ». */
export function parsePlanFile(text: string): PlanFileParse {
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (error) {
    return { ok: false, errors: [`(fichier) : ce n'est pas du JSON valide (${error instanceof Error ? error.message : String(error)})`] };
  }
  const parsed = planFileSchema.safeParse(json, { error: frenchMessage });
  if (parsed.success) return { ok: true, file: parsed.data };
  const errors = parsed.error.issues.map((issue) => `${pathOf(issue.path)} : ${issue.message}`);
  if (errors.length > PLAN_FILE_ERRORS_MAX)
    return {
      ok: false,
      errors: [...errors.slice(0, PLAN_FILE_ERRORS_MAX), `… et ${errors.length - PLAN_FILE_ERRORS_MAX} autres erreurs.`],
    };
  return { ok: false, errors };
}

/**
 * The format as a JSON Schema (draft 2020-12), for people who check or write files with other tools:
 * docs/format-plan.schema.json is this, written by `npx tsx scripts/plan-file-schema.ts` (then
 * Prettier; a unit test checks that it is up to date). It says what each field holds; the checks across the file (unique
 * identifiers, the fiches a theme names) are in docs/format-plan.md and only the import makes them.
 */
export function planFileJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(planFileSchema, { io: "input", unrepresentable: "any" });
  return {
    $schema: schema.$schema,
    title: `Fichier de plan « ${PLAN_FILE_FORMAT} », version ${PLAN_FILE_VERSION}`,
    description:
      "Un projet social communal entier : le plan, sa démarche, ses thématiques, ses fiches actions avec leurs points d'étape, les conseils de quartier. Voir docs/format-plan.md.",
    ...Object.fromEntries(Object.entries(schema).filter(([key]) => key !== "$schema")),
  };
}

/** The file's text: two-space indentation, keys in the schema's order, a final line break. */
export const serializePlanFile = (file: PlanFile) => `${JSON.stringify(file, null, 2)}\n`;
