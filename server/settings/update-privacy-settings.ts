import "server-only";
import type { Db } from "@/db/client";
import { forbidden, unauthenticated, type ActionResult } from "@/lib/action-result";
import { can, type MaybeActor } from "@/lib/permissions";
import type { PrivacySettingsData } from "@/lib/validation/settings";
import { privacySettingsColumns, type PrivacySettings } from "./platform-settings";
import { saveSettings } from "./save-settings";

/**
 * Changes what /donnees-personnelles says of the data controller and the DPO, and how many years
 * a deactivated account is kept before the retention job erases it — administrators only, the
 * values before and after in the journal (one row, same transaction). A shorter period applies at
 * the job's next daily run, to every account deactivated long enough ago.
 */
export async function updatePrivacySettings(
  db: Db,
  actor: MaybeActor,
  after: PrivacySettingsData,
): Promise<ActionResult<PrivacySettings & { changed: boolean }>> {
  if (!actor) return unauthenticated();
  if (!can(actor, "settings.privacy.update")) return forbidden();
  return saveSettings(db, actor.id, { action: "settings.privacy.update", columns: privacySettingsColumns, after });
}
