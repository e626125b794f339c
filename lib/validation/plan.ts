import { z } from "zod";
import { checkbox, choice, DAY_MAX_YEAR, DAY_MIN_YEAR, id, list, optionalText, text, wholeNumber } from "./fields";

/*
 * The administration of the plan (/admin/plan): a theme, a fiche (its texts, themes, projects and
 * links), its order inside a theme, its archive. The browser and the server parse with the same
 * schemas. Status and progress are not here: only progress reports change them.
 */

export const PLAIN_SUMMARY_MAX = 400;
export const ACTION_TITLE_MAX = 300;
export const ACTION_DESCRIPTION_MAX = 1000;
export const ACTION_BODY_MAX = 20_000;
export const ACTION_TIMEFRAME_MAX = 100;
export const ACTION_PROJECTS_MAX = 20;
export const ACTION_LINKS_MAX = 20;
export const THEME_TITLE_MAX = 200;
export const THEME_DESCRIPTION_MAX = 2000;
const LINE_MAX = 500;

const reason = optionalText({ max: 500, what: "La raison" });
const themeId = id("Thématique inconnue : rechargez la page.");
const actionId = id("Fiche action inconnue : rechargez la page.");

export interface ProjectLine {
  name: string;
  detail: string | null;
}

export interface LinkLine {
  label: string;
  url: string;
}

const linesOf = (value: string | null) =>
  (value ?? "")
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line !== "");

/** « Maison des parents : ouverture en 2018 » → name and detail; a line without « : » is a name. */
export function parseProjectLines(value: string | null): ProjectLine[] {
  return linesOf(value).map((line) => {
    const at = line.search(/\s:\s/);
    if (at < 0) return { name: line, detail: null };
    const name = line.slice(0, at).trim();
    const detail = line
      .slice(at)
      .replace(/^\s:\s/, "")
      .trim();
    return name === "" ? { name: detail, detail: null } : { name, detail: detail === "" ? null : detail };
  });
}

/** The projects back into the textarea's lines. */
export const projectLinesText = (projects: readonly ProjectLine[]) =>
  projects.map((p) => (p.detail ? `${p.name} : ${p.detail}` : p.name)).join("\n");

