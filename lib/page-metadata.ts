import type { Metadata } from "next";

/*
 * The <head> of a public page, written one way: its title and description, the Open Graph tags that
 * a link preview reads (title, description, type, address, fr_FR, site name), and the feeds and
 * calendars that belong to it as <link rel="alternate">. Addresses are relative: the root layout's
 * metadataBase (the site's public origin) makes them absolute.
 *
 * Next replaces a parent's `openGraph` as a whole when a page sets its own, so every page sets all
 * of it through here rather than inheriting the site name from the layout.
 */

/** The site's name comes from the City's settings (lib/city-identity.ts `siteNameOf`); the server passes it in. */

export interface AlternateLink {
  path: string;
  title: string;
}

export interface PageMetadataInput {
  /** The page's own title: the layout adds « — <the site's name> » to it. */
  title: string;
  /** A text, or one made with the site's name (« Projet social communal — Ville de Démoville »). */
  description: string | ((siteName: string) => string);
  /** The page's address, from the site's root: `/fiches/…`. */
  path: string;
  /** The home page's title is the site's name, without the suffix. */
  absoluteTitle?: boolean;
  /** Atom feeds of the page (application/atom+xml). */
  feeds?: AlternateLink[];
  /** iCalendar files of the page (text/calendar). */
  calendars?: AlternateLink[];
}

const descriptors = (links: AlternateLink[]) => links.map((l) => ({ url: l.path, title: l.title }));

export function pageMetadata(input: PageMetadataInput, siteName: string): Metadata {
  const description = typeof input.description === "function" ? input.description(siteName) : input.description;
  const types: Record<string, { url: string; title: string }[]> = {};
  if (input.feeds?.length) types["application/atom+xml"] = descriptors(input.feeds);
  if (input.calendars?.length) types["text/calendar"] = descriptors(input.calendars);
  return {
    title: input.absoluteTitle ? { absolute: input.title } : input.title,
    description,
    openGraph: {
      type: "website",
      locale: "fr_FR",
      siteName,
      title: input.title,
      description,
      url: input.path,
    },
    ...(Object.keys(types).length ? { alternates: { types } } : {}),
  };
}
