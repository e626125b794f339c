"use server";

import { revalidatePath } from "next/cache";
import { reportSchema } from "@/lib/validation/contribution";
import { refreshPublicPages } from "@/server/cache";
import { formAction } from "@/server/form-action";
import { reportContribution } from "@/server/reports/report-contribution";

/** A report. When it hides the item (threshold reached), every public page is refreshed. */
export const reportAction = formAction({
  schema: reportSchema,
  run: (input, { db, actor }) => reportContribution(db, actor, input),
  done: (data) => {
    if (data.hidden) refreshPublicPages();
    else revalidatePath("/moderation", "layout");
    return `/signaler/${data.id}?merci=1`;
  },
});
