import { z } from "zod";
import { plainText } from "./text";

/*
 * Inputs of contributions (avis and propositions) and their moderation. The forms use these with
 * zodResolver and the server parses them again. Lengths count characters as people count them.
 */
export const CONTRIBUTION_BODY_MAX = 5000;
export const CONTRIBUTION_TITLE_MAX = 150;
export const COMMENT_MAX = 2000;
export const REJECTION_REASON_MAX = 1000;


export const positionSchema = z.enum(["favorable", "favorable_with_reservations", "unfavorable"], {
  error: "Choisissez la position du conseil : favorable, favorable avec réserves ou défavorable.",
});

const common = {
  councilId: z.coerce.number({ error: "Choisissez un conseil." }).int().positive({ error: "Choisissez un conseil." }),
  actionSlug: z.string({ error: "Choisissez une fiche action." }).trim().min(1, { error: "Choisissez une fiche action." }),
  body: plainText(10, CONTRIBUTION_BODY_MAX, "Écrivez le texte de la contribution.", "Le texte"),
  /** Generated once per form render: a form submitted twice creates one contribution. */
  clientRequestId: z.string().trim().min(8).max(100),
};

export const contributionSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("feedback"), position: positionSchema, ...common }),
  z.object({ kind: z.literal("proposal"), title: plainText(3, CONTRIBUTION_TITLE_MAX, "Donnez un titre à la proposition.", "Le titre"), ...common }),
]);
export type ContributionInput = z.input<typeof contributionSchema>;

export const commentSchema = z.object({
  contributionId: z.coerce.number().int().positive(),
  body: plainText(1, COMMENT_MAX, "Écrivez votre commentaire.", "Le commentaire"),
});
export type CommentInput = z.input<typeof commentSchema>;

export const rejectSchema = z.object({
  id: z.coerce.number().int().positive(),
  reason: plainText(5, REJECTION_REASON_MAX, "Indiquez la raison du refus : le conseil la lira.", "La raison"),
});
export type RejectInput = z.input<typeof rejectSchema>;

/** A council edits its item while it waits for moderation (same fields as the form, same rules). */
const bodyField = plainText(10, CONTRIBUTION_BODY_MAX, "Écrivez le texte de la contribution.", "Le texte");
const idField = z.coerce.number().int().positive();
export const editPendingSchema = z.discriminatedUnion("kind", [
  z.object({ id: idField, kind: z.literal("feedback"), position: positionSchema, body: bodyField }),
  z.object({ id: idField, kind: z.literal("proposal"), title: plainText(3, CONTRIBUTION_TITLE_MAX, "Donnez un titre à la proposition.", "Le titre"), body: bodyField }),
]);
export type EditPendingInput = z.input<typeof editPendingSchema>;

export const HIDING_REASON_MAX = REJECTION_REASON_MAX;
export const hideSchema = z.object({
  id: idField,
  reason: plainText(5, HIDING_REASON_MAX, "Indiquez la raison du masquage : elle est inscrite au journal et le conseil la lira.", "La raison"),
});
export type HideInput = z.input<typeof hideSchema>;

/** Reject or hide with a reason template: the server adds the template's text to the free text. */
export const templateIdSchema = z.union([z.literal(""), z.coerce.number().int().positive()]).optional();

export const bulkDecisionSchema = z.object({
  ids: z.array(idField, { error: "Cochez au moins une contribution." }).min(1, { error: "Cochez au moins une contribution." }).max(200, { error: "200 contributions au plus à la fois." }),
  decision: z.enum(["published", "rejected"]),
});

export const REPORT_REASON_MAX = 1000;
export const reportSchema = z.object({
  id: idField,
  reason: plainText(5, REPORT_REASON_MAX, "Dites en quelques mots ce qui pose problème.", "La raison du signalement"),
});
export type ReportInput = z.input<typeof reportSchema>;

export const TEMPLATE_LABEL_MAX = 100;
export const reasonTemplateSchema = z.object({
  label: plainText(2, TEMPLATE_LABEL_MAX, "Donnez un nom court au motif.", "Le nom"),
  body: plainText(5, REJECTION_REASON_MAX, "Écrivez le texte du motif.", "Le texte"),
});
export type ReasonTemplateInput = z.input<typeof reasonTemplateSchema>;

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
