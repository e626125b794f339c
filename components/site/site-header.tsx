import type { ReactNode } from "react";

export function SiteHeader({ nav }: { nav: ReactNode }) {
  return (
    <header className="border-b-4 border-blue-300 bg-blue-900 text-white">
      <div className="mx-auto flex w-full max-w-5xl flex-col gap-2 px-4 py-3 sm:px-6 md:flex-row md:items-center md:justify-between md:gap-6">
        <a
          href="/"
          className="inline-flex min-h-11 flex-col justify-center rounded py-1 text-white no-underline hover:underline focus-visible:outline-white"
        >
          <span className="text-xl leading-tight font-bold">Projet social communal</span>
          <span className="sr-only"> — </span>
          <span className="text-base leading-tight text-blue-100">Ville d&apos;Aurillac</span>
        </a>
        {nav}
      </div>
    </header>
  );
}
