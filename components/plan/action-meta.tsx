import type { ActionStatus } from "@/lib/labels";
import { timeframeText } from "@/lib/plan-text";
import { StatusBadge } from "./status-badge";

/** Status and time frame of a fiche, on one line that wraps on a phone. */
export function ActionMeta({ status, timeframeLabel }: { status: ActionStatus | null; timeframeLabel: string | null }) {
  return (
    <div className="mt-2 flex flex-wrap items-center gap-x-4 gap-y-2">
      <StatusBadge status={status} />
      <span className="text-slate-800">{timeframeText(timeframeLabel)}</span>
    </div>
  );
}
