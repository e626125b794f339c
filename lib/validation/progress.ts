import { z } from "zod";
import { actionStatuses } from "../labels";
import { plainText } from "./text";

/*
 * Forms of a fiche's progress (staff and officials in charge): a point d'étape, its correction
 * within 24 hours, a change of deadline (always with a reason). Shared by the forms
 * (react-hook-form + zodResolver: every field is a string there) and the server.
 */
export const REPORT_BODY_MAX = 10_000;
export const REPORT_TITLE_MAX = 200;
export const DEADLINE_REASON_MAX = 1000;
export const TIMEFRAME_LABEL_MAX = 100;

const isoDay = (message: string) => z.string({ error: message }).trim().regex(/^\d{4}-\d{2}-\d{2}$/, { error: message });

/** "" means « unchanged ». */
const statusField = z
  .union([z.literal(""), z.enum(actionStatuses)], { error: "Statut inconnu." })
  .optional()
  .transform((v) => (v ? v : null));

const progressField = z
  .string()
  .trim()
  .optional()
  .transform((v, ctx) => {
    if (v === undefined || v === "") return null;
    const n = Number(v.replace(",", ".").replace(/\s*%$/, ""));
    if (!Number.isInteger(n) || n < 0 || n > 100) {
      ctx.addIssue({ code: "custom", message: "L'avancement est un nombre entier entre 0 et 100." });
      return z.NEVER;
    }
    return n;
  });

const reportFields = {
  reportedOn: isoDay("Indiquez la date du point d'étape."),
  title: plainText(1, REPORT_TITLE_MAX, "Donnez un titre au point d'étape.", "Le titre"),
  body: plainText(1, REPORT_BODY_MAX, "Écrivez ce qui a été fait.", "Le texte"),
  status: statusField,
  progress: progressField,
};

const deadlineFields = {
  newTimeframeLabel: z.string().trim().max(TIMEFRAME_LABEL_MAX, { error: `L'échéance en mots ne peut pas dépasser ${TIMEFRAME_LABEL_MAX} caractères.` }).optional(),
  newDeadline: z.string().trim().optional(),
  deadlineReason: z.string().trim().optional(),
};

/** A deadline change is asked for when a new date is given; then its reason is required. */
function checkDeadline(
  v: { newDeadline?: string; deadlineReason?: string },
  ctx: z.RefinementCtx,
  required: boolean,
) {
  const date = v.newDeadline ?? "";
  if (date === "" && !required) return;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) {
    ctx.addIssue({ code: "custom", path: ["newDeadline"], message: "Indiquez la nouvelle échéance (une date)." });
  }
  const reason = v.deadlineReason ?? "";
  if (reason.length === 0) {
    ctx.addIssue({ code: "custom", path: ["deadlineReason"], message: "Indiquez la raison du changement d'échéance : elle sera publiée sur la fiche." });
  } else if ([...reason].length < 5) {
    ctx.addIssue({ code: "custom", path: ["deadlineReason"], message: "La raison doit faire au moins 5 caractères." });
  } else if ([...reason].length > DEADLINE_REASON_MAX) {
    ctx.addIssue({ code: "custom", path: ["deadlineReason"], message: `La raison ne peut pas dépasser ${DEADLINE_REASON_MAX} caractères.` });
  }
}

export const postProgressReportSchema = z
  .object({
    actionSlug: z.string().trim().min(1, { error: "Choisissez une fiche action." }),
    /** Generated once per form render: the same form submitted twice records one report. */
    clientRequestId: z.string().trim().min(8).max(100),
    ...reportFields,
    ...deadlineFields,
  })
  .superRefine((v, ctx) => checkDeadline(v, ctx, false));
export type PostProgressReportInput = z.input<typeof postProgressReportSchema>;

export const correctProgressReportSchema = z.object({
  reportId: z.coerce.number().int().positive(),
  ...reportFields,
});
export type CorrectProgressReportInput = z.input<typeof correctProgressReportSchema>;

export const changeDeadlineSchema = z
  .object({
    actionSlug: z.string().trim().min(1, { error: "Choisissez une fiche action." }),
    ...deadlineFields,
  })
  .superRefine((v, ctx) => checkDeadline(v, ctx, true));
export type ChangeDeadlineInput = z.input<typeof changeDeadlineSchema>;

export const setActionOfficialsSchema = z.object({
  actionSlug: z.string().trim().min(1),
  userIds: z.array(z.coerce.number().int().positive()).max(20),
});
export type SetActionOfficialsInput = z.input<typeof setActionOfficialsSchema>;
