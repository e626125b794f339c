import "server-only";
import type { Db } from "@/db/client";
import { forbidden, unauthenticated, type ActionResult } from "@/lib/action-result";
import { can, type MaybeActor } from "@/lib/permissions";
import type { CityIdentityData, LegalPagesData } from "@/lib/validation/settings";
import { cityIdentityColumns, legalPagesColumns } from "./platform-settings";
import { saveSettings } from "./save-settings";

/**
 * Changes the City's name, the service's name and the contact address — administrators only, the
 * values before and after in the journal (one row, same transaction). Every public page shows the
 * names: the caller refreshes them all.
 */
export async function updateCityIdentity(
  db: Db,
  actor: MaybeActor,
  after: CityIdentityData,
): Promise<ActionResult<CityIdentityData & { changed: boolean }>> {
  if (!actor) return unauthenticated();
  if (!can(actor, "settings.identity.update")) return forbidden();
  return saveSettings(db, actor.id, { action: "settings.identity.update", columns: cityIdentityColumns, after });
}

/**
 * Changes what /mentions-legales and /accessibilite say (the legal notice; the conformity status,
 * the audit's date, the derogations, the contact) — administrators only, journaled the same way.
 */
export async function updateLegalPages(
  db: Db,
  actor: MaybeActor,
  after: LegalPagesData,
): Promise<ActionResult<LegalPagesData & { changed: boolean }>> {
  if (!actor) return unauthenticated();
  if (!can(actor, "settings.legal.update")) return forbidden();
  return saveSettings(db, actor.id, { action: "settings.legal.update", columns: legalPagesColumns, after });
}
