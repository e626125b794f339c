"use server";

import { revalidatePath } from "next/cache";
import { getActor } from "@/server/auth/actor";
import { updateSubmissionPolicy } from "@/server/councils/update-submission-policy";
import { getDb } from "@/server/db";

export type PolicyState = { ok: boolean; message: string; n: number; policy: string; error?: string } | null;

/** A plain form post (works without JavaScript); the server layer parses and authorizes. */
export async function updateSubmissionPolicyAction(_prev: PolicyState, formData: FormData): Promise<PolicyState> {
  const policy = String(formData.get("policy") ?? "");
  const actor = await getActor();
  if (!actor) return { ok: false, message: "Votre session a expiré : reconnectez-vous pour continuer.", n: Date.now(), policy };
  const result = await updateSubmissionPolicy(await getDb(), actor, { councilId: formData.get("councilId") as string, policy: policy as never });
  if (!result.ok) return { ok: false, message: result.message, error: result.fieldErrors?.policy?.[0], n: Date.now(), policy };
  // The council's pages say who may submit.
  revalidatePath("/espace", "layout");
  return { ok: true, message: result.message ?? "Enregistré.", n: Date.now(), policy: result.data.policy };
}
