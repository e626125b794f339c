"use server";

import { after } from "next/server";
import { passwordResetRequestSchema } from "@/lib/validation/auth";
import { requestPasswordReset } from "@/server/auth/password-reset";
import { publicFormAction } from "@/server/form-action";

/**
 * « Mot de passe oublié ». A public endpoint: anyone may call it with anything. The answer is the
 * same whether the address has an account or not, and the mail goes out after the answer
 * (`after`), so the time taken does not tell either.
 */
export const requestPasswordResetAction = publicFormAction({
  schema: passwordResetRequestSchema,
  run: (input, { db }) => requestPasswordReset(db, input, { schedule: (task) => after(task) }),
});
