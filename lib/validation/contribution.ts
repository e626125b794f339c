import { z } from "zod";
import { checkbox, choice, day, id, list, optionalId, optionalText, requestId, slug, text } from "./fields";
import { receipts } from "../paper-contribution";
import { returnFilters } from "./moderation-filters";

/*
 * Inputs of contributions (avis and propositions) and their moderation. Each schema reads the raw
 * values of its form (text, hidden inputs) and gives typed data: the server action parses once
 * (server/form-action.ts), the form checks with the same schema in the browser. Lengths count
 * characters as people count them.
 */
export const CONTRIBUTION_BODY_MAX = 5000;
export const CONTRIBUTION_TITLE_MAX = 150;
export const COMMENT_MAX = 2000;
export const REJECTION_REASON_MAX = 1000;

export const positions = ["favorable", "favorable_with_reservations", "unfavorable"] as const;
export type Position = (typeof positions)[number];
export const positionSchema = choice(positions, "Choisissez la position du conseil : favorable, favorable avec réserves ou défavorable.");

/** The hidden inputs of a form that was not the one the page gave (a stale page, a crafted post). */
const incomplete = "Ce formulaire est incomplet : rechargez la page.";

const contributionBody = text({ min: 10, max: CONTRIBUTION_BODY_MAX, empty: "Écrivez le texte de la contribution.", what: "Le texte" });
const proposalTitle = text({ min: 3, max: CONTRIBUTION_TITLE_MAX, empty: "Donnez un titre à la proposition.", what: "Le titre" });

const common = {
  councilId: id("Conseil inconnu : rechargez la page."),
  actionSlug: slug("Choisissez une fiche action."),
  body: contributionBody,
  /** Generated once per form render: a form submitted twice creates one contribution. */
  clientRequestId: requestId(),
};

/** A new avis or proposition. `kind` is a hidden input of the form, as the council and the request id. */
export const contributionSchema = z.discriminatedUnion(
  "kind",
  [
    z.object({ kind: z.literal("feedback"), position: positionSchema, ...common }),
    z.object({ kind: z.literal("proposal"), title: proposalTitle, ...common }),
  ],
  { error: incomplete },
);
export type ContributionInput = z.input<typeof contributionSchema>;
export type ContributionData = z.output<typeof contributionSchema>;

export const commentSchema = z.object({
  contributionId: id("Brouillon introuvable : rechargez la page."),
  body: text({ max: COMMENT_MAX, empty: "Écrivez votre commentaire.", what: "Le commentaire" }),
});
export type CommentInput = z.input<typeof commentSchema>;
export type CommentData = z.output<typeof commentSchema>;

/** One button on an item of the council: submit a draft to moderation, or take a pending item back. */
export const contributionStepSchema = z.object({ id: id("Contribution introuvable : rechargez la page.") });
export type ContributionStepData = z.output<typeof contributionStepSchema>;

/*
 * Moderation: a reason is typed, or starts from a reason template (its text first, then the typed
 * text: see composeReason). Without a template the typed text follows the reason's rule here; with
 * one, the server checks the composed reason against the same rule.
 */
const REASON_MIN = 5;
export const rejectionReasonRule = text({
  min: REASON_MIN,
  max: REJECTION_REASON_MAX,
  empty: "Indiquez la raison du refus : le conseil la lira.",
  what: "La raison",
});
const contributionId = () => id("Contribution introuvable.");
const typedReason = (max: number) => optionalText({ max, what: "La raison" });

/** Reject or hide with a reason template: the id of an active template, or nothing. */
export const templateIdSchema = optionalId("Ce motif n'est plus proposé : choisissez-en un autre, ou écrivez la raison.");

