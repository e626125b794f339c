"use server";

import { revalidatePath } from "next/cache";
import {
  changeDeadlineSchema,
  correctProgressReportSchema,
  postProgressReportSchema,
  setActionOfficialsSchema,
} from "@/lib/validation/progress";
import { refreshPublicPagesOf } from "@/server/cache";
import { formAction } from "@/server/form-action";
import { changeDeadline } from "@/server/progress/change-deadline";
import { correctProgressReport } from "@/server/progress/correct-report";
import { postProgressReport } from "@/server/progress/post-report";
import { setActionOfficials } from "@/server/progress/set-officials";
import type { Db } from "@/server/db";

/*
 * Progress actions of a fiche. A report, a deadline or its officials in charge are public at once:
 * the public pages are refreshed (the fiche, its themes, the home page's figures) and so are the
 * staff pages; then the fiche's staff page says what was done (a redirect, with or without
 * JavaScript).
 */
async function refreshProgress(db: Db, slug: string) {
  await refreshPublicPagesOf(db, { actionSlugs: [slug] });
  revalidatePath("/espace/fiches", "layout");
}

const fichePage = (slug: string, done: string, anchor: string) => `/espace/fiches/${encodeURIComponent(slug)}?fait=${done}#${anchor}`;

export const postProgressReportAction = formAction({
  schema: postProgressReportSchema,
  run: (input, { db, actor }) => postProgressReport(db, actor, input),
  done: async (data, _input, { db }) => {
    await refreshProgress(db, data.slug);
    return fichePage(data.slug, "publie", "points-etape");
  },
});

export const correctProgressReportAction = formAction({
  schema: correctProgressReportSchema,
  run: (input, { db, actor }) => correctProgressReport(db, actor, input),
  done: async (data, _input, { db }) => {
    await refreshProgress(db, data.slug);
    return fichePage(data.slug, "corrige", `point-etape-${data.id}`);
  },
});

export const changeDeadlineAction = formAction({
  schema: changeDeadlineSchema,
  run: (input, { db, actor }) => changeDeadline(db, actor, input),
  done: async (data, _input, { db }) => {
    await refreshProgress(db, data.slug);
    return fichePage(data.slug, "echeance", "echeance");
  },
});

export const setOfficialsAction = formAction({
  schema: setActionOfficialsSchema,
  permission: "action.officials.assign",
  run: (input, { db, actor }) => setActionOfficials(db, actor, input),
  // The fiche's public « En bref » names its officials in charge.
  done: async (_data, input, { db }) => {
    await refreshProgress(db, input.actionSlug);
  },
});
