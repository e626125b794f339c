"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getActor } from "@/server/auth/actor";
import { refreshPublicPages } from "@/server/cache";
import { getDb } from "@/server/db";
import { approveContribution, bulkDecide, rejectContribution } from "@/server/moderation/decide";
import { hideContribution } from "@/server/moderation/hide";
import { keepPublished } from "@/server/reports/review";

export type DecisionState = { ok: boolean; message: string; n: number; reason?: string; templateId?: string; fieldError?: string } | null;

const expired = "Votre session a expiré : reconnectez-vous pour continuer.";

/** Back to a moderation list with the same filters (and page), and fixed message codes (no text from the URL is shown). */
function backTo(path: string, formData: FormData, done: Record<string, string>): never {
  const previous = new URLSearchParams(String(formData.get("filtres") ?? ""));
  const next = new URLSearchParams();
  for (const key of ["conseil", "fiche", "type", "page"]) {
    const value = previous.get(key);
    if (value) next.set(key, value);
  }
  for (const [key, value] of Object.entries(done)) next.set(key, value);
  redirect(`${path}?${next.toString()}`);
}

const text = (formData: FormData, key: string) => String(formData.get(key) ?? "");
const refreshModeration = () => {
  revalidatePath("/moderation", "layout");
  revalidatePath("/espace", "layout");
};

/* Moderation decisions. The server layer authorizes (moderators, never on their own council). */
export async function approveAction(_prev: DecisionState, formData: FormData): Promise<DecisionState> {
  const actor = await getActor();
  if (!actor) return { ok: false, message: expired, n: Date.now() };
  const result = await approveContribution(await getDb(), actor, { id: Number(formData.get("id")), version: formData.has("version") ? text(formData, "version") : undefined });
  if (!result.ok) return { ok: false, message: result.message, n: Date.now() };
  // Published: every public page that may show it is refreshed; the moderator sees it at once.
  refreshPublicPages();
  backTo("/moderation", formData, { fait: "publiee" });
}

export async function rejectAction(_prev: DecisionState, formData: FormData): Promise<DecisionState> {
  const reason = text(formData, "reason");
  const templateId = text(formData, "templateId");
  const actor = await getActor();
  if (!actor) return { ok: false, message: expired, n: Date.now(), reason, templateId };
  const result = await rejectContribution(await getDb(), actor, {
    id: Number(formData.get("id")),
    reason,
    templateId,
    version: formData.has("version") ? text(formData, "version") : undefined,
  });
  if (!result.ok) return { ok: false, message: result.fieldErrors?.reason?.[0] ?? result.message, n: Date.now(), reason, templateId };
  refreshModeration();
  backTo("/moderation", formData, { fait: "refusee" });
}

/** « Approuver la sélection » / « Refuser la sélection »: each item decided exactly once, as alone. */
export async function bulkAction(_prev: DecisionState, formData: FormData): Promise<DecisionState> {
  const reason = text(formData, "reason");
  const templateId = text(formData, "templateId");
  const decision = formData.get("decision") === "refuser" ? "rejected" : "published";
  const actor = await getActor();
  if (!actor) return { ok: false, message: expired, n: Date.now(), reason, templateId };
  const result = await bulkDecide(await getDb(), actor, { ids: formData.getAll("ids").map(String), decision, reason, templateId });
  if (!result.ok) {
    const fieldError = result.fieldErrors?.reason?.[0];
    return { ok: false, message: fieldError ?? result.fieldErrors?.ids?.[0] ?? result.message, n: Date.now(), reason, templateId, fieldError };
  }
  if (decision === "published" && result.data.decided > 0) refreshPublicPages();
  else refreshModeration();
  backTo("/moderation", formData, {
    fait: decision === "published" ? "lot-approuve" : "lot-refuse",
    n: String(result.data.decided),
    m: String(result.data.conflicts),
    r: String(result.data.refused),
  });
}

/** Hides a published item (from « Publiées ») or a reported one (from « Signalements »). */
export async function hideAction(_prev: DecisionState, formData: FormData): Promise<DecisionState> {
  const reason = text(formData, "reason");
  const templateId = text(formData, "templateId");
  const fromReports = formData.get("depuis") === "signalements";
  const actor = await getActor();
  if (!actor) return { ok: false, message: expired, n: Date.now(), reason, templateId };
  const result = await hideContribution(await getDb(), actor, { id: Number(formData.get("id")), reason, templateId, fromReports });
  if (!result.ok) {
    const fieldError = result.fieldErrors?.reason?.[0];
    return { ok: false, message: fieldError ?? result.message, n: Date.now(), reason, templateId, fieldError };
  }
  // Gone from every public page: they are all refreshed, the moderator sees it at once.
  refreshPublicPages();
  backTo(fromReports ? "/moderation/signalements" : "/moderation/publiees", formData, { fait: "masquee" });
}

/** « Garder publié » / « Republier »: the reports are classed, an item hidden by reports comes back. */
export async function keepAction(_prev: DecisionState, formData: FormData): Promise<DecisionState> {
  const actor = await getActor();
  if (!actor) return { ok: false, message: expired, n: Date.now() };
  const result = await keepPublished(await getDb(), actor, { id: Number(formData.get("id")) });
  if (!result.ok) return { ok: false, message: result.message, n: Date.now() };
  if (result.data.republished) refreshPublicPages();
  else refreshModeration();
  backTo("/moderation/signalements", formData, { fait: result.data.republished ? "republiee" : "gardee" });
}
