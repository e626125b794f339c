import type { Metadata, Viewport } from "next";
import { siteOrigin } from "@/lib/env";
import { siteDescriptionOf, siteNameOf } from "@/lib/city-identity";
import { loadCityIdentity } from "@/server/settings/city-identity";
import { SITE_ICON } from "@/lib/site-icon";
import type { ReactNode } from "react";
import { SiteFooter } from "@/components/site/site-footer";
import { SiteHeader } from "@/components/site/site-header";
import { SiteNav } from "@/components/site/site-nav";
import { SkipLink } from "@/components/site/skip-link";
import "./globals.css";

/*
 * The defaults of every page's <head>. The public origin makes the pages' relative addresses
 * absolute (Open Graph, <link rel="alternate">); read when a page is rendered, not when this module
 * loads (instrumentation.ts may set NEXTAUTH_URL after that). Public pages set their own Open Graph
 * tags through lib/page-metadata.ts; the others inherit these with their own title and description.
 * The site's name is the City's, from the settings (server/settings/city-identity.ts).
 */
export async function generateMetadata(): Promise<Metadata> {
  const identity = await loadCityIdentity();
  const siteName = siteNameOf(identity);
  return {
    metadataBase: new URL(siteOrigin()),
    title: { template: `%s — ${siteName}`, default: siteName },
    description: siteDescriptionOf(identity),
    openGraph: { type: "website", locale: "fr_FR", siteName },
    icons: { icon: { url: SITE_ICON, type: "image/svg+xml" } },
  };
}

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

/*
 * The root layout reads no cookie, header or session: every public page stays static (cached).
 * `nav` is the @nav parallel route: it knows which section is current from the URL alone. The
 * global 404 (a URL no route matches) renders no slot, hence the plain menu as a fallback.
 */
export default function RootLayout({ children, nav }: { children: ReactNode; nav?: ReactNode }) {
  return (
    <html lang="fr">
      <body className="flex min-h-screen flex-col">
        <SkipLink />
        <SiteHeader nav={nav ?? <SiteNav />} />
        <main id="contenu" className="flex-1 pt-6 sm:pt-10">
          {children}
        </main>
        <SiteFooter />
      </body>
    </html>
  );
}
