import "server-only";
import type { Db } from "@/db/client";
import { platformSettings } from "@/db/schema";
import { type AccessibilityStatus, type CityIdentity, defaultCityIdentity, type LogoExtension, logoUrlOf } from "@/lib/city-identity";
import {
  DEACTIVATED_ACCOUNT_YEARS_DEFAULT,
  DEFAULT_DATA_CONTROLLER_ADDRESS,
  DEFAULT_DATA_CONTROLLER_NAME,
  DEFAULT_DPO_CONTACT,
  DEFAULT_PRIVACY_LEGAL_BASIS,
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
  privacyLegalBasis: string;
  /** The City's own additions (hosting, technical logs…), plain text with links. */
  privacyNotes: string;
  /** Applied by the retention job (server/retention/). */
  deactivatedAccountYears: number;
}

export const defaultPrivacySettings: PrivacySettings = {
  dataControllerName: DEFAULT_DATA_CONTROLLER_NAME,
  dataControllerAddress: DEFAULT_DATA_CONTROLLER_ADDRESS,
  dpoContact: DEFAULT_DPO_CONTACT,
  privacyLegalBasis: DEFAULT_PRIVACY_LEGAL_BASIS,
  privacyNotes: "",
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
  privacyLegalBasis: platformSettings.privacyLegalBasis,
  privacyNotes: platformSettings.privacyNotes,
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

// ——— The City's identity ———

/** What an admin types for the identity (the logo has its own form). */
export const cityIdentityColumns = {
  cityName: platformSettings.cityName,
  serviceName: platformSettings.serviceName,
  contactAddress: platformSettings.contactAddress,
};

/** The City's identity, with its logo's address (never its bytes). */
export async function getCityIdentity(db: Db): Promise<CityIdentity> {
  const [row] = await db
    .select({ ...cityIdentityColumns, logoHash: platformSettings.logoHash, logoType: platformSettings.logoType })
    .from(platformSettings)
    .limit(1);
  if (!row) return defaultCityIdentity;
  const { logoHash, logoType, ...identity } = row;
  return { ...identity, logoUrl: logoHash && logoType ? logoUrlOf(logoHash, extensionOf(logoType)) : null };
}

export const extensionOf = (type: string): LogoExtension => (type === "image/svg+xml" ? "svg" : "png");

/** The logo itself, for its route: null when there is none. */
export async function getCityLogo(db: Db): Promise<{ bytes: Buffer; type: string; hash: string } | null> {
  const [row] = await db
    .select({ base64: platformSettings.logoBase64, type: platformSettings.logoType, hash: platformSettings.logoHash })
    .from(platformSettings)
    .limit(1);
  if (!row?.base64 || !row.type || !row.hash) return null;
  return { bytes: Buffer.from(row.base64, "base64"), type: row.type, hash: row.hash };
}

// ——— The legal pages ———

export interface LegalPagesSettings {
  legalNotice: string;
  accessibilityStatus: AccessibilityStatus;
  /** YYYY-MM-DD, or null while no audit took place. */
  accessibilityAuditDate: string | null;
  accessibilityDerogations: string;
  accessibilityContact: string;
}

export const defaultLegalPagesSettings: LegalPagesSettings = {
  legalNotice: "",
  accessibilityStatus: "non_conforme",
  accessibilityAuditDate: null,
  accessibilityDerogations: "",
  accessibilityContact: "",
};

export const legalPagesColumns = {
  legalNotice: platformSettings.legalNotice,
  accessibilityStatus: platformSettings.accessibilityStatus,
  accessibilityAuditDate: platformSettings.accessibilityAuditDate,
  accessibilityDerogations: platformSettings.accessibilityDerogations,
  accessibilityContact: platformSettings.accessibilityContact,
};

export async function getLegalPagesSettings(db: Db): Promise<LegalPagesSettings> {
  const [row] = await db.select(legalPagesColumns).from(platformSettings).limit(1);
  return row ? { ...row, accessibilityStatus: row.accessibilityStatus as AccessibilityStatus } : defaultLegalPagesSettings;
}
