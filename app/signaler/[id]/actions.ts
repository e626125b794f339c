"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getActor } from "@/server/auth/actor";
import { refreshPublicPages } from "@/server/cache";
import { getDb } from "@/server/db";
import { reportContribution } from "@/server/reports/report-contribution";

export type ReportState = { ok: boolean; message: string; n: number; reason?: string; fieldError?: string } | null;

/** A report. When it hides the item (threshold reached), every public page is refreshed. */
export async function reportAction(_prev: ReportState, formData: FormData): Promise<ReportState> {
  const reason = String(formData.get("reason") ?? "");
  const n = Date.now();
  const actor = await getActor();
  if (!actor) return { ok: false, message: "Votre session a expiré : reconnectez-vous pour continuer (votre texte est ci-dessous).", n, reason };
  const id = Number(formData.get("id"));
  const result = await reportContribution(await getDb(), actor, { id, reason });
  if (!result.ok) {
    const fieldError = result.fieldErrors?.reason?.[0];
    return { ok: false, message: fieldError ?? result.message, n, reason, fieldError };
  }
  if (result.data.hidden) refreshPublicPages();
  else revalidatePath("/moderation", "layout");
  redirect(`/signaler/${id}?merci=1`);
}
