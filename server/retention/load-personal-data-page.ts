import "server-only";
import type { Db } from "@/db/client";
import { defaultPrivacySettings, getPrivacySettings, type PrivacySettings } from "@/server/settings/platform-settings";
import { retentionPeriods, type RetentionKind } from "@/lib/personal-data";

export interface PersonalDataPage {
  settings: PrivacySettings;
  /** Every period the retention job applies, with the admin's setting where there is one. */
  periods: { kind: RetentionKind; data: string; period: string }[];
  /** The controller's or the DPO's contact is still the one installed by default: the page asks the City to check it. */
  contactsAreDefaults: boolean;
}

/** What /donnees-personnelles prints: the admin's settings and the periods the job applies, from the same rules. One query. */
export async function loadPersonalDataPage(db: Db): Promise<PersonalDataPage> {
  const settings = await getPrivacySettings(db);
  return {
    settings,
    periods: retentionPeriods(settings),
    contactsAreDefaults:
      settings.dataControllerAddress === defaultPrivacySettings.dataControllerAddress ||
      settings.dpoContact === defaultPrivacySettings.dpoContact,
  };
}
