import "server-only";
import { eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { platformSettings } from "@/db/schema";
import { forbidden, ok, unauthenticated, type ActionResult } from "@/lib/action-result";
import { can, type MaybeActor } from "@/lib/permissions";
import type { PlatformSettingsData } from "@/lib/validation/settings";
import { writeAudit } from "@/server/audit";
import { defaultPlatformSettings, type PlatformSettings } from "./platform-settings";

const fields = ["reportThreshold", "answerDueDays"] as const;

/**
 * Changes the report threshold and the answer delay, for administrators only, with the values
 * before and after in the journal (one row, same transaction). The single row is locked, so two
 * admins saving at once are journaled one after the other with true « before » values.
 * New values apply from now on: items already hidden and due dates already set do not move.
 */
export async function updatePlatformSettings(
  db: Db,
  actor: MaybeActor,
  after: PlatformSettingsData,
): Promise<ActionResult<PlatformSettings & { changed: boolean }>> {
  if (!actor) return unauthenticated();
  if (!can(actor, "settings.update")) return forbidden();

  return db.transaction(async (tx) => {
    // The migration creates the row; recreate it with the defaults if someone removed it.
    await tx
      .insert(platformSettings)
      .values({ id: true, ...defaultPlatformSettings })
      .onConflictDoNothing();
    const [current] = await tx
      .select({ reportThreshold: platformSettings.reportThreshold, answerDueDays: platformSettings.answerDueDays })
      .from(platformSettings)
      .for("update");
    const before = current ?? defaultPlatformSettings;
    const changed = fields.filter((f) => before[f] !== after[f]);
    if (changed.length === 0) return ok({ ...after, changed: false }, "Rien n'a changé.");
    await tx
      .update(platformSettings)
      .set({ ...after, updatedAt: sql`now()` })
      .where(eq(platformSettings.id, true));
    await writeAudit(tx, {
      actorUserId: actor.id,
      action: "settings.update",
      targetType: "platform_settings",
      details: {
        before: Object.fromEntries(changed.map((f) => [f, before[f]])),
        after: Object.fromEntries(changed.map((f) => [f, after[f]])),
      },
    });
    return ok({ ...after, changed: true }, "Les paramètres sont enregistrés.");
  });
}
