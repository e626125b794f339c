import type { ReactNode } from "react";
import { statusLabel, type ActionStatus } from "@/lib/labels";

type StatusKey = ActionStatus | "unknown";

/* Each status has its own colour AND its own icon AND its word: never colour alone. */
const badgeStyles: Record<StatusKey, string> = {
  planned: "border-amber-700 bg-amber-50 text-amber-950",
  in_progress: "border-blue-700 bg-blue-50 text-blue-950",
  done: "border-green-700 bg-green-50 text-green-950",
  suspended: "border-red-700 bg-red-50 text-red-950",
  unknown: "border-slate-500 bg-slate-100 text-slate-900",
};

const iconPaths: Record<StatusKey, ReactNode> = {
  // a clock: it will start later
  planned: (
    <>
      <circle cx="12" cy="12" r="9" />
      <path d="M12 7v5l3 2" strokeLinecap="round" strokeLinejoin="round" />
    </>
  ),
  // a half-filled circle: under way
  in_progress: (
    <>
      <circle cx="12" cy="12" r="9" />
      <path d="M12 3a9 9 0 0 1 0 18Z" fill="currentColor" stroke="none" />
    </>
  ),
  // a tick: done
  done: (
    <>
      <circle cx="12" cy="12" r="9" />
      <path d="m8 12.5 2.5 2.5L16 9.5" strokeLinecap="round" strokeLinejoin="round" />
    </>
  ),
  // pause bars: suspended
  suspended: (
    <>
      <circle cx="12" cy="12" r="9" />
      <path d="M10 8.5v7M14 8.5v7" strokeLinecap="round" />
    </>
  ),
  // a question mark: the source gives no status
  unknown: (
    <>
      <circle cx="12" cy="12" r="9" />
      <path d="M9.5 9.5a2.5 2.5 0 1 1 3.5 2.3c-.6.3-1 .9-1 1.6v.6M12 17h.01" strokeLinecap="round" strokeLinejoin="round" />
    </>
  ),
};

export function StatusIcon({ status, className = "h-5 w-5" }: { status: ActionStatus | null; className?: string }) {
  return (
    <svg
      aria-hidden="true"
      focusable="false"
      viewBox="0 0 24 24"
      className={`shrink-0 ${className}`}
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
    >
      {iconPaths[status ?? "unknown"]}
    </svg>
  );
}

/** The status as a word with its icon. « Statut : » is spoken, not shown: the badge's look says it. */
export function StatusBadge({ status }: { status: ActionStatus | null }) {
  return (
    <span
      className={`inline-flex items-center gap-1.5 rounded-full border px-2.5 py-0.5 text-base font-semibold whitespace-nowrap ${badgeStyles[status ?? "unknown"]}`}
    >
      <StatusIcon status={status} />
      <span className="sr-only">Statut : </span>
      {statusLabel(status)}
    </span>
  );
}
