"use server";

import { revalidatePath } from "next/cache";
import { markAllNotificationsReadSchema, notificationPreferencesSchema } from "@/lib/validation/settings";
import { formAction } from "@/server/form-action";
import { markAllNotificationsRead } from "@/server/notifications/inbox";
import { setNotificationPreferences } from "@/server/notifications/preferences";

/* My notifications: plain form posts, so they work without JavaScript. */

export const markAllReadAction = formAction({
  schema: markAllNotificationsReadSchema,
  run: (_input, { db, actor }) => markAllNotificationsRead(db, actor),
  done: () => {
    // The unread count of the account bar, on every signed-in page.
    revalidatePath("/espace", "layout");
    return "/espace/notifications?lu=tout";
  },
});

export const savePreferencesAction = formAction({
  schema: notificationPreferencesSchema,
  run: (input, { db, actor }) => setNotificationPreferences(db, actor, input),
});
