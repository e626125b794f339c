import "server-only";
import type { Db } from "@/db/client";
import { platformSettings } from "@/db/schema";
import {
  DEACTIVATED_ACCOUNT_YEARS_DEFAULT,
  DEFAULT_DATA_CONTROLLER_ADDRESS,
  DEFAULT_DATA_CONTROLLER_NAME,
  DEFAULT_DPO_CONTACT,
} from "@/lib/personal-data";

export interface PlatformSettings {
  /** After this many open reports, a published item is hidden until a moderator reviews it. */
  reportThreshold: number;
  /** A published proposal's answer is due this many days after publication. */
  answerDueDays: number;
}

export const defaultPlatformSettings: PlatformSettings = { reportThreshold: 3, answerDueDays: 60 };

/** Personal data: who answers for it (printed on /donnees-personnelles) and how long a deactivated account is kept. */
export interface PrivacySettings {
  dataControllerName: string;
  dataControllerAddress: string;
  dpoContact: string;
  /** Applied by the retention job (server/retention/). */
  deactivatedAccountYears: number;
}

export const defaultPrivacySettings: PrivacySettings = {
  dataControllerName: DEFAULT_DATA_CONTROLLER_NAME,
  dataControllerAddress: DEFAULT_DATA_CONTROLLER_ADDRESS,
  dpoContact: DEFAULT_DPO_CONTACT,
  deactivatedAccountYears: DEACTIVATED_ACCOUNT_YEARS_DEFAULT,
};

export const platformSettingsColumns = {
  reportThreshold: platformSettings.reportThreshold,
  answerDueDays: platformSettings.answerDueDays,
};

export const privacySettingsColumns = {
  dataControllerName: platformSettings.dataControllerName,
  dataControllerAddress: platformSettings.dataControllerAddress,
  dpoContact: platformSettings.dpoContact,
  deactivatedAccountYears: platformSettings.deactivatedAccountYears,
};

/** The platform's settings (one row, created by the migration; the defaults if it is missing). */
export async function getPlatformSettings(db: Db): Promise<PlatformSettings> {
  const [row] = await db.select(platformSettingsColumns).from(platformSettings).limit(1);
  return row ?? defaultPlatformSettings;
}

/** The personal-data settings, from the same row (the defaults installed by migration 0012 if it is missing). */
export async function getPrivacySettings(db: Db): Promise<PrivacySettings> {
  const [row] = await db.select(privacySettingsColumns).from(platformSettings).limit(1);
  return row ?? defaultPrivacySettings;
}
