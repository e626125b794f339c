"use server";

import { revalidatePath } from "next/cache";
import { reasonTemplateSchema, reasonTemplateUpdateSchema, templateArchiveSchema } from "@/lib/validation/contribution";
import { formAction } from "@/server/form-action";
import { createTemplate, setTemplateArchived, updateTemplate } from "@/server/moderation/templates";

/* Reason templates, for moderators: every moderation page offers them, so all are refreshed. */
const refresh = () => revalidatePath("/moderation", "layout");

export const createTemplateAction = formAction({
  schema: reasonTemplateSchema,
  permission: "moderation.templates.manage",
  run: (input, { db, actor }) => createTemplate(db, actor, input),
  done: refresh,
});

export const updateTemplateAction = formAction({
  schema: reasonTemplateUpdateSchema,
  permission: "moderation.templates.manage",
  run: (input, { db, actor }) => updateTemplate(db, actor, input),
  done: refresh,
});

export const archiveTemplateAction = formAction({
  schema: templateArchiveSchema,
  permission: "moderation.templates.manage",
  run: (input, { db, actor }) => setTemplateArchived(db, actor, input),
  done: (data, input) => {
    refresh();
    // The template moves to the other list (its form with it): the page that comes next says what happened.
    return `/moderation/motifs?${input.archived ? "archive" : "propose"}=${data.id}`;
  },
});
