"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getActor } from "@/server/auth/actor";
import { refreshPublicPages } from "@/server/cache";
import { getDb } from "@/server/db";
import { approveContribution, rejectContribution } from "@/server/moderation/decide";

export type DecisionState = { ok: boolean; message: string; n: number; reason?: string } | null;

const expired = "Votre session a expiré : reconnectez-vous pour continuer.";

/** Back to the queue with the same filters, and a fixed message code (no text from the URL is shown). */
function backToQueue(formData: FormData, done: "publiee" | "refusee"): never {
  const previous = new URLSearchParams(String(formData.get("filtres") ?? ""));
  const next = new URLSearchParams();
  for (const key of ["conseil", "fiche", "type"]) {
    const value = previous.get(key);
    if (value) next.set(key, value);
  }
  next.set("fait", done);
  redirect(`/moderation?${next.toString()}`);
}

/* Moderation decisions. The server layer authorizes (moderators, never on their own council). */
export async function approveAction(_prev: DecisionState, formData: FormData): Promise<DecisionState> {
  const actor = await getActor();
  if (!actor) return { ok: false, message: expired, n: Date.now() };
  const result = await approveContribution(await getDb(), actor, { id: Number(formData.get("id")) });
  if (!result.ok) return { ok: false, message: result.message, n: Date.now() };
  // Published: every public page that may show it is refreshed; the moderator sees it at once.
  refreshPublicPages();
  backToQueue(formData, "publiee");
}

export async function rejectAction(_prev: DecisionState, formData: FormData): Promise<DecisionState> {
  const reason = String(formData.get("reason") ?? "");
  const actor = await getActor();
  if (!actor) return { ok: false, message: expired, n: Date.now(), reason };
  const result = await rejectContribution(await getDb(), actor, { id: Number(formData.get("id")), reason });
  if (!result.ok) return { ok: false, message: result.fieldErrors?.reason?.[0] ?? result.message, n: Date.now(), reason };
  revalidatePath("/moderation");
  revalidatePath("/espace", "layout");
  backToQueue(formData, "refusee");
}
