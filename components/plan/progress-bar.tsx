import { progressLabel } from "@/lib/labels";
import { coverageText, isRepresentative, type Coverage } from "@/lib/rollup";

/**
 * Progress as text (« Avancement : 40 % »), with a bar that only repeats the number for the eye
 * (aria-hidden). With no measure, it says so and draws no bar: an empty bar would read as 0 %.
 */
export function ProgressBar({ progress, className = "" }: { progress: number | null; className?: string }) {
  if (progress === null) {
    return (
      <p className={`flex items-center gap-2 text-slate-800 ${className}`}>
        <svg
          aria-hidden="true"
          focusable="false"
          viewBox="0 0 24 24"
          className="h-5 w-5 shrink-0 text-slate-600"
          fill="none"
          stroke="currentColor"
          strokeWidth="2"
        >
          <circle cx="12" cy="12" r="9" strokeDasharray="3 3" />
          <path d="M8 12h8" strokeLinecap="round" />
        </svg>
        <span>{progressLabel(null)}</span>
      </p>
    );
  }
  const width = Math.min(100, Math.max(0, progress));
  return (
    <div className={className}>
      <p className="font-semibold text-slate-900">{progressLabel(progress)}</p>
      <div
        aria-hidden="true"
        data-progress-bar=""
        className="mt-1 h-3 w-full max-w-sm overflow-hidden rounded-full border border-slate-500 bg-slate-100"
      >
        <div className="h-full bg-blue-800" style={{ width: `${width}%` }} />
      </div>
    </div>
  );
}

/**
 * A theme's or the plan's progress with the number of fiches it stands on (« 1 fiche sur 14
 * renseignée »); the bar only when at least half of them have a figure (lib/rollup.ts).
 */
export function RollupProgress({
  progress,
  coverage,
  className = "",
}: {
  progress: number | null;
  coverage: Coverage;
  className?: string;
}) {
  if (progress === null || coverage.measured === 0) {
    return (
      <p data-rollup="" className={`text-slate-800 ${className}`}>
        Avancement non renseigné{coverage.total > 1 ? ` (aucune des ${coverage.total} fiches n'a de mesure)` : ""}
      </p>
    );
  }
  if (!isRepresentative(coverage)) {
    return (
      <p data-rollup="" className={`text-slate-900 ${className}`}>
        <span className="font-semibold">{progressLabel(progress)}</span> ({coverageText(coverage)}) : trop peu de fiches renseignées pour en
        faire l&apos;état d&apos;ensemble.
      </p>
    );
  }
  const covered = coverageText(coverage);
  return (
    <div data-rollup="" className={className}>
      <ProgressBar progress={progress} />
      <p className="text-slate-800">{covered.charAt(0).toUpperCase() + covered.slice(1)}.</p>
    </div>
  );
}
