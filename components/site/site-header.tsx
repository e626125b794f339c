import type { ReactNode } from "react";

/** The City's identity in the header: defaults to today's text until the City's settings give its own. */
export interface SiteIdentity {
  /** The service's name, first and in bold. */
  serviceName: string;
  /** « Ville d'Aurillac »: the second line. */
  cityLine: string;
  /** The City's logo, shown before the names. Decorative (alt=""): the names beside it say the same. */
  logoSrc?: string | null;
}

export const DEFAULT_IDENTITY: SiteIdentity = { serviceName: "Projet social communal", cityLine: "Ville d'Aurillac", logoSrc: null };

/**
 * One line: the service's name (a link home) on the left, the menu on the right. On desktop (1024 px
 * and up) the menu's links are in that line; on a phone the line holds only the names and a
 * « Menu » button (components/site/site-nav.tsx), so the header stays one short bar. `relative`:
 * the phone menu opens below the bar, over the page.
 */
export function SiteHeader({ nav, identity = DEFAULT_IDENTITY }: { nav: ReactNode; identity?: SiteIdentity }) {
  return (
    <header className="relative z-20 border-b-4 border-blue-300 bg-blue-900 text-white">
      <div className="mx-auto flex w-full max-w-7xl items-center justify-between gap-4 px-4 py-2 sm:px-6">
        <a
          href="/"
          className="inline-flex min-h-11 min-w-0 items-center gap-3 rounded py-1 text-white no-underline hover:underline focus-visible:outline-white"
        >
          {identity.logoSrc ? (
            // A plain <img>: the logo is the City's own file, shown as it is, with no client code.
            // eslint-disable-next-line @next/next/no-img-element
            <img src={identity.logoSrc} alt="" className="h-10 w-auto shrink-0 rounded-sm bg-white p-0.5" />
          ) : null}
          <span className="flex min-w-0 flex-col">
            <span className="text-base leading-tight font-bold sm:text-lg">{identity.serviceName}</span>
            <span className="sr-only"> — </span>
            <span className="text-base leading-tight text-blue-100">{identity.cityLine}</span>
          </span>
        </a>
        {nav}
      </div>
    </header>
  );
}
