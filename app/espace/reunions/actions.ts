"use server";

import { meetingMinutesSchema, meetingSchema, updateMeetingSchema } from "@/lib/validation/meeting";
import { refreshPublicPages } from "@/server/cache";
import { formAction } from "@/server/form-action";
import { createMeeting } from "@/server/meetings/create-meeting";
import { setMeetingMinutes } from "@/server/meetings/set-minutes";
import { updateMeeting } from "@/server/meetings/update-meeting";

/*
 * Meetings: the server layer decides and writes, then every public page is refreshed (the home
 * page shows the next meeting; /reunions lists them) — revalidatePath("/", "layout") covers the
 * staff pages too. A new meeting opens on its own staff page.
 */
export const createMeetingAction = formAction({
  schema: meetingSchema,
  permission: "meeting.manage",
  run: (input, { db, actor }) => createMeeting(db, actor, input),
  done: (data) => {
    refreshPublicPages();
    return `/espace/reunions/${encodeURIComponent(data.slug)}?cree=1`;
  },
});

export const updateMeetingAction = formAction({
  schema: updateMeetingSchema,
  permission: "meeting.manage",
  run: (input, { db, actor }) => updateMeeting(db, actor, input),
  done: (data) => {
    if (data.changed) refreshPublicPages();
  },
});

export const setMinutesAction = formAction({
  schema: meetingMinutesSchema,
  permission: "meeting.manage",
  run: (input, { db, actor }) => setMeetingMinutes(db, actor, input),
  done: (data) => {
    if (data.changed) refreshPublicPages();
  },
});