/** A web address people can follow: http or https only (never javascript:, data:…). */
export function isWebAddress(value: string): boolean {
  if (!/^https?:\/\//i.test(value)) return false;
  try {
    const url = new URL(value);
    return (url.protocol === "https:" || url.protocol === "http:") && url.hostname.includes(".");
  } catch {
    return false;
  }
}

/** « Le site du CCAS https://… » → its text and its address; a line that is only an address is its own text. */
export function parseLinkLine(line: string): LinkLine | null {
  const at = line.search(/\S+$/);
  const url = line.slice(at);
  if (!isWebAddress(url)) return null;
  const label = line.slice(0, at).trim();
  return { label: label === "" ? url : label, url };
}

/** The last year a time frame in words names (« 2018/2019 » → 2019), or null: a new fiche's default deadline. */
export function endYearOf(label: string | null): number | null {
  const years = label?.match(/\b(19|20)\d{2}\b/g);
  return years ? Math.max(...years.map(Number)) : null;
}

export const linkLinesText = (links: readonly LinkLine[]) =>
  links.map((l) => (l.label === l.url ? l.url : `${l.label} ${l.url}`)).join("\n");

const projectsField = optionalText({ max: ACTION_PROJECTS_MAX * LINE_MAX, what: "La liste des projets" }).transform((value, ctx) => {
  const projects = parseProjectLines(value);
  if (projects.length > ACTION_PROJECTS_MAX) {
    ctx.addIssue({ code: "custom", message: `${ACTION_PROJECTS_MAX} projets au plus.` });
    return z.NEVER;
  }
  if (projects.some((p) => p.name.length > LINE_MAX || (p.detail?.length ?? 0) > LINE_MAX)) {
    ctx.addIssue({ code: "custom", message: `Chaque projet tient en ${LINE_MAX} caractères au plus.` });
    return z.NEVER;
  }
  return projects;
});

const linksField = optionalText({ max: ACTION_LINKS_MAX * LINE_MAX, what: "La liste des liens" }).transform((value, ctx) => {
  const lines = linesOf(value);
  if (lines.length > ACTION_LINKS_MAX) {
    ctx.addIssue({ code: "custom", message: `${ACTION_LINKS_MAX} liens au plus.` });
    return z.NEVER;
  }
  const links: LinkLine[] = [];
  for (const [index, line] of lines.entries()) {
    const link = parseLinkLine(line);
    if (!link || line.length > LINE_MAX) {
      ctx.addIssue({
        code: "custom",
        message: `Ligne ${index + 1} : écrivez le texte du lien, puis une adresse qui commence par https:// (par exemple « Site du CCAS https://www.exemple.fr/ccas »).`,
      });
      return z.NEVER;
    }
    links.push(link);
  }
  return links;
});

/** A fiche's texts: the title, the short and full texts, the summary in plain words, its themes, projects and links. */
const actionFields = {
  title: text({ min: 3, max: ACTION_TITLE_MAX, empty: "Indiquez le titre de la fiche.", what: "Le titre" }),
  description: optionalText({ max: ACTION_DESCRIPTION_MAX, what: "La description courte" }),
  body: optionalText({ max: ACTION_BODY_MAX, what: "Le texte complet" }),
  plainSummary: optionalText({ max: PLAIN_SUMMARY_MAX, what: "Le résumé en mots simples" }),
  timeframeLabel: optionalText({ max: ACTION_TIMEFRAME_MAX, what: "L'échéance" }),
  projects: projectsField,
  links: linksField,
  themeIds: list(themeId, { max: 50, tooMany: "Trop de thématiques cochées." }).refine((ids) => ids.length > 0, {
    error: "Cochez au moins une thématique.",
  }),
  reason,
};

export const createActionSchema = z.object(actionFields);
export type CreateActionInput = z.input<typeof createActionSchema>;
export type CreateActionData = z.output<typeof createActionSchema>;

export const updateActionSchema = z.object({ actionId, ...actionFields });
export type UpdateActionInput = z.input<typeof updateActionSchema>;
export type UpdateActionData = z.output<typeof updateActionSchema>;

/** Archive a fiche or bring it back: which, why (journaled), and which way. */
export const actionArchiveFormSchema = z.object({
  actionId,
  change: choice(["archive", "unarchive"], "Action inconnue : rechargez la page."),
  reason: text({ min: 3, max: 500, empty: "Indiquez la raison : elle est inscrite au journal.", what: "La raison" }),
});
export type ActionArchiveFormInput = z.input<typeof actionArchiveFormSchema>;
export type ActionArchiveData = z.output<typeof actionArchiveFormSchema>;

/** Move a fiche one place up or down inside one theme. */
export const moveActionSchema = z.object({
  actionId,
  themeId,
  direction: choice(["up", "down"], "Sens inconnu : rechargez la page."),
});
export type MoveActionData = z.output<typeof moveActionSchema>;

/** Move a theme one place up or down in the plan (its number). */
export const moveThemeSchema = z.object({
  themeId,
  direction: choice(["up", "down"], "Sens inconnu : rechargez la page."),
});
export type MoveThemeData = z.output<typeof moveThemeSchema>;

/** Archive a theme or bring it back: which, why (journaled), and which way. */
export const themeArchiveFormSchema = z.object({
  themeId,
  change: choice(["archive", "unarchive"], "Action inconnue : rechargez la page."),
  reason: text({ min: 3, max: 500, empty: "Indiquez la raison : elle est inscrite au journal.", what: "La raison" }),
});
export type ThemeArchiveFormInput = z.input<typeof themeArchiveFormSchema>;
export type ThemeArchiveData = z.output<typeof themeArchiveFormSchema>;

const themeFields = {
  title: text({ min: 2, max: THEME_TITLE_MAX, empty: "Indiquez le titre de la thématique.", what: "Le titre" }),
  description: optionalText({ max: THEME_DESCRIPTION_MAX, what: "La description" }),
  reason,
};

/** `planId`: the draft's form names its plan (decision 0027); without it, the current plan. */
export const createThemeSchema = z.object({ planId: id("Plan inconnu : rechargez la page.").optional(), ...themeFields });
export type CreateThemeInput = z.input<typeof createThemeSchema>;
export type CreateThemeData = z.output<typeof createThemeSchema>;

export const updateThemeSchema = z.object({ themeId, ...themeFields });
export type UpdateThemeInput = z.input<typeof updateThemeSchema>;
export type UpdateThemeData = z.output<typeof updateThemeSchema>;

// ——— The plan file (/admin/plan/importer; its format: lib/validation/plan-file.ts) ———

/** Beyond this, a plan file is refused before it is read: a plan of 200 long fiches holds in 2 Mo. */
export const PLAN_FILE_MAX_BYTES = 5 * 1024 * 1024;

/** The import form: one file, read and checked by the server (lib/validation/plan-file.ts). */
export const planFileUploadSchema = z.object({
  file: z
    .custom<File>((v) => typeof File !== "undefined" && v instanceof File && v.size > 0, {
      error: "Choisissez le fichier du plan (un fichier .json exporté par la plateforme).",
    })
    .refine((f) => f.size <= PLAN_FILE_MAX_BYTES, { error: "Ce fichier dépasse 5 Mo : ce n'est pas un fichier de plan." }),
});
/*
 * The next plan (decision 0027): an admin opens it as a draft — its title, period, introduction and
 * démarche, its themes copied from the current plan or none — then publishes it.
 */
export const PLAN_TITLE_MAX = 200;
export const PLAN_SUMMARY_MAX = 4000;
export const PLAN_DEMARCHE_MAX = 20_000;
const planYear = (what: string) => wholeNumber({ min: DAY_MIN_YEAR, max: DAY_MAX_YEAR, what, example: 2021 });

export const PLAN_STEPS_MAX = 30;

/** A step of the démarche as staff write it: « 2021-03 : Concertation avec les conseils de quartier ». */
export interface PlanStepLine {
  /** The first day of what the date names: 2021 → 2021-01-01, 2021-03 → 2021-03-01. */
  startsOn: string;
  precision: "day" | "month" | "year";
  title: string;
}

/** One line « AAAA[-MM[-JJ]] : titre » (or « — », « - » for the colon); null when it is not one. */
export function parsePlanStepLine(line: string): PlanStepLine | null {
  const match = /^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?\s*[:—–-]\s*(\S.*)$/u.exec(line.trim());
  if (!match) return null;
  const [, year, month, day, title] = match;
  const y = Number(year);
  const m = month === undefined ? 1 : Number(month);
  const d = day === undefined ? 1 : Number(day);
  const date = new Date(Date.UTC(y, m - 1, d));
  if (y < DAY_MIN_YEAR || y > DAY_MAX_YEAR || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  const pad = (n: number) => String(n).padStart(2, "0");
  return {
    startsOn: `${y}-${pad(m)}-${pad(d)}`,
    precision: day !== undefined ? "day" : month !== undefined ? "month" : "year",
    title: title!.trim(),
  };
}

const planStepsField = optionalText({ max: PLAN_STEPS_MAX * LINE_MAX, what: "La liste des étapes" }).transform((value, ctx) => {
  const lines = linesOf(value);
  if (lines.length > PLAN_STEPS_MAX) {
    ctx.addIssue({ code: "custom", message: `${PLAN_STEPS_MAX} étapes au plus.` });
    return z.NEVER;
  }
  const steps: PlanStepLine[] = [];
  for (const [index, line] of lines.entries()) {
    const step = parsePlanStepLine(line);
    if (!step || line.length > LINE_MAX) {
      ctx.addIssue({
        code: "custom",
        message: `Ligne ${index + 1} : écrivez la date (année, année-mois ou année-mois-jour), deux-points, puis l'étape — par exemple « 2021-03 : Concertation avec les conseils de quartier ».`,
      });
      return z.NEVER;
    }
    steps.push(step);
  }
  return steps;
});

/** A plan's details, as opened and as edited afterwards: title, period, introduction, démarche and its steps. */
const planDetailsShape = {
  title: text({ min: 3, max: PLAN_TITLE_MAX, empty: "Indiquez le titre du plan.", what: "Le titre" }),
  periodStartYear: planYear("l'année de début"),
  periodEndYear: planYear("l'année de fin"),
  summary: text({ min: 3, max: PLAN_SUMMARY_MAX, empty: "Indiquez l'introduction du plan.", what: "L'introduction" }),
  demarche: optionalText({ max: PLAN_DEMARCHE_MAX, what: "La démarche" }),
  steps: planStepsField,
  reason,
};
const periodInOrder: [(v: { periodStartYear: number; periodEndYear: number }) => boolean, { path: string[]; error: string }] = [
  (v) => v.periodEndYear >= v.periodStartYear,
  { path: ["periodEndYear"], error: "L'année de fin ne peut pas précéder l'année de début." },
];

export const openPlanSchema = z
  .object({
    ...planDetailsShape,
    themes: choice(["copy", "empty"], "Choisissez : copier les thématiques du plan en cours, ou commencer sans."),
  })
  .refine(...periodInOrder);
export type OpenPlanInput = z.input<typeof openPlanSchema>;
export type OpenPlanData = z.output<typeof openPlanSchema>;

/** Editing a plan's details after it is opened: the draft, or the current plan (never a closed one). */
export const updatePlanSchema = z.object({ planId: id("Plan inconnu : rechargez la page."), ...planDetailsShape }).refine(...periodInOrder);
export type UpdatePlanInput = z.input<typeof updatePlanSchema>;
export type UpdatePlanData = z.output<typeof updatePlanSchema>;

/** A plan's details as stored: what its edit form shows and changes. */
export interface PlanDetails {
  id: number;
  title: string;
  periodStartYear: number;
  periodEndYear: number;
  summary: string;
  demarche: string;
  steps: PlanStepLine[];
}

/** The edit form's values for a plan as stored: the steps one per line, as staff write them. */
export function planDetailsInput(
  plan: PlanDetails,
): Record<"planId" | "title" | "periodStartYear" | "periodEndYear" | "summary" | "demarche" | "steps", string> {
  return {
    planId: String(plan.id),
    title: plan.title,
    periodStartYear: String(plan.periodStartYear),
    periodEndYear: String(plan.periodEndYear),
    summary: plan.summary,
    demarche: plan.demarche,
    steps: plan.steps.map(formatPlanStepLine).join("\n"),
  };
}

/** A step written back as staff write it (the inverse of parsePlanStepLine): « 2021-03 : Concertation… ». */
export function formatPlanStepLine(step: PlanStepLine): string {
  const date =
    step.precision === "year" ? step.startsOn.slice(0, 4) : step.precision === "month" ? step.startsOn.slice(0, 7) : step.startsOn;
  return `${date} : ${step.title}`;
}

export const publishPlanSchema = z.object({
  planId: id("Plan inconnu : rechargez la page."),
  understood: checkbox().refine((ticked) => ticked, {
    error: "Cochez la case pour confirmer : le plan en cours sera terminé et le nouveau paraîtra sur le site.",
  }),
  reason,
});
export type PublishPlanInput = z.input<typeof publishPlanSchema>;
export type PublishPlanData = z.output<typeof publishPlanSchema>;
