"use server";

import { revalidatePath } from "next/cache";
import { approveSchema, bulkDecisionSchema, hideSchema, keepSchema, rejectSchema } from "@/lib/validation/contribution";
import { refreshPublicPagesOf } from "@/server/cache";
import { formAction } from "@/server/form-action";
import { approveContribution, bulkDecide, rejectContribution } from "@/server/moderation/decide";
import { hideContribution } from "@/server/moderation/hide";
import { keepPublished } from "@/server/reports/review";

/*
 * Moderation decisions. The server functions authorize with the item's council (moderators, never
 * on their own council); `moderation.view` only turns away those who are not moderators at all.
 * After a decision, back to the list with its filters (rebuilt by the schema) and a fixed message
 * code: no text from the address is ever shown.
 */
const backTo = (path: string, filters: string | undefined, done: Record<string, string | number>) => {
  const params = new URLSearchParams(filters ?? "");
  for (const [key, value] of Object.entries(done)) params.set(key, String(value));
  return `${path}?${params.toString()}`;
};

const refreshModeration = () => {
  revalidatePath("/moderation", "layout");
  revalidatePath("/espace", "layout");
};

export const approveAction = formAction({
  schema: approveSchema,
  permission: "moderation.view",
  run: (input, { db, actor }) => approveContribution(db, actor, input),
  done: async (data, input, { db }) => {
    // Published: the public pages that show it (its fiche, themes, council, home) are refreshed at
    // once, and the moderator's own pages.
    await refreshPublicPagesOf(db, { contributionIds: [data.id], register: true });
    refreshModeration();
    return backTo("/moderation", input.filtres, { fait: "publiee" });
  },
});

export const rejectAction = formAction({
  schema: rejectSchema,
  permission: "moderation.view",
  run: (input, { db, actor }) => rejectContribution(db, actor, input),
  done: async (_data, input, { db }) => {
    // Nothing public shows a refused item; the register counts the refusal.
    await refreshPublicPagesOf(db, { register: true });
    refreshModeration();
    return backTo("/moderation", input.filtres, { fait: "refusee" });
  },
});

/** « Approuver la sélection » / « Refuser la sélection »: each item decided exactly once, as alone. */
export const bulkAction = formAction({
  schema: bulkDecisionSchema,
  permission: "moderation.view",
  run: (input, { db, actor }) => bulkDecide(db, actor, input),
  done: async (data, input, { db }) => {
    // The selection, not only the items decided here: one decided by another moderator meanwhile
    // is refreshed twice, which costs a render and hides nothing.
    const published = input.decision === "published" && data.decided > 0;
    if (data.decided > 0) await refreshPublicPagesOf(db, { contributionIds: published ? input.ids : [], register: true });
    refreshModeration();
    return backTo("/moderation", input.filtres, {
      fait: input.decision === "published" ? "lot-approuve" : "lot-refuse",
      n: data.decided,
      m: data.conflicts,
      r: data.refused,
    });
  },
});

/** Hides a published item (from « Publiées ») or a reported one (from « Signalements »). */
export const hideAction = formAction({
  schema: hideSchema,
  permission: "moderation.view",
  run: (input, { db, actor }) => hideContribution(db, actor, input),
  done: async (data, input, { db }) => {
    // Gone from every public page that showed it: they are refreshed, the moderator sees it at once.
    await refreshPublicPagesOf(db, { contributionIds: [data.id], register: true });
    refreshModeration();
    return backTo(input.fromReports ? "/moderation/signalements" : "/moderation/publiees", input.filtres, { fait: "masquee" });
  },
});

/** « Garder publié » / « Republier »: the reports are classed, an item hidden by reports comes back. */
export const keepAction = formAction({
  schema: keepSchema,
  permission: "moderation.view",
  run: (input, { db, actor }) => keepPublished(db, actor, input),
  done: async (data, _input, { db }) => {
    // The register counts the reports' outcome; a republished item is back on the public pages.
    await refreshPublicPagesOf(db, { contributionIds: data.republished ? [data.id] : [], register: true });
    refreshModeration();
    return backTo("/moderation/signalements", undefined, { fait: data.republished ? "republiee" : "gardee" });
  },
});
