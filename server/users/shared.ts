import "server-only";
import { and, asc, eq, isNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { users } from "@/db/schema";

export const LAST_ADMIN_MESSAGE =
  "Impossible : le site doit toujours garder au moins un·e administrateur·rice actif·ve. Nommez d'abord une autre personne administratrice.";

/**
 * Locks the row of every active administrator, in id order (two transactions that both lock them
 * never deadlock), and returns their ids. A transaction that may remove an admin calls this first:
 * a concurrent one waits, then sees the committed state — so two admins demoting each other at the
 * same time cannot both succeed.
 */
export async function lockActiveAdmins(tx: Db): Promise<number[]> {
  const rows = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.isAdmin, true), isNull(users.deactivatedAt)))
    .orderBy(asc(users.id))
    .for("update");
  return rows.map((r) => r.id);
}

/** The roles as stored, in the shape the audit log keeps (before/after). */
export interface GlobalRoles {
  moderator: boolean;
  official: boolean;
  admin: boolean;
}

/** Escapes LIKE wildcards in user input. */
export const likeEscape = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);
