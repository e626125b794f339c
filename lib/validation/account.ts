import { z } from "zod";
import { checkbox } from "./fields";
import { signInSchema } from "./auth";

/*
 * « Supprimer mon compte »: the person ticks that they understood it cannot be undone and types
 * their password again. The password (not the e-mail) because a session left open on a shared
 * computer must not be enough to erase someone's account, and it is what people expect from
 * other sites. Same password rule as the sign-in: the account's password is what it is.
 */
export const eraseOwnAccountSchema = z.object({
  password: signInSchema.shape.password,
  understood: checkbox().refine((ticked) => ticked, { error: "Cochez la case pour confirmer que vous avez compris." }),
});
export type EraseOwnAccountInput = z.input<typeof eraseOwnAccountSchema>;
export type EraseOwnAccountData = z.output<typeof eraseOwnAccountSchema>;
