"use server";

import { revalidatePath } from "next/cache";
import {
  actionArchiveFormSchema,
  createActionSchema,
  createThemeSchema,
  moveActionSchema,
  moveThemeSchema,
  themeArchiveFormSchema,
  planFileUploadSchema,
  openPlanSchema,
  publishPlanSchema,
  updatePlanSchema,
  updateActionSchema,
  updateThemeSchema,
} from "@/lib/validation/plan";
import { refreshPublicPages } from "@/server/cache";
import { formAction } from "@/server/form-action";
import { importPlanText } from "@/server/plan-file/import-plan";
import { setActionArchived } from "@/server/plan-admin/archive-action";
import { createAction } from "@/server/plan-admin/create-action";
import { moveAction } from "@/server/plan-admin/move-action";
import { moveTheme, setThemeArchived } from "@/server/plan-admin/order-themes";
import { openDraftPlan, publishPlan } from "@/server/plan-admin/next-plan";
import { updatePlanDetails } from "@/server/plan-admin/plan-details";
import { createTheme, updateTheme } from "@/server/plan-admin/save-theme";
import { updateAction } from "@/server/plan-admin/update-action";

/*
 * The plan administration's forms: the server functions decide and write, then every public page
 * and the plan's admin pages are refreshed. Every one, not a targeted few (as for a council's
 * name): a fiche's or a theme's title is printed on the home page, the themes, each contribution's
 * card on council pages, the slides, the feeds, the calendar of deadlines, the open data, the
 * search and the sitemap — and these changes are rare (docs/decisions/0021).
 */

function refreshAfterPlanChange() {
  refreshPublicPages();
  revalidatePath("/admin/plan", "layout");
}

export const createActionAction = formAction({
  schema: createActionSchema,
  permission: "plan.action.create",
  run: (input, { db, actor }) => createAction(db, actor, input),
  done: (data) => {
    refreshAfterPlanChange();
    return `/admin/plan/fiches/${data.id}?ajoutee=1`;
  },
});

export const updateActionAction = formAction({
  schema: updateActionSchema,
  permission: "plan.action.update",
  run: (input, { db, actor }) => updateAction(db, actor, input),
  done: (data) => {
    if (data.changed) refreshAfterPlanChange();
  },
});

export const setActionArchivedAction = formAction({
  schema: actionArchiveFormSchema,
  permission: "plan.action.archive",
  run: (input, { db, actor }) => setActionArchived(db, actor, input),
  done: refreshAfterPlanChange,
});

export const moveActionAction = formAction({
  schema: moveActionSchema,
  permission: "plan.theme.update",
  run: (input, { db, actor }) => moveAction(db, actor, input),
  done: refreshAfterPlanChange,
});

export const createThemeAction = formAction({
  schema: createThemeSchema,
  permission: "plan.theme.create",
  run: (input, { db, actor }) => createTheme(db, actor, input),
  done: refreshAfterPlanChange,
});

export const updateThemeAction = formAction({
  schema: updateThemeSchema,
  permission: "plan.theme.update",
  run: (input, { db, actor }) => updateTheme(db, actor, input),
  done: (data) => {
    if (data.changed) refreshAfterPlanChange();
  },
});

export const moveThemeAction = formAction({
  schema: moveThemeSchema,
  permission: "plan.theme.update",
  run: (input, { db, actor }) => moveTheme(db, actor, input),
  done: refreshAfterPlanChange,
});

export const setThemeArchivedAction = formAction({
  schema: themeArchiveFormSchema,
  permission: "plan.theme.archive",
  run: (input, { db, actor }) => setThemeArchived(db, actor, input),
  done: refreshAfterPlanChange,
});

/**
 * A plan file loaded into this install while it has no plan (server/plan-file/import-plan.ts): the
 * file's problems come back listed under the field, each with its place in the file; a success
 * shows the plan's administration. Every public page shows the new plan.
 */
export const importPlanAction = formAction({
  schema: planFileUploadSchema,
  permission: "plan.import",
  files: ["file"],
  run: async (input, { db, actor }) => importPlanText(db, actor, await input.file.text(), "formulaire"),
  done: () => {
    refreshAfterPlanChange();
    revalidatePath("/admin", "layout");
    return "/admin/plan?importe=1";
  },
});

/* The next plan (docs/decisions/0027): open it as a draft, publish it. */

export const openPlanAction = formAction({
  schema: openPlanSchema,
  permission: "plan.open",
  run: (input, { db, actor }) => openDraftPlan(db, actor, input),
  done: () => {
    // A draft is never public: only the administration's pages show it.
    revalidatePath("/admin/plan", "layout");
    return "/admin/plan/prochain?ouvert=1";
  },
});

export const updatePlanAction = formAction({
  schema: updatePlanSchema,
  permission: "plan.update",
  run: (input, { db, actor }) => updatePlanDetails(db, actor, input),
  done: (data) => {
    if (!data.changed) return;
    // The current plan's title and introduction are on the home page, « La démarche », feeds…; a draft's only in the administration.
    if (data.state === "current") refreshAfterPlanChange();
    else revalidatePath("/admin/plan", "layout");
    return data.state === "draft" ? "/admin/plan/prochain?presentation=1" : "/admin/plan?presentation=1";
  },
});

export const publishPlanAction = formAction({
  schema: publishPlanSchema,
  permission: "plan.publish",
  run: (input, { db, actor }) => publishPlan(db, actor, input),
  done: () => {
    // Every public page follows the plan: the home page, themes, feeds, sitemap, search, open data.
    refreshAfterPlanChange();
    return "/admin/plan?publie=1";
  },
});
