import "server-only";
import type { Db } from "@/db/client";
import { forbidden, unauthenticated, type ActionResult } from "@/lib/action-result";
import { can, type MaybeActor } from "@/lib/permissions";
import type { PlatformSettingsData } from "@/lib/validation/settings";
import { platformSettingsColumns, type PlatformSettings } from "./platform-settings";
import { saveSettings } from "./save-settings";

/**
 * Changes the report threshold and the answer delay, for administrators only, with the values
 * before and after in the journal (one row, same transaction).
 * New values apply from now on: items already hidden and due dates already set do not move.
 */
export async function updatePlatformSettings(
  db: Db,
  actor: MaybeActor,
  after: PlatformSettingsData,
): Promise<ActionResult<PlatformSettings & { changed: boolean }>> {
  if (!actor) return unauthenticated();
  if (!can(actor, "settings.update")) return forbidden();
  return saveSettings(db, actor.id, { action: "settings.update", columns: platformSettingsColumns, after });
}
