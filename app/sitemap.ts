import type { MetadataRoute } from "next";
import { siteOrigin } from "@/lib/env";
import { getDb } from "@/server/db";
import { listSitemapPaths } from "@/server/sitemap/list-sitemap-paths";

/* Cached like the pages it lists: refreshed when meetings or councils change, and at least hourly. */
export const revalidate = 3600;

export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  const origin = siteOrigin();
  return (await listSitemapPaths(await getDb())).map((path) => ({ url: `${origin}${path}` }));
}
