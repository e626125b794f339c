"use server";

import { redirect } from "next/navigation";
import { getActor } from "@/server/auth/actor";
import { refreshPublicPages } from "@/server/cache";
import { getDb } from "@/server/db";
import { requestDigests } from "@/server/notifications/digest";
import { supportProposal } from "@/server/supports/support-proposal";

/*
 * A member gives their council's support. Works without JavaScript (a plain form); the page says
 * what happened with a fixed code in the address (never a text from the URL).
 */
export async function supportProposalAction(formData: FormData): Promise<void> {
  const id = Number(formData.get("contributionId"));
  const councilId = Number(formData.get("councilId"));
  const here = `/espace/soutenir/${Number.isInteger(id) && id > 0 ? id : 0}`;
  const actor = await getActor();
  if (!actor) redirect(`/connexion?callbackUrl=${encodeURIComponent(here)}`);
  const db = await getDb();
  const result = await supportProposal(db, actor, { contributionId: id, councilId });
  if (!result.ok) redirect(`${here}?erreur=${result.code === "NOT_FOUND" ? "introuvable" : "refuse"}`);
  if (result.data.added) {
    // The support count is public: the fiche and the council pages show it at once.
    refreshPublicPages();
    requestDigests(db);
  }
  redirect(`${here}?${result.data.added ? "soutenu" : "deja"}=${councilId}`);
}
