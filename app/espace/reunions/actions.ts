"use server";

import { revalidatePath } from "next/cache";
import { meetingMinutesSchema, meetingRefSchema, meetingSchema, updateMeetingSchema } from "@/lib/validation/meeting";
import { refreshMeetingPages } from "@/server/cache";
import { formAction } from "@/server/form-action";
import { createMeeting } from "@/server/meetings/create-meeting";
import { deleteMeeting } from "@/server/meetings/delete-meeting";
import { setMeetingMinutes } from "@/server/meetings/set-minutes";
import { updateMeeting } from "@/server/meetings/update-meeting";

/*
 * Meetings: the server layer decides and writes, then the meetings' public pages and the home page
 * (its next meeting) are refreshed, and the staff pages. A new meeting opens on its own staff page.
 */
function refreshMeetings() {
  refreshMeetingPages();
  revalidatePath("/espace/reunions", "layout");
  revalidatePath("/presentation", "layout");
}
export const createMeetingAction = formAction({
  schema: meetingSchema,
  permission: "meeting.manage",
  run: (input, { db, actor }) => createMeeting(db, actor, input),
  done: (data) => {
    refreshMeetings();
    return `/espace/reunions/${encodeURIComponent(data.slug)}?cree=1`;
  },
});

export const updateMeetingAction = formAction({
  schema: updateMeetingSchema,
  permission: "meeting.manage",
  run: (input, { db, actor }) => updateMeeting(db, actor, input),
  done: (data) => {
    if (data.changed) refreshMeetings();
  },
});

export const setMinutesAction = formAction({
  schema: meetingMinutesSchema,
  permission: "meeting.manage",
  run: (input, { db, actor }) => setMeetingMinutes(db, actor, input),
  done: (data) => {
    if (data.changed) refreshMeetings();
  },
});

export const deleteMeetingAction = formAction({
  schema: meetingRefSchema,
  permission: "meeting.manage",
  run: (input, { db, actor }) => deleteMeeting(db, actor, input),
  done: () => {
    refreshMeetings();
    return "/espace/reunions?supprimee=1";
  },
});
