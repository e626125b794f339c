import type { ReactNode } from "react";
import { loadCityIdentity } from "@/server/settings/city-identity";

/**
 * One line: the service's name (a link home) on the left, the menu on the right. On desktop (1024 px
 * and up) the menu's links are in that line; on a phone the line holds only the names and a
 * « Menu » button (components/site/site-nav.tsx), so the header stays one short bar. `relative`:
 * the phone menu opens below the bar, over the page. The names and the logo come from the settings
 * (server/settings/city-identity.ts); the logo is an <img> only (an uploaded SVG is never inlined)
 * and decorative: the City's name is written next to it.
 */
export async function SiteHeader({ nav }: { nav: ReactNode }) {
  const identity = await loadCityIdentity();
  return (
    <header className="relative z-20 border-b-4 border-blue-300 bg-blue-900 text-white">
      <div className="mx-auto flex w-full max-w-7xl items-center justify-between gap-4 px-4 py-2 sm:px-6">
        <a
          href="/"
          className="inline-flex min-h-11 min-w-0 items-center gap-3 rounded py-1 text-white no-underline hover:underline focus-visible:outline-white"
        >
          {identity.logoUrl ? (
            // eslint-disable-next-line @next/next/no-img-element -- an admin's upload at a hashed, immutable address
            <img src={identity.logoUrl} alt="" className="h-10 w-auto max-w-24 shrink-0 rounded-sm bg-white p-0.5" />
          ) : null}
          <span className="flex min-w-0 flex-col">
            <span className="text-base leading-tight font-bold sm:text-lg">{identity.serviceName}</span>
            <span className="sr-only"> — </span>
            <span className="text-base leading-tight text-blue-100">{identity.cityName}</span>
          </span>
        </a>
        {nav}
      </div>
    </header>
  );
}
