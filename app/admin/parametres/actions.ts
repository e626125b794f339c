"use server";

import { revalidatePath } from "next/cache";
import { platformSettingsSchema } from "@/lib/validation/settings";
import { refreshPublicPagesOf } from "@/server/cache";
import { formAction } from "@/server/form-action";
import { updatePlatformSettings } from "@/server/settings/update-platform-settings";

export const updatePlatformSettingsAction = formAction({
  schema: platformSettingsSchema,
  permission: "settings.update",
  run: (input, { db, actor }) => updatePlatformSettings(db, actor, input),
  done: async (data, _input, { db }) => {
    if (!data.changed) return;
    revalidatePath("/admin", "layout");
    // The moderation register's rules state the report threshold and the answer delay.
    await refreshPublicPagesOf(db, { register: true });
  },
});
