"use server";

import { revalidatePath } from "next/cache";
import { reportSchema } from "@/lib/validation/contribution";
import { refreshPublicPagesOf } from "@/server/cache";
import { formAction } from "@/server/form-action";
import { reportContribution } from "@/server/reports/report-contribution";

/**
 * A report. The moderation register counts it; when it hides the item (threshold reached), the
 * public pages that showed it are refreshed too.
 */
export const reportAction = formAction({
  schema: reportSchema,
  run: (input, { db, actor }) => reportContribution(db, actor, input),
  done: async (data, _input, { db }) => {
    await refreshPublicPagesOf(db, { contributionIds: data.hidden ? [data.id] : [], register: true });
    revalidatePath("/moderation", "layout");
    return `/signaler/${data.id}?merci=1`;
  },
});
