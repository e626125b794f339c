import "server-only";
import { eq, sql } from "drizzle-orm";
import type { PgColumn } from "drizzle-orm/pg-core";
import type { Db } from "@/db/client";
import { platformSettings } from "@/db/schema";
import { ok, type ActionResult } from "@/lib/action-result";
import { writeAudit } from "@/server/audit";

type Value = string | number | null;

/**
 * Saves some columns of the platform's single settings row, with the values before and after of
 * the ones that changed in one journal row (same transaction); nothing changed, nothing written.
 * The row is locked, so two admins saving at once are journaled one after the other with true
 * « before » values. The caller has checked the permission.
 */
export async function saveSettings<T extends Record<string, Value>>(
  db: Db,
  actorId: number,
  { action, columns, after }: { action: string; columns: { [K in keyof T]: PgColumn }; after: T },
): Promise<ActionResult<T & { changed: boolean }>> {
  return db.transaction(async (tx) => {
    // The migration creates the row; recreate it with the columns' defaults if someone removed it.
    await tx.insert(platformSettings).values({ id: true }).onConflictDoNothing();
    const [current] = (await tx.select(columns).from(platformSettings).for("update")) as unknown as T[];
    const fields = Object.keys(columns) as (keyof T & string)[];
    const changed = fields.filter((f) => current![f] !== after[f]);
    if (changed.length === 0) return ok({ ...after, changed: false }, "Rien n'a changé.");
    await tx
      .update(platformSettings)
      .set({ ...after, updatedAt: sql`now()` })
      .where(eq(platformSettings.id, true));
    await writeAudit(tx, {
      actorUserId: actorId,
      action,
      targetType: "platform_settings",
      details: {
        before: Object.fromEntries(changed.map((f) => [f, current![f]])),
        after: Object.fromEntries(changed.map((f) => [f, after[f]])),
      },
    });
    return ok({ ...after, changed: true }, "Les paramètres sont enregistrés.");
  });
}
