import type { ReactNode } from "react";
import { loadCityIdentity } from "@/server/settings/city-identity";

/**
 * The site's header: the service's name and the City's, with its logo when it has one — all from
 * the settings (server/settings/city-identity.ts). The logo is an <img> only (an uploaded SVG is
 * never inlined) and decorative: the City's name is written next to it.
 */
export async function SiteHeader({ nav }: { nav: ReactNode }) {
  const identity = await loadCityIdentity();
  return (
    <header className="border-b-4 border-blue-300 bg-blue-900 text-white">
      <div className="mx-auto flex w-full max-w-5xl flex-col gap-2 px-4 py-3 sm:px-6 md:flex-row md:items-center md:justify-between md:gap-6">
        <a
          href="/"
          className="inline-flex min-h-11 items-center gap-3 rounded py-1 text-white no-underline hover:underline focus-visible:outline-white"
        >
          {identity.logoUrl ? (
            // eslint-disable-next-line @next/next/no-img-element -- an admin's upload at a hashed, immutable address
            <img src={identity.logoUrl} alt="" className="h-10 w-auto max-w-24 shrink-0" />
          ) : null}
          <span className="inline-flex flex-col justify-center">
            <span className="text-xl leading-tight font-bold">{identity.serviceName}</span>
            <span className="sr-only"> — </span>
            <span className="text-base leading-tight text-blue-100">{identity.cityName}</span>
          </span>
        </a>
        {nav}
      </div>
    </header>
  );
}
