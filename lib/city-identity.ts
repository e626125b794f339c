/*
 * The City that runs this platform, from its settings (an admin edits them in « Paramètres »; the
 * seed installs the source document's City): its name, the service's name, its logo, its contact address. No source
 * file names the City: every text that shows it (header, footer, page titles, Open Graph, feeds,
 * calendars, e-mails, open data) reads these. Browser-safe, no I/O.
 */

/** What an install shows before an admin names the City: true of any city, marked as to complete. */
export const DEFAULT_CITY_NAME = "La Ville";
export const DEFAULT_SERVICE_NAME = "Projet social communal";

export const CITY_NAME_MAX = 120;
export const SERVICE_NAME_MAX = 120;
export const CONTACT_ADDRESS_MAX = 500;

export interface CityIdentity {
  /** The City as an institution: « Ville de Démoville ». */
  cityName: string;
  /** The service this site is: « Projet social communal ». */
  serviceName: string;
  /** Postal or e-mail address to write to the City about this site; empty until set. */
  contactAddress: string;
  /** `/identite/logo-<hash>.<ext>`, or null when the City has no logo. */
  logoUrl: string | null;
}

export const defaultCityIdentity: CityIdentity = {
  cityName: DEFAULT_CITY_NAME,
  serviceName: DEFAULT_SERVICE_NAME,
  contactAddress: "",
  logoUrl: null,
};

/** The site's name, in titles and link previews: « Projet social communal — Ville de Démoville ». */
export const siteNameOf = (identity: Pick<CityIdentity, "cityName" | "serviceName">) => `${identity.serviceName} — ${identity.cityName}`;

/** The home page's description, and the default one (no article to agree with the City's name). */
export const siteDescriptionOf = (identity: Pick<CityIdentity, "cityName" | "serviceName">) =>
  `${siteNameOf(identity)} : ses thématiques, ses fiches actions, leur état d'avancement et la démarche qui l'a construit.`;

/** The identity is still the one installed by default: the legal pages ask the City to complete it. */
export const isDefaultIdentity = (identity: Pick<CityIdentity, "cityName">) => identity.cityName === DEFAULT_CITY_NAME;

// ——— The logo ———

/** Beyond this, a logo is refused: it is shown at most a few centimetres wide. Below Next's 1 MB server action body. */
export const LOGO_MAX_BYTES = 500 * 1024;

export const logoTypes = { png: "image/png", svg: "image/svg+xml" } as const;
export type LogoExtension = keyof typeof logoTypes;

export const logoUrlOf = (hash: string, extension: LogoExtension) => `/identite/logo-${hash}.${extension}`;

// ——— The legal pages' texts (plain text with links, lib/plain-text.ts) ———

export const LEGAL_TEXT_MAX = 10_000;

/** The RGAA's three conformity statuses: « non conforme » until an audit says otherwise. */
export const accessibilityStatuses = ["non_conforme", "partiellement_conforme", "totalement_conforme"] as const;
export type AccessibilityStatus = (typeof accessibilityStatuses)[number];
export const accessibilityStatusLabels: Record<AccessibilityStatus, string> = {
  non_conforme: "non conforme",
  partiellement_conforme: "partiellement conforme",
  totalement_conforme: "totalement conforme",
};

/** « pour la Ville de Démoville », « pour la Ville » — an answer's signature when its author has no title. */
export function onBehalfOf(cityName: string): string {
  const article = /^(La|Le|Les) /.exec(cityName);
  if (article) return `pour ${article[1]!.toLowerCase()}${cityName.slice(article[1]!.length)}`;
  if (/^L['’]/.test(cityName)) return `pour l${cityName.slice(1)}`;
  if (/^(Ville|Commune|Mairie|Métropole|Communauté)\b/.test(cityName)) return `pour la ${cityName}`;
  return `pour ${cityName}`;
}

/** What a mail needs of the identity. */
export type MailIdentity = Pick<CityIdentity, "cityName" | "serviceName">;
