"use server";

import { z } from "zod";
import { getDb } from "@/server/db";
import { fail, type ActionResult } from "@/lib/action-result";
import { passwordResetSchema } from "@/lib/validation/auth";
import { resetPassword } from "@/server/auth/password-reset";

/**
 * Sets a new password from a reset link. A public endpoint: the token is the only credential,
 * and the server layer checks it, the password rule and the common-password list again.
 */
export async function resetPasswordAction(token: unknown, input: unknown): Promise<ActionResult> {
  const parsed = passwordResetSchema.safeParse(input);
  if (!parsed.success) {
    return fail("VALIDATION_FAILED", "Vérifiez le nouveau mot de passe.", z.flattenError(parsed.error).fieldErrors);
  }
  return resetPassword(await getDb(), typeof token === "string" ? token : "", parsed.data.password);
}
