import { z } from "zod";
import { countCharacters } from "./password";

/*
 * Inputs of contributions (avis and propositions) and their moderation. The forms use these with
 * zodResolver and the server parses them again. Lengths count characters as people count them.
 */
export const CONTRIBUTION_BODY_MAX = 5000;
export const CONTRIBUTION_TITLE_MAX = 150;
export const COMMENT_MAX = 2000;
export const REJECTION_REASON_MAX = 1000;

const text = (min: number, max: number, empty: string, what: string) =>
  z
    .string({ error: empty })
    .trim()
    .refine((v) => v.length > 0, { error: empty, abort: true })
    .refine((v) => countCharacters(v) >= min, { error: `${what} doit faire au moins ${min} caractères.` })
    .refine((v) => countCharacters(v) <= max, { error: `${what} ne peut pas dépasser ${max} caractères.` });

export const positionSchema = z.enum(["favorable", "favorable_with_reservations", "unfavorable"], {
  error: "Choisissez la position du conseil : favorable, favorable avec réserves ou défavorable.",
});

const common = {
  councilId: z.coerce.number({ error: "Choisissez un conseil." }).int().positive({ error: "Choisissez un conseil." }),
  actionSlug: z.string({ error: "Choisissez une fiche action." }).trim().min(1, { error: "Choisissez une fiche action." }),
  body: text(10, CONTRIBUTION_BODY_MAX, "Écrivez le texte de la contribution.", "Le texte"),
  /** Generated once per form render: a form submitted twice creates one contribution. */
  clientRequestId: z.string().trim().min(8).max(100),
};

export const contributionSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("feedback"), position: positionSchema, ...common }),
  z.object({ kind: z.literal("proposal"), title: text(3, CONTRIBUTION_TITLE_MAX, "Donnez un titre à la proposition.", "Le titre"), ...common }),
]);
export type ContributionInput = z.input<typeof contributionSchema>;

export const commentSchema = z.object({
  contributionId: z.coerce.number().int().positive(),
  body: text(1, COMMENT_MAX, "Écrivez votre commentaire.", "Le commentaire"),
});
export type CommentInput = z.input<typeof commentSchema>;

export const rejectSchema = z.object({
  id: z.coerce.number().int().positive(),
  reason: text(5, REJECTION_REASON_MAX, "Indiquez la raison du refus : le conseil la lira.", "La raison"),
});
export type RejectInput = z.input<typeof rejectSchema>;

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
