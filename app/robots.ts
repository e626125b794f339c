import type { MetadataRoute } from "next";
import { FILTERED_PLAN, PRIVATE_SECTIONS, PUBLIC_UNDER_PRIVATE, SEARCH_RESULTS } from "@/lib/crawl";
import { siteOrigin } from "@/lib/env";

/* The rules are lib/crawl.ts's; only the sitemap's address depends on the site. */
export const revalidate = 3600;

export default function robots(): MetadataRoute.Robots {
  return {
    rules: { userAgent: "*", allow: ["/", ...PUBLIC_UNDER_PRIVATE], disallow: [...PRIVATE_SECTIONS, SEARCH_RESULTS, FILTERED_PLAN] },
    sitemap: `${siteOrigin()}/sitemap.xml`,
  };
}
