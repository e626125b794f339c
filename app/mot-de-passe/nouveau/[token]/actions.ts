"use server";

import { passwordResetSchema } from "@/lib/validation/auth";
import { resetPassword } from "@/server/auth/password-reset";
import { publicFormAction } from "@/server/form-action";

/**
 * Sets a new password from a reset link. A public endpoint: the token (a hidden field, so in the
 * body of the POST) is the only credential, and the server layer checks it and the list of common
 * passwords. Neither the token nor the passwords are ever sent back to the browser.
 */
export const resetPasswordAction = publicFormAction({
  schema: passwordResetSchema,
  secret: ["token", "password", "confirmation"],
  run: (input, { db }) => resetPassword(db, input),
  // Every session was closed: sign in again, with the new password.
  done: () => "/connexion?motDePasse=change",
});
