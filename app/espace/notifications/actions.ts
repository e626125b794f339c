"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getActor } from "@/server/auth/actor";
import { getDb } from "@/server/db";
import { markAllNotificationsRead } from "@/server/notifications/inbox";
import { setNotificationPreferences } from "@/server/notifications/preferences";

/* My notifications: plain form posts, so they work without JavaScript. */

export async function markAllReadAction(): Promise<void> {
  const actor = await getActor();
  if (!actor) redirect(`/connexion?callbackUrl=${encodeURIComponent("/espace/notifications")}`);
  await markAllNotificationsRead(await getDb(), actor);
  // The unread count of the account bar, on every signed-in page.
  revalidatePath("/espace", "layout");
  redirect("/espace/notifications?lu=tout");
}

export type PreferencesState = { ok: boolean; message: string; n: number; email: string[] } | null;

export async function savePreferencesAction(_prev: PreferencesState, formData: FormData): Promise<PreferencesState> {
  const email = formData.getAll("email").map(String);
  const actor = await getActor();
  if (!actor) return { ok: false, message: "Votre session a expiré : reconnectez-vous pour continuer.", n: Date.now(), email };
  const result = await setNotificationPreferences(await getDb(), actor, { email: email as never });
  if (!result.ok) return { ok: false, message: result.message, n: Date.now(), email };
  return { ok: true, message: result.message ?? "Enregistré.", n: Date.now(), email: result.data.filter((c) => c.email).map((c) => c.kind) };
}