/** The typed reason is required unless a template is chosen (checked once every field passed). */
const reasonUnlessTemplate =
  (rule: z.ZodType<string, unknown>) => (data: { templateId: number | null; reason: string | null }, ctx: z.RefinementCtx) => {
    if (data.templateId !== null) return;
    const checked = rule.safeParse(data.reason ?? "");
    if (!checked.success)
      for (const issue of checked.error.issues) ctx.addIssue({ code: "custom", path: ["reason"], message: issue.message });
  };

const noIssueYet = (payload: { issues: readonly unknown[] }) => payload.issues.length === 0;

/**
 * The version of the text the moderator read (a hidden field): "" when the council never edited
 * it (null), otherwise the time of its last edit. Absent: no check (a bulk decision).
 */
const seenVersion = () =>
  z
    .string()
    .trim()
    .max(40)
    .transform((value, ctx) => {
      if (value === "") return null;
      const seen = new Date(value);
      if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?Z$/.test(value) || Number.isNaN(seen.getTime())) {
        ctx.addIssue({ code: "custom", message: "Ce formulaire est incomplet : rechargez la page." });
        return z.NEVER;
      }
      return seen;
    })
    .optional();

export const approveSchema = z.object({ id: contributionId(), version: seenVersion(), filtres: returnFilters() });
export type ApproveInput = z.input<typeof approveSchema>;
export type ApproveData = z.output<typeof approveSchema>;

export const rejectSchema = z
  .object({
    id: contributionId(),
    version: seenVersion(),
    templateId: templateIdSchema,
    reason: typedReason(REJECTION_REASON_MAX),
    filtres: returnFilters(),
  })
  .superRefine(reasonUnlessTemplate(rejectionReasonRule), { when: noIssueYet });
export type RejectInput = z.input<typeof rejectSchema>;
export type RejectData = z.output<typeof rejectSchema>;

/** A council edits its item while it waits for moderation (same fields as the form, same rules; the fiche stays). */
export const editPendingSchema = z.discriminatedUnion(
  "kind",
  [
    z.object({
      id: id("Contribution introuvable : rechargez la page."),
      kind: z.literal("feedback"),
      position: positionSchema,
      body: contributionBody,
    }),
    z.object({
      id: id("Contribution introuvable : rechargez la page."),
      kind: z.literal("proposal"),
      title: proposalTitle,
      body: contributionBody,
    }),
  ],
  { error: incomplete },
);
export type EditPendingInput = z.input<typeof editPendingSchema>;
export type EditPendingData = z.output<typeof editPendingSchema>;

export const HIDING_REASON_MAX = REJECTION_REASON_MAX;
export const hidingReasonRule = text({
  min: REASON_MIN,
  max: HIDING_REASON_MAX,
  empty: "Indiquez la raison du masquage : elle est inscrite au journal et le conseil la lira.",
  what: "La raison",
});
export const hideSchema = z
  .object({
    id: contributionId(),
    templateId: templateIdSchema,
    reason: typedReason(HIDING_REASON_MAX),
    /** From the reports tab: only while its reports are still open. */
    fromReports: checkbox(),
    filtres: returnFilters(),
  })
  .superRefine(reasonUnlessTemplate(hidingReasonRule), { when: noIssueYet });
export type HideInput = z.input<typeof hideSchema>;
export type HideData = z.output<typeof hideSchema>;

/** « Approuver la sélection » / « Refuser la sélection »: the ticked items, and the button pressed. */
export const BULK_MAX = 200;
export const bulkDecisionSchema = z
  .object({
    ids: list(contributionId(), { max: BULK_MAX, tooMany: `${BULK_MAX} contributions au plus à la fois.` }),
    decision: choice(["published", "rejected"], "Choisissez : approuver ou refuser la sélection."),
    templateId: templateIdSchema,
    reason: typedReason(REJECTION_REASON_MAX),
    filtres: returnFilters(),
  })
  .superRefine(
    (data, ctx) => {
      if (data.ids.length === 0) ctx.addIssue({ code: "custom", path: ["ids"], message: "Cochez au moins une contribution." });
      if (data.decision === "rejected") reasonUnlessTemplate(rejectionReasonRule)(data, ctx);
    },
    { when: noIssueYet },
  );
