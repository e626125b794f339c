"use server";

import { revalidatePath } from "next/cache";
import { submissionPolicySchema } from "@/lib/validation/settings";
import { updateSubmissionPolicy } from "@/server/councils/update-submission-policy";
import { formAction } from "@/server/form-action";

export const updateSubmissionPolicyAction = formAction({
  schema: submissionPolicySchema,
  run: (input, { db, actor }) => updateSubmissionPolicy(db, actor, input),
  done: (data) => {
    // The council's pages say who may submit.
    if (data.changed) revalidatePath("/espace", "layout");
  },
});
