import { z } from "zod";
import { emailSchema } from "./password";

/*
 * Administration inputs (users and councils). Each schema is used by its form's zodResolver and
 * re-parsed by the server function, so the browser and the server cannot disagree.
 */

/** An optional short text: trimmed, and empty means « not given » (null). */
const optionalText = (max: number, tooLong: string) =>
  z
    .string()
    .trim()
    .max(max, { error: tooLong })
    .nullish()
    .transform((v) => (v ? v : null));

const id = (what: string) => z.coerce.number({ error: `${what} invalide.` }).int({ error: `${what} invalide.` }).positive({ error: `${what} invalide.` });

export const REASON_MIN_LENGTH = 3;
export const REASON_MAX_LENGTH = 500;

/** Why a change is made: written to the journal with it. */
export const reasonSchema = z
  .string({ error: "Indiquez la raison : elle est inscrite au journal." })
  .trim()
  .min(REASON_MIN_LENGTH, { error: "Indiquez la raison (au moins 3 caractères) : elle est inscrite au journal." })
  .max(REASON_MAX_LENGTH, { error: `La raison ne peut pas dépasser ${REASON_MAX_LENGTH} caractères.` });

const optionalReason = optionalText(REASON_MAX_LENGTH, `La raison ne peut pas dépasser ${REASON_MAX_LENGTH} caractères.`);

const titleSchema = optionalText(200, "La fonction ne peut pas dépasser 200 caractères.");

/** The global roles, as three checkboxes. */
const rolesShape = {
  moderator: z.boolean({ error: "Valeur invalide." }),
  official: z.boolean({ error: "Valeur invalide." }),
  admin: z.boolean({ error: "Valeur invalide." }),
};

// ——— Users ———

export const USERS_PAGE_SIZE = 20;

/** The search form of the user list (a GET form: values arrive as strings from the URL). */
export const userSearchSchema = z.object({
  // A search box never fails: overlong text is cut, anything odd (a repeated parameter) is ignored.
  search: z
    .string()
    .trim()
    .nullish()
    .transform((v) => (v ?? "").slice(0, 100))
    .catch(""),
  page: z.coerce.number().int().min(1).max(10_000).catch(1).default(1),
});
export type UserSearchInput = z.input<typeof userSearchSchema>;

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
  userId: id("Personne"),
  ...rolesShape,
  title: titleSchema,
  reason: reasonSchema,
});
export type ChangeRolesInput = z.input<typeof changeRolesSchema>;
export type ChangeRolesData = z.output<typeof changeRolesSchema>;

/** Deactivation and reactivation: who, and why. */
export const userStatusSchema = z.object({
  userId: id("Personne"),
  reason: reasonSchema,
});
export type UserStatusInput = z.input<typeof userStatusSchema>;

// ——— Councils ———

/** A council's number, typed in a text field (« 7 ») or given as a number; empty means none. */
const councilNumberSchema = z
  .union([z.number(), z.string(), z.null()])
  .optional()
  .transform((v) => {
    if (v === undefined || v === null) return null;
    if (typeof v === "number") return v;
    const text = v.trim();
    return text === "" ? null : /^\d+$/.test(text) ? Number(text) : Number.NaN;
  })
  .pipe(
    z
      .number({ error: "Le numéro est un nombre entier entre 1 et 999." })
      .int({ error: "Le numéro est un nombre entier entre 1 et 999." })
      .min(1, { error: "Le numéro est un nombre entier entre 1 et 999." })
      .max(999, { error: "Le numéro est un nombre entier entre 1 et 999." })
      .nullable(),
  );

const councilFields = {
  name: z
    .string({ error: "Indiquez le nom du conseil." })
    .trim()
    .min(2, { error: "Le nom du conseil doit faire au moins 2 caractères." })
    .max(120, { error: "Le nom du conseil ne peut pas dépasser 120 caractères." }),
  number: councilNumberSchema,
  area: optionalText(120, "Le quartier ne peut pas dépasser 120 caractères."),
  description: optionalText(2000, "La description ne peut pas dépasser 2 000 caractères."),
};

export const createCouncilSchema = z.object({ ...councilFields, reason: optionalReason });
export type CreateCouncilInput = z.input<typeof createCouncilSchema>;
export type CreateCouncilData = z.output<typeof createCouncilSchema>;

export const updateCouncilSchema = z.object({ councilId: id("Conseil"), ...councilFields, reason: optionalReason });
export type UpdateCouncilInput = z.input<typeof updateCouncilSchema>;
export type UpdateCouncilData = z.output<typeof updateCouncilSchema>;

/** Archive and unarchive: which council, and why. */
export const councilArchiveSchema = z.object({ councilId: id("Conseil"), reason: reasonSchema });
export type CouncilArchiveInput = z.input<typeof councilArchiveSchema>;

/** Field errors of a failed parse, in the ActionResult shape. */
export function fieldErrorsOf(error: z.ZodError): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = issue.path.length > 0 ? issue.path.map(String).join(".") : "_form";
    (out[key] ??= []).push(issue.message);
  }
  return out;
}