export type BulkDecisionInput = z.input<typeof bulkDecisionSchema>;
export type BulkDecisionData = z.output<typeof bulkDecisionSchema>;

/** « Garder publié » / « Republier » an item with open reports. */
export const keepSchema = z.object({ id: contributionId() });
export type KeepData = z.output<typeof keepSchema>;

export const REPORT_REASON_MAX = 1000;
export const reportSchema = z.object({
  id: contributionId(),
  reason: text({
    min: REASON_MIN,
    max: REPORT_REASON_MAX,
    empty: "Dites en quelques mots ce qui pose problème.",
    what: "La raison du signalement",
  }),
});
export type ReportInput = z.input<typeof reportSchema>;
export type ReportData = z.output<typeof reportSchema>;

export const TEMPLATE_LABEL_MAX = 100;
export const reasonTemplateSchema = z.object({
  label: text({ min: 2, max: TEMPLATE_LABEL_MAX, empty: "Donnez un nom court au motif.", what: "Le nom" }),
  body: text({ min: REASON_MIN, max: REJECTION_REASON_MAX, empty: "Écrivez le texte du motif.", what: "Le texte" }),
});
export type ReasonTemplateInput = z.input<typeof reasonTemplateSchema>;
export type ReasonTemplateData = z.output<typeof reasonTemplateSchema>;

export const reasonTemplateUpdateSchema = reasonTemplateSchema.extend({ id: id("Motif introuvable.") });
export type ReasonTemplateUpdateData = z.output<typeof reasonTemplateUpdateSchema>;

/** Archive a template (`archived` ticked) or offer it again. */
export const templateArchiveSchema = z.object({ id: id("Motif introuvable."), archived: checkbox() });
export type TemplateArchiveData = z.output<typeof templateArchiveSchema>;

/** A council supports another council's published proposal (the form has one button per council). */
export const supportSchema = z.object({
  contributionId: id("Proposition introuvable : rechargez la page."),
  councilId: id("Choisissez un conseil."),
});
export type SupportInput = z.input<typeof supportSchema>;
export type SupportData = z.output<typeof supportSchema>;

export const positionLabels = {
  favorable: "Favorable",
  favorable_with_reservations: "Favorable avec réserves",
  unfavorable: "Défavorable",
} as const;

export const kindLabels = { feedback: "Avis", proposal: "Proposition" } as const;

export const statusLabels = {
  draft: "Brouillon",
  pending: "En attente de modération",
  published: "Publié",
  rejected: "Refusé",
  hidden: "Masqué",
} as const;

/*
 * A contribution received on paper, by mail or said in a meeting, recorded by a moderator for a
 * council: the same fields as the council's form, and its provenance. The scan is a file: it is
 * not in this schema (a form's text values only) but read by the server action and checked by
 * the server function (lib/paper-contribution.ts).
 */
export const WRITTEN_AUTHOR_NAME_MAX = 120;
const provenance = {
  receivedVia: choice(receipts, "Indiquez comment la contribution est arrivée : sur papier, par courrier ou en réunion."),
  receivedOn: day("Indiquez la date de réception."),
  writtenAuthorName: optionalText({ max: WRITTEN_AUTHOR_NAME_MAX, what: "Le nom de l'auteur" }),
};
export const paperContributionSchema = z.discriminatedUnion(
  "kind",
  [
    z.object({ kind: z.literal("feedback"), position: positionSchema, ...common, ...provenance }),
    z.object({ kind: z.literal("proposal"), title: proposalTitle, ...common, ...provenance }),
  ],
  { error: incomplete },
);
export type PaperContributionInput = z.input<typeof paperContributionSchema>;
export type PaperContributionData = z.output<typeof paperContributionSchema>;
