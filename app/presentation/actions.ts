"use server";

import { getActor } from "@/server/auth/actor";
import { refreshPublicPages } from "@/server/cache";
import { getDb } from "@/server/db";
import { freezeMeeting, unfreezeMeeting } from "@/server/meetings/snapshot";

export interface FreezeState {
  kind: "idle" | "error" | "success";
  message: string;
}

/*
 * Freeze (intent=freeze) or unfreeze (intent=unfreeze) a meeting's slides from the presentation.
 * Plain forms (they work without JavaScript); the server layer decides. The public slides may
 * change: every public page is refreshed, the presentation pages with them.
 */
export async function freezeFormAction(_previous: FreezeState, formData: FormData): Promise<FreezeState> {
  const fn = formData.get("intent") === "unfreeze" ? unfreezeMeeting : freezeMeeting;
  const result = await fn(await getDb(), await getActor(), { meetingId: String(formData.get("meetingId") ?? "") });
  if (!result.ok) return { kind: "error", message: result.message };
  refreshPublicPages();
  return { kind: "success", message: result.message ?? "Enregistré." };
}
