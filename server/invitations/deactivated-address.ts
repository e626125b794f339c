import "server-only";
import { and, eq, isNotNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { users } from "@/db/schema";
import { fail, type ActionResult } from "@/lib/action-result";

/*
 * An invitation to the address of a deactivated account would tell the person to sign in, which
 * they cannot. The inviter is told what to do instead, and nothing is sent. This tells a referent
 * that the address has a deactivated account — less than the confusion it saves, and the only case
 * where an invitation's answer depends on an account (an active one stays indistinguishable).
 */
export async function refuseDeactivatedAddress(db: Db, email: string, inviterIsAdmin: boolean): Promise<ActionResult<never> | null> {
  const [account] = await db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.email, email.trim().toLowerCase()), isNotNull(users.deactivatedAt)));
  if (!account) return null;
  return fail(
    "CONFLICT",
    inviterIsAdmin
      ? `Cette adresse est celle d'un compte désactivé : au lieu de l'inviter, réactivez ce compte depuis sa fiche (Utilisateurs et rôles, /admin/utilisateurs/${account.id}), puis donnez-lui ses rôles ou invitez-le de nouveau.`
      : "Cette adresse est celle d'un compte que la Ville a désactivé : la personne ne pourrait pas se connecter. Demandez à la Ville de réactiver son compte, puis invitez-la de nouveau.",
  );
}
