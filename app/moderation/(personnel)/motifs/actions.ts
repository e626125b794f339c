"use server";

import { revalidatePath } from "next/cache";
import { reasonTemplateSchema, reasonTemplateUpdateSchema, templateArchiveSchema } from "@/lib/validation/contribution";
import { refreshPublicPagesOf } from "@/server/cache";
import { formAction } from "@/server/form-action";
import { createTemplate, setTemplateArchived, updateTemplate } from "@/server/moderation/templates";

/*
 * Reason templates, for moderators: every moderation page offers them, so all are refreshed; the
 * public register counts refusals under their labels and its rules list the ones offered.
 */
const refresh = async (db: Parameters<typeof refreshPublicPagesOf>[0]) => {
  revalidatePath("/moderation", "layout");
  await refreshPublicPagesOf(db, { register: true });
};

export const createTemplateAction = formAction({
  schema: reasonTemplateSchema,
  permission: "moderation.templates.manage",
  run: (input, { db, actor }) => createTemplate(db, actor, input),
  done: (_data, _input, { db }) => refresh(db),
});

export const updateTemplateAction = formAction({
  schema: reasonTemplateUpdateSchema,
  permission: "moderation.templates.manage",
  run: (input, { db, actor }) => updateTemplate(db, actor, input),
  done: (_data, _input, { db }) => refresh(db),
});

export const archiveTemplateAction = formAction({
  schema: templateArchiveSchema,
  permission: "moderation.templates.manage",
  run: (input, { db, actor }) => setTemplateArchived(db, actor, input),
  done: async (data, input, { db }) => {
    await refresh(db);
    // The template moves to the other list (its form with it): the page that comes next says what happened.
    return `/moderation/motifs?${input.archived ? "archive" : "propose"}=${data.id}`;
  },
});
