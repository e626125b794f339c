import "server-only";
import { cityDay } from "@/lib/dates";
import { deadlineView, type DeadlineFields } from "@/lib/deadlines";
import type { ActionStatus } from "@/lib/labels";
import type { ContributionTally } from "./load-tallies";
import type { ActionSummary } from "./types";

/* A fiche's public summary, from its row (actionSummaryColumns) and its tally: home, theme and fiche pages. */

export function toActionSummary(
  row: { slug: string; title: string; status: ActionStatus | null; progress: number | null } & Omit<DeadlineFields, "status">,
  tally: ContributionTally | undefined,
): ActionSummary {
  return {
    slug: row.slug,
    title: row.title,
    status: row.status,
    progress: row.progress,
    timeframeLabel: row.timeframeLabel,
    // The City's calendar day: pages are re-rendered at least hourly, so « en retard » follows.
    deadline: deadlineView(row, cityDay(new Date())),
    contributionCounts: { feedback: tally?.feedback ?? 0, proposals: tally?.proposals ?? 0 },
  };
}
