"use server";

import { revalidatePath } from "next/cache";
import { getActor } from "@/server/auth/actor";
import { getDb } from "@/server/db";
import { createTemplate, setTemplateArchived, updateTemplate } from "@/server/moderation/templates";

export type TemplateFormState = {
  ok: boolean;
  message: string;
  n: number;
  values?: { label: string; body: string };
  errors?: { label?: string; body?: string };
} | null;

const expired = "Votre session a expiré : reconnectez-vous pour continuer.";

/* Reason templates. The server layer authorizes (moderators) and validates with the shared schema. */
export async function saveTemplateAction(_prev: TemplateFormState, formData: FormData): Promise<TemplateFormState> {
  const values = { label: String(formData.get("label") ?? ""), body: String(formData.get("body") ?? "") };
  const n = Date.now();
  const actor = await getActor();
  if (!actor) return { ok: false, message: expired, n, values };
  const id = Number(formData.get("id") ?? 0);
  const db = await getDb();
  const result = id > 0 ? await updateTemplate(db, actor, { id, ...values }) : await createTemplate(db, actor, values);
  if (!result.ok) {
    return { ok: false, message: result.message, n, values, errors: { label: result.fieldErrors?.label?.[0], body: result.fieldErrors?.body?.[0] } };
  }
  revalidatePath("/moderation", "layout");
  return { ok: true, message: result.message ?? "Motif enregistré.", n, values: id > 0 ? values : undefined };
}

export async function archiveTemplateAction(_prev: TemplateFormState, formData: FormData): Promise<TemplateFormState> {
  const n = Date.now();
  const actor = await getActor();
  if (!actor) return { ok: false, message: expired, n };
  const result = await setTemplateArchived(await getDb(), actor, { id: Number(formData.get("id")), archived: formData.get("archived") === "1" });
  if (result.ok) revalidatePath("/moderation", "layout");
  return { ok: result.ok, message: result.message ?? "C'est fait.", n };
}
