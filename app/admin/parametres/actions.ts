"use server";

import { revalidatePath } from "next/cache";
import {
  cityIdentitySchema,
  cityLogoSchema,
  legalPagesSchema,
  platformSettingsSchema,
  privacySettingsSchema,
  removeCityLogoSchema,
} from "@/lib/validation/settings";
import { refreshPublicPages, refreshPublicPagesOf } from "@/server/cache";
import { formAction } from "@/server/form-action";
import { removeCityLogo, replaceCityLogo } from "@/server/settings/city-logo";
import { updateCityIdentity, updateLegalPages } from "@/server/settings/update-city-identity";
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

/**
 * The City's names, contact and logo are on every page (header, footer, titles, link previews),
 * every feed, calendar and open data file: all of them are refreshed, like a council's rename.
 */
function refreshEverything(data: { changed: boolean }) {
  if (!data.changed) return;
  revalidatePath("/admin", "layout");
  refreshPublicPages();
}

export const updateCityIdentityAction = formAction({
  schema: cityIdentitySchema,
  permission: "settings.identity.update",
  run: (input, { db, actor }) => updateCityIdentity(db, actor, input),
  done: refreshEverything,
});

export const replaceCityLogoAction = formAction({
  schema: cityLogoSchema,
  permission: "settings.identity.update",
  files: ["logo"],
  run: async (input, { db, actor }) => replaceCityLogo(db, actor, new Uint8Array(await input.logo.arrayBuffer())),
  done: refreshEverything,
});

export const removeCityLogoAction = formAction({
  schema: removeCityLogoSchema,
  permission: "settings.identity.update",
  run: (_input, { db, actor }) => removeCityLogo(db, actor),
  done: refreshEverything,
});

// The footer states the accessibility status on every page.
export const updateLegalPagesAction = formAction({
  schema: legalPagesSchema,
  permission: "settings.legal.update",
  run: (input, { db, actor }) => updateLegalPages(db, actor, input),
  done: refreshEverything,
});
