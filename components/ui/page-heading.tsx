import type { ReactNode } from "react";

/** The page's one h1, with an optional kicker line above it and a lead paragraph below. */
export function PageHeading({ kicker, title, lead }: { kicker?: ReactNode; title: ReactNode; lead?: ReactNode }) {
  return (
    <div className="mb-8">
      {kicker ? <p className="mb-2 text-base font-semibold tracking-wide text-blue-800 uppercase">{kicker}</p> : null}
      <h1 className="text-2xl leading-tight font-bold text-balance hyphens-auto text-slate-900 sm:text-4xl sm:hyphens-manual">{title}</h1>
      {lead ? <div className="mt-4 text-lg leading-relaxed sm:text-xl text-slate-800">{lead}</div> : null}
    </div>
  );
}
