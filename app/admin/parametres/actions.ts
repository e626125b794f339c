"use server";

import { revalidatePath } from "next/cache";
import { unauthenticated, type ActionResult } from "@/lib/action-result";
import { getActor } from "@/server/auth/actor";
import { getDb } from "@/server/db";
import type { PlatformSettings } from "@/server/settings/platform-settings";
import { updatePlatformSettings } from "@/server/settings/update-platform-settings";

/** The settings form's action: the server layer parses (same schema as the form) and authorizes. */
export async function updatePlatformSettingsAction(input: unknown): Promise<ActionResult<PlatformSettings & { changed: boolean }>> {
  const actor = await getActor();
  if (!actor) return unauthenticated();
  const result = await updatePlatformSettings(await getDb(), actor, input as never);
  if (result.ok && result.data.changed) revalidatePath("/admin", "layout");
  return result;
}
