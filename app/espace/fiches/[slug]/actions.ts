"use server";

import { revalidatePath } from "next/cache";
import { unauthenticated, type ActionResult } from "@/lib/action-result";
import type { ChangeDeadlineInput, CorrectProgressReportInput, PostProgressReportInput } from "@/lib/validation/progress";
import { getActor } from "@/server/auth/actor";
import { refreshPublicPages } from "@/server/cache";
import { getDb } from "@/server/db";
import { changeDeadline } from "@/server/progress/change-deadline";
import { correctProgressReport } from "@/server/progress/correct-report";
import { postProgressReport } from "@/server/progress/post-report";
import { setActionOfficials } from "@/server/progress/set-officials";

/*
 * Progress actions of a fiche. Each is a public POST endpoint: the server layer parses the input
 * again and authorizes. A report or a deadline is public at once: the public pages are refreshed
 * (the fiche, its themes, the home page's figures) and so is the staff page.
 */
function refreshAfter<T>(result: ActionResult<T>): ActionResult<T> {
  if (result.ok) {
    refreshPublicPages();
    revalidatePath("/espace/fiches", "layout");
  }
  return result;
}

export async function postProgressReportAction(input: PostProgressReportInput) {
  const actor = await getActor();
  if (!actor) return unauthenticated();
  return refreshAfter(await postProgressReport(await getDb(), actor, input));
}

export async function correctProgressReportAction(input: CorrectProgressReportInput) {
  const actor = await getActor();
  if (!actor) return unauthenticated();
  return refreshAfter(await correctProgressReport(await getDb(), actor, input));
}

export async function changeDeadlineAction(input: ChangeDeadlineInput) {
  const actor = await getActor();
  if (!actor) return unauthenticated();
  return refreshAfter(await changeDeadline(await getDb(), actor, input));
}

export type OfficialsState = { ok: boolean; message: string; n: number } | null;

/** Plain form (works without JavaScript): one checkbox per official. */
export async function setOfficialsAction(_prev: OfficialsState, formData: FormData): Promise<OfficialsState> {
  const n = Date.now();
  const actor = await getActor();
  if (!actor) return { ok: false, message: "Votre session a expiré : reconnectez-vous pour continuer.", n };
  const result = await setActionOfficials(await getDb(), actor, {
    actionSlug: String(formData.get("actionSlug") ?? ""),
    userIds: formData.getAll("userIds").map(Number),
  });
  if (result.ok) revalidatePath("/espace/fiches", "layout");
  return { ok: result.ok, message: result.ok ? (result.message ?? "Enregistré.") : result.message, n };
}
