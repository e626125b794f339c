import { Fragment } from "react";
import type { Milestone } from "@/server/plan/types";
import { timeSpanParts } from "@/lib/time-span";

/** The démarche as an ordered list; every date is a <time> at the precision the source gives. */
export function Timeline({ milestones }: { milestones: Milestone[] }) {
  return (
    <ol className="ml-3 border-l-4 border-blue-200">
      {milestones.map((m) => (
        <li key={m.key} className="relative pb-8 pl-6 last:pb-0">
          <span aria-hidden="true" className="absolute top-1.5 -left-[14px] h-6 w-6 rounded-full border-4 border-blue-800 bg-white" />
          <div className="flex flex-col">
            <h3 className="text-xl leading-snug font-bold text-slate-900">{m.title}</h3>
            <p className="order-first font-semibold text-blue-900">
              {timeSpanParts(m.startsOn, m.endsOn, m.precision).map((part, i) => (
                <Fragment key={part.dateTime}>
                  {i > 0 ? "–" : null}
                  <time dateTime={part.dateTime}>{part.label}</time>
                </Fragment>
              ))}
            </p>
            {m.description ? <p className="mt-1 text-slate-800">{m.description}</p> : null}
          </div>
        </li>
      ))}
    </ol>
  );
}
