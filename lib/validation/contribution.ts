import { z } from "zod";
import { choice, id, requestId, slug, text } from "./fields";
import { plainText } from "./text";

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
  [z.object({ kind: z.literal("feedback"), position: positionSchema, ...common }), z.object({ kind: z.literal("proposal"), title: proposalTitle, ...common })],
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

export const rejectSchema = z.object({
  id: z.coerce.number().int().positive(),
  reason: plainText(5, REJECTION_REASON_MAX, "Indiquez la raison du refus : le conseil la lira.", "La raison"),
});
export type RejectInput = z.input<typeof rejectSchema>;

const idField = z.coerce.number().int().positive();
/** A council edits its item while it waits for moderation (same fields as the form, same rules; the fiche stays). */
export const editPendingSchema = z.discriminatedUnion(
  "kind",
  [
    z.object({ id: id("Contribution introuvable : rechargez la page."), kind: z.literal("feedback"), position: positionSchema, body: contributionBody }),
    z.object({ id: id("Contribution introuvable : rechargez la page."), kind: z.literal("proposal"), title: proposalTitle, body: contributionBody }),
  ],
  { error: incomplete },
);
export type EditPendingInput = z.input<typeof editPendingSchema>;
export type EditPendingData = z.output<typeof editPendingSchema>;

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
