import { LateBadge } from "@/components/progress/deadline-info";
import type { DeadlineView } from "@/lib/deadlines";
import type { ActionStatus } from "@/lib/labels";
import { timeframeText } from "@/lib/plan-text";
import { StatusBadge } from "./status-badge";

/** Status and current time frame of a fiche, and « en retard », on one line that wraps on a phone. */
export function ActionMeta({ status, deadline }: { status: ActionStatus | null; deadline: DeadlineView }) {
  return (
    <div className="mt-2 flex flex-wrap items-center gap-x-4 gap-y-2">
      <StatusBadge status={status} />
      <span className="text-slate-800">{timeframeText(deadline.currentLabel)}</span>
      {deadline.late ? <LateBadge /> : null}
    </div>
  );
}
