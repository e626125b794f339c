import { z } from "zod";
import { actionStatuses } from "../labels";
import { checkbox, day, id, list, optionalText, requestId, slug, text } from "./fields";

/*
 * Forms of a fiche's progress (staff and officials in charge): a point d'étape, its correction
 * within 24 hours, a change of deadline (always with a reason), the officials in charge. Each
 * schema reads the form's raw values (text, ticked boxes) and gives typed data; the browser and
 * the server parse with the same one.
 */
export const REPORT_BODY_MAX = 10_000;
export const REPORT_TITLE_MAX = 200;
export const DEADLINE_REASON_MIN = 5;
export const DEADLINE_REASON_MAX = 1000;
export const TIMEFRAME_LABEL_MAX = 100;
export const OFFICIALS_MAX = 20;

const ficheSlug = slug("Fiche action inconnue : rechargez la page.");

/** The « Inchangé » option ("") gives null. */
const statusField = z.preprocess(
  (value) => (value === "" || value === undefined || value === null ? null : value),
  z.enum(actionStatuses, { error: "Statut inconnu : choisissez un statut de la liste." }).nullable(),
);

const PROGRESS_MESSAGE = "L'avancement est un nombre entier entre 0 et 100.";

/** A percentage typed in a text box (« 40 », « 40 % »); empty gives null (« inchangé »). */
const progressField = z.preprocess(
  (value) => (value === undefined || value === null ? "" : value),
  z
    .string({ error: PROGRESS_MESSAGE })
    .trim()
    .transform((value, ctx) => {
      if (value === "") return null;
      const match = /^(\d{1,3})\s*%?$/.exec(value);
      const n = match ? Number(match[1]) : NaN;
      if (!(n >= 0 && n <= 100)) {
        ctx.addIssue({ code: "custom", message: PROGRESS_MESSAGE });
        return z.NEVER;
      }
      return n;
    }),
);

const reportFields = {
  reportedOn: day("Indiquez la date du point d'étape."),
  title: text({ max: REPORT_TITLE_MAX, empty: "Donnez un titre au point d'étape.", what: "Le titre" }),
  body: text({ max: REPORT_BODY_MAX, empty: "Écrivez ce qui a été fait.", what: "Le texte" }),
  status: statusField,
  progress: progressField,
};

/*
 * A new deadline: a real day, its wording (optional: « fin » and the month), a public reason. Its
 * fields are named `deadline.date`, `deadline.label`, `deadline.reason` (and `deadline.move`, the
 * box of the report form): a group of its own, checked even when another field of the form is
 * wrong, so that every message shows at once.
 */
const deadlineFields = {
  date: day("Indiquez la nouvelle échéance (une date)."),
  label: optionalText({ max: TIMEFRAME_LABEL_MAX, what: "L'échéance en mots" }),
  reason: text({
    min: DEADLINE_REASON_MIN,
    max: DEADLINE_REASON_MAX,
    empty: "Indiquez la raison du changement d'échéance : elle sera publiée sur la fiche.",
    what: "La raison",
  }),
};
// Absent fields read as empty ones, so each gets its own message.
const INCOMPLETE = "Ce formulaire est incomplet : rechargez la page.";
const deadlineChangeSchema = z.object(deadlineFields, { error: INCOMPLETE }).prefault({ date: "", label: "", reason: "" });
export type DeadlineChangeData = z.output<typeof deadlineChangeSchema>;

/**
 * The report form's deadline: read only when « change aussi l'échéance » is ticked (a box
 * unticked after typing an odd date is no error); null otherwise.
 */
const optionalDeadlineChange = z
  .object(
    { move: checkbox(), date: z.unknown().optional(), label: z.unknown().optional(), reason: z.unknown().optional() },
    { error: INCOMPLETE },
  )
  .superRefine(({ move, ...change }, ctx) => {
    if (!move) return;
    const parsed = deadlineChangeSchema.safeParse(change);
    for (const issue of parsed.error?.issues ?? []) ctx.addIssue({ code: "custom", path: issue.path, message: issue.message });
  })
  .transform(({ move, ...change }) => (move ? deadlineChangeSchema.parse(change) : null))
  .prefault({ move: "", date: "", label: "", reason: "" });

/** A point d'étape, and a new deadline when asked. */
export const postProgressReportSchema = z.object({
  actionSlug: ficheSlug,
  /** Generated once per form render: the same form submitted twice records one report. */
  clientRequestId: requestId(),
  ...reportFields,
  deadline: optionalDeadlineChange,
});
export type PostProgressReportInput = z.input<typeof postProgressReportSchema>;
export type PostProgressReportData = z.output<typeof postProgressReportSchema>;

export const correctProgressReportSchema = z.object({
  reportId: id("Point d'étape inconnu : rechargez la page."),
  ...reportFields,
});
export type CorrectProgressReportInput = z.input<typeof correctProgressReportSchema>;
export type CorrectProgressReportData = z.output<typeof correctProgressReportSchema>;

export const changeDeadlineSchema = z.object({ actionSlug: ficheSlug, deadline: deadlineChangeSchema });
export type ChangeDeadlineInput = z.input<typeof changeDeadlineSchema>;
export type ChangeDeadlineData = z.output<typeof changeDeadlineSchema>;

export const setActionOfficialsSchema = z.object({
  actionSlug: ficheSlug,
  // In the browser, a group of one checkbox left unticked reads `false`: nobody is chosen.
  userIds: z.preprocess(
    (value) => (value === false ? [] : value),
    list(id("Choisissez parmi les élu·e·s de la liste."), { max: OFFICIALS_MAX, tooMany: `Choisissez au plus ${OFFICIALS_MAX} élu·e·s.` }),
  ),
});
export type SetActionOfficialsInput = z.input<typeof setActionOfficialsSchema>;
export type SetActionOfficialsData = z.output<typeof setActionOfficialsSchema>;
