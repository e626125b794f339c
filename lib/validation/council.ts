import { z } from "zod";
import { displayNameSchema, emailSchema, newPasswordSchema } from "./password";

/*
 * Inputs of the council spaces and invitations. The forms use these with zodResolver and the
 * server parses them again: the client is never trusted.
 */
export const councilRoleSchema = z.enum(["member", "referent"], { error: "Choisissez un rôle : membre ou référent·e." });

/** Why a membership changed, kept in the journal. Optional. */
export const reasonSchema = z
  .string()
  .trim()
  .max(500, { error: "La raison ne peut pas dépasser 500 caractères." })
  .optional()
  .transform((v) => (v ? v : undefined));

export const councilInvitationSchema = z.object({
  email: emailSchema,
  role: councilRoleSchema,
});
export type CouncilInvitationInput = z.input<typeof councilInvitationSchema>;

/** What the invited person types: the name others will see and a password, twice. */
export const acceptInvitationSchema = z
  .object({ displayName: displayNameSchema })
  .and(newPasswordSchema);
export type AcceptInvitationInput = z.input<typeof acceptInvitationSchema>;

export const removeMemberSchema = z.object({
  councilId: z.number().int().positive(),
  userId: z.number().int().positive(),
  reason: reasonSchema,
});
export type RemoveMemberInput = z.input<typeof removeMemberSchema>;

export const setMemberRoleSchema = z.object({
  councilId: z.number().int().positive(),
  userId: z.number().int().positive(),
  role: councilRoleSchema,
  reason: reasonSchema,
});
export type SetMemberRoleInput = z.input<typeof setMemberRoleSchema>;

export const setNameVisibilitySchema = z.object({
  councilId: z.number().int().positive(),
  visible: z.boolean(),
});
export type SetNameVisibilityInput = z.input<typeof setNameVisibilitySchema>;
