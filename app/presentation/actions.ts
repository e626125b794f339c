"use server";

import { meetingFreezeSchema } from "@/lib/validation/meeting";
import { revalidatePath } from "next/cache";
import { refreshMeetingPages } from "@/server/cache";
import { formAction } from "@/server/form-action";
import { freezeMeeting, unfreezeMeeting } from "@/server/meetings/snapshot";

/*
 * Freeze (intent=freeze) or unfreeze (intent=unfreeze) a meeting's slides from the presentation:
 * one form, two buttons; the server layer decides. The public slides may change: the meetings'
 * public pages are refreshed, the presentation pages with them.
 */
export const freezeAction = formAction({
  schema: meetingFreezeSchema,
  permission: "meeting.present",
  run: (input, { db, actor }) => (input.intent === "unfreeze" ? unfreezeMeeting(db, actor, input) : freezeMeeting(db, actor, input)),
  done: () => {
    refreshMeetingPages();
    revalidatePath("/presentation", "layout");
  },
});
