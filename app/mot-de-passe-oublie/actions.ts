"use server";

import { after } from "next/server";
import { z } from "zod";
import { getDb } from "@/server/db";
import { fail, type ActionResult } from "@/lib/action-result";
import { passwordResetRequestSchema } from "@/lib/validation/auth";
import { requestPasswordReset } from "@/server/auth/password-reset";

/**
 * « Mot de passe oublié ». A public endpoint: anyone may call it with anything. The answer is the
 * same whether the address has an account or not, and the mail goes out after the answer
 * (`after`), so the time taken does not tell either.
 */
export async function requestPasswordResetAction(input: unknown): Promise<ActionResult> {
  const parsed = passwordResetRequestSchema.safeParse(input);
  if (!parsed.success) {
    return fail("VALIDATION_FAILED", "Vérifiez l'adresse électronique.", z.flattenError(parsed.error).fieldErrors);
  }
  return requestPasswordReset(await getDb(), parsed.data.email, { schedule: (task) => after(task) });
}
