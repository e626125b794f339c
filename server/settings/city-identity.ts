import "server-only";
import { cache } from "react";
import type { Metadata } from "next";
import { type CityIdentity, siteNameOf } from "@/lib/city-identity";
import { pageMetadata, type PageMetadataInput } from "@/lib/page-metadata";
import { getDb } from "@/server/db";
import { getCityIdentity } from "./platform-settings";

/**
 * The City's identity for the page being rendered: its name, the service's name, its contact
 * address and its logo's address (or null). Read once per render (React `cache`); a public page
 * keeps it in its cached render, refreshed with every public page when an admin changes it
 * (app/admin/parametres/actions.ts). The header, the footer, the layout's metadata and the pages'
 * descriptions all call this.
 */
export const loadCityIdentity = cache(async (): Promise<CityIdentity> => getCityIdentity(await getDb()));

/** A public page's <head> (lib/page-metadata.ts) with the site's name from the settings. */
export async function publicPageMetadata(input: PageMetadataInput): Promise<Metadata> {
  return pageMetadata(input, siteNameOf(await loadCityIdentity()));
}
