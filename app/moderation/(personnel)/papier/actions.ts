"use server";

import { revalidatePath } from "next/cache";
import type { FormState } from "@/lib/form-state";
import { paperContributionSchema } from "@/lib/validation/contribution";
import { recordPaperContribution } from "@/server/contributions/record-paper";
import { formAction } from "@/server/form-action";

/** The scan of the paper, if one was chosen: the only file any form of the app sends. */
const scanOf = (formData: unknown): Blob | null => {
  if (!(formData instanceof FormData)) return null;
  const scan = formData.get("scan");
  return scan instanceof Blob && scan.size > 0 ? scan : null;
};

/**
 * Records a contribution received on paper, by mail or in a meeting, then goes to the moderation
 * queue where it waits. Built per submission: the scan is a file, read from this very form data
 * (the shared form handling reads text values only), and the schema checks the rest as usual.
 */
export async function recordPaperAction(previous: FormState<{ id: number }>, formData: FormData): Promise<FormState<{ id: number }>> {
  const scan = scanOf(formData);
  const action = formAction({
    schema: paperContributionSchema,
    permission: "moderation.view",
    run: (input, { db, actor }) => recordPaperContribution(db, actor, input, scan),
    done: () => {
      revalidatePath("/moderation", "layout");
      revalidatePath("/espace", "layout");
      return "/moderation?fait=saisie";
    },
  });
  return action(previous, formData);
}
