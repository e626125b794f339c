import "server-only";
import type { Db } from "@/db/client";
import { platformSettings } from "@/db/schema";

export interface PlatformSettings {
  /** After this many open reports, a published item is hidden until a moderator reviews it. */
  reportThreshold: number;
  /** A published proposal's answer is due this many days after publication. */
  answerDueDays: number;
}

export const defaultPlatformSettings: PlatformSettings = { reportThreshold: 3, answerDueDays: 60 };

/** The platform's settings (one row, created by the migration; the defaults if it is missing). */
export async function getPlatformSettings(db: Db): Promise<PlatformSettings> {
  const [row] = await db
    .select({ reportThreshold: platformSettings.reportThreshold, answerDueDays: platformSettings.answerDueDays })
    .from(platformSettings)
    .limit(1);
  return row ?? defaultPlatformSettings;
}
