"use server";

import { revalidatePath } from "next/cache";
import { platformSettingsSchema } from "@/lib/validation/settings";
import { formAction } from "@/server/form-action";
import { updatePlatformSettings } from "@/server/settings/update-platform-settings";

export const updatePlatformSettingsAction = formAction({
  schema: platformSettingsSchema,
  permission: "settings.update",
  run: (input, { db, actor }) => updatePlatformSettings(db, actor, input),
  done: (data) => {
    if (data.changed) revalidatePath("/admin", "layout");
  },
});
