import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import { SiteFooter } from "@/components/site/site-footer";
import { SiteHeader } from "@/components/site/site-header";
import { SiteNav } from "@/components/site/site-nav";
import { SkipLink } from "@/components/site/skip-link";
import "./globals.css";

export const metadata: Metadata = {
  title: {
    template: "%s — Projet social communal d'Aurillac",
    default: "Projet social communal d'Aurillac",
  },
  description:
    "Le projet social communal de la Ville d'Aurillac (2015–2020) : ses thématiques, ses fiches actions, leur état d'avancement et la démarche qui l'a construit.",
};

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
        <main id="contenu" className="flex-1 pt-8 sm:pt-10">
          {children}
        </main>
        <SiteFooter />
      </body>
    </html>
  );
}
