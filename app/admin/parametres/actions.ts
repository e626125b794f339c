"use server";

import { revalidatePath } from "next/cache";
import { platformSettingsSchema, privacySettingsSchema } from "@/lib/validation/settings";
import { refreshPublicPagesOf } from "@/server/cache";
import { formAction } from "@/server/form-action";
import { updatePlatformSettings } from "@/server/settings/update-platform-settings";
import { updatePrivacySettings } from "@/server/settings/update-privacy-settings";

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

export const updatePrivacySettingsAction = formAction({
  schema: privacySettingsSchema,
  permission: "settings.privacy.update",
  run: (input, { db, actor }) => updatePrivacySettings(db, actor, input),
  done: (data) => {
    if (!data.changed) return;
    revalidatePath("/admin", "layout");
    // The public page prints these values (and the period the retention job applies).
    revalidatePath("/donnees-personnelles");
  },
});
