import { z } from "zod";
import { checkbox, choice, id, optionalText, slug } from "./fields";
import { displayNameSchema, emailSchema, linkToken, newPasswordFields, passwordsMatch, PASSWORDS_DIFFER } from "./password";

/*
 * Inputs of the council spaces and invitations, as the forms send them (text, hidden fields):
 * the same schemas check the form in the browser and parse it, once, on the server.
 */
export const councilRoleSchema = choice(["member", "referent"], "Choisissez un rôle : membre ou référent·e.");

/** Why a membership changed, kept in the journal. Optional: absent or empty gives no reason. */
export const reasonSchema = optionalText({ max: 500, what: "La raison" }).optional();

const councilId = () => id("Conseil inconnu.");
const userId = () => id("Membre inconnu.");

export const councilInvitationSchema = z.object({
  councilId: councilId(),
  email: emailSchema,
  role: councilRoleSchema,
});
export type CouncilInvitationInput = z.input<typeof councilInvitationSchema>;
export type CouncilInvitationData = z.output<typeof councilInvitationSchema>;

export const revokeInvitationSchema = z.object({ invitationId: id("Invitation inconnue.") });
export type RevokeInvitationData = z.output<typeof revokeInvitationSchema>;
/** The council space's cancel button also carries the council's slug: the page to come back to, which says it is done. */
export const revokeCouncilInvitationFormSchema = revokeInvitationSchema.extend({ councilSlug: slug("Conseil inconnu.") });

/** What the invited person types: the name others will see and a password, twice; the link's token in a hidden field. */
const acceptInvitationFields = { token: linkToken(), displayName: displayNameSchema, ...newPasswordFields };
export const acceptInvitationSchema = z.object(acceptInvitationFields).refine(passwordsMatch, PASSWORDS_DIFFER);
export type AcceptInvitationInput = z.input<typeof acceptInvitationSchema>;
export type AcceptInvitationData = z.output<typeof acceptInvitationSchema>;

/**
 * The invitation form as the page sends it: plus who signs the new account in. A browser running
 * the page's JavaScript does it itself with the password just typed (`browser`); a form posted
 * before that (or without JavaScript) is sent on to the sign-in page (`page`, the default).
 */
export const acceptInvitationFormSchema = z
  .object({ ...acceptInvitationFields, signIn: z.enum(["page", "browser"]).catch("page") })
  .refine(passwordsMatch, PASSWORDS_DIFFER);

/** « Accepter l'invitation » when signed in with the invited address: only the link's token. */
export const acceptInvitationAsUserSchema = z.object({ token: linkToken() });
export type AcceptInvitationAsUserData = z.output<typeof acceptInvitationAsUserSchema>;

export const removeMemberSchema = z.object({
  councilId: councilId(),
  userId: userId(),
  reason: reasonSchema,
});
export type RemoveMemberInput = z.input<typeof removeMemberSchema>;
export type RemoveMemberData = z.output<typeof removeMemberSchema>;

/** The removal form also carries the council's slug: where to go once the member is out. */
export const removeMemberFormSchema = removeMemberSchema.extend({ councilSlug: slug("Conseil inconnu.") });

export const setMemberRoleSchema = z.object({
  councilId: councilId(),
  userId: userId(),
  role: councilRoleSchema,
  reason: reasonSchema,
});
export type SetMemberRoleInput = z.input<typeof setMemberRoleSchema>;
export type SetMemberRoleData = z.output<typeof setMemberRoleSchema>;

export const setNameVisibilitySchema = z.object({
  councilId: councilId(),
  visible: checkbox(),
});
export type SetNameVisibilityInput = z.input<typeof setNameVisibilitySchema>;
export type SetNameVisibilityData = z.output<typeof setNameVisibilitySchema>;
