import { z } from "zod";
import { checkbox, choice, id, optionalText, pageNumber, searchText, text } from "./fields";
import { emailSchema } from "./password";
import { setMemberRoleSchema } from "./council";

/*
 * Administration inputs (users and councils). Each schema reads the raw values of its form (text,
 * ticked boxes) once, on the server through formAction and in the browser through the form's
 * resolver, and gives the typed data the server functions take.
 */

export const REASON_MIN_LENGTH = 3;
export const REASON_MAX_LENGTH = 500;

/** Why a change is made: written to the journal with it. */
const reasonSchema = text({
  min: REASON_MIN_LENGTH,
  max: REASON_MAX_LENGTH,
  empty: "Indiquez la raison : elle est inscrite au journal.",
  what: "La raison",
});

const optionalReason = optionalText({ max: REASON_MAX_LENGTH, what: "La raison" });

const titleSchema = optionalText({ max: 200, what: "La fonction" });

/** The global roles, as three checkboxes. */
const rolesShape = {
  moderator: checkbox(),
  official: checkbox(),
  admin: checkbox(),
};

const userId = id("Personne inconnue : rechargez la page.");
const councilId = id("Conseil inconnu : rechargez la page.");

// ——— Users ———

export const USERS_PAGE_SIZE = 20;

/** The search form of the user list (a GET form: values arrive as text from the URL and never fail). */
export const userSearchSchema = z.object({
  search: searchText(100),
  page: pageNumber(10_000),
});
/** Any of them may be absent from the URL. */
export type UserSearchInput = Partial<z.input<typeof userSearchSchema>>;

export const inviteStaffSchema = z
  .object({
    email: emailSchema,
    ...rolesShape,
    title: titleSchema,
  })
  .refine((v) => v.moderator || v.official || v.admin, {
    path: ["roles"],
    error: "Cochez au moins un rôle : modération, élu·e ou administration.",
    // Checked even when another field is wrong, so every message shows at once.
    when: (payload) => {
      const v = payload.value as Record<string, unknown> | null;
      return typeof v === "object" && v !== null && ["moderator", "official", "admin"].every((k) => typeof v[k] === "boolean");
    },
  });
export type InviteStaffInput = z.input<typeof inviteStaffSchema>;
export type InviteStaffData = z.output<typeof inviteStaffSchema>;

export const changeRolesSchema = z.object({
  userId,
  ...rolesShape,
  title: titleSchema,
  reason: reasonSchema,
});
export type ChangeRolesInput = z.input<typeof changeRolesSchema>;
export type ChangeRolesData = z.output<typeof changeRolesSchema>;

/** Deactivation and reactivation: who, and why. */
export const userStatusSchema = z.object({ userId, reason: reasonSchema });
export type UserStatusData = z.output<typeof userStatusSchema>;

/**
 * The account's form: the same, and which way. One form (and one action) for both ways, so its
 * answer stays on screen when the page switches from one to the other — also without JavaScript.
 */
export const userStatusFormSchema = userStatusSchema.extend({
  change: choice(["deactivate", "reactivate"], "Action inconnue : rechargez la page."),
});
export type UserStatusFormInput = z.input<typeof userStatusFormSchema>;

/**
 * Erasure of someone's account on their request (RGPD art. 17): who, why (journaled), and a box
 * ticked because it cannot be undone.
 */
export const userEraseSchema = z.object({
  userId,
  reason: reasonSchema,
  understood: checkbox().refine((ticked) => ticked, { error: "Cochez la case pour confirmer : l'effacement est définitif." }),
});
export type UserEraseInput = z.input<typeof userEraseSchema>;
export type UserEraseData = z.output<typeof userEraseSchema>;

/**
 * Before deactivating a council's only referent: which member takes over (the council spaces' role
 * change), sent from the page of the person (`fromUserId`) whose account is to be deactivated.
 */
export const handOverReferentSchema = setMemberRoleSchema.extend({ fromUserId: userId });
export type HandOverReferentInput = z.input<typeof handOverReferentSchema>;

// ——— Councils ———

const COUNCIL_NUMBER_MESSAGE = "Le numéro est un nombre entier entre 1 et 999.";

/** A council's number, typed in a text box (« 7 »); empty means none. */
const councilNumberSchema = z.preprocess(
  (value) => (typeof value === "number" ? String(value) : value === undefined || value === null ? "" : value),
  z.string({ error: COUNCIL_NUMBER_MESSAGE }).transform((raw, ctx) => {
    const v = raw.replace(/\s/g, "");
    if (v === "") return null;
    const n = /^\d{1,12}$/.test(v) ? Number(v) : Number.NaN;
    if (!(n >= 1 && n <= 999)) {
      ctx.addIssue({ code: "custom", message: COUNCIL_NUMBER_MESSAGE });
      return z.NEVER;
    }
    return n;
  }),
);

const councilFields = {
  name: text({ min: 2, max: 120, empty: "Indiquez le nom du conseil.", what: "Le nom du conseil" }),
  number: councilNumberSchema,
  area: optionalText({ max: 120, what: "Le quartier" }),
  description: optionalText({ max: 2000, what: "La description" }),
};

export const createCouncilSchema = z.object({ ...councilFields, reason: optionalReason });
export type CreateCouncilInput = z.input<typeof createCouncilSchema>;
export type CreateCouncilData = z.output<typeof createCouncilSchema>;

export const updateCouncilSchema = z.object({ councilId, ...councilFields, reason: optionalReason });
export type UpdateCouncilInput = z.input<typeof updateCouncilSchema>;
export type UpdateCouncilData = z.output<typeof updateCouncilSchema>;

/** Archive and unarchive: which council, and why. */
export const councilArchiveSchema = z.object({ councilId, reason: reasonSchema });
export type CouncilArchiveData = z.output<typeof councilArchiveSchema>;

/** The archiving form: the same, and which way (one form for both, like the account's). */
export const councilArchiveFormSchema = councilArchiveSchema.extend({
  change: choice(["archive", "unarchive"], "Action inconnue : rechargez la page."),
});
export type CouncilArchiveFormInput = z.input<typeof councilArchiveFormSchema>;
