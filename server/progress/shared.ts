import "server-only";
import { and, desc, eq, isNotNull, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { actionDeadlineChanges, actionOfficials, actions, progressReports } from "@/db/schema";
import { deadlineView } from "@/lib/deadlines";
import { cityDay } from "@/lib/dates";
import { writeAudit } from "@/server/audit";
import { actionSummaryColumns } from "@/server/plan/columns";
import { actionPlanState, type PlanState } from "@/server/plan/plan-state";

/** The fiche's id and summary columns (with its deadline's). */
export const progressActionColumns = actionSummaryColumns;

export type ProgressAction = {
  id: number;
  slug: string;
  title: string;
  status: (typeof actions.$inferSelect)["status"];
  progress: number | null;
  timeframeLabel: string | null;
  timeframeEndYear: number | null;
  currentTimeframeLabel: string | null;
  deadline: string | null;
  /** A closed plan's fiche takes no new report nor deadline change (decision 0027). */
  planState: PlanState;
};

/** The fiche, locked for the rest of the transaction when `lock` (two reports at once apply in turn). */
export async function loadProgressAction(db: Db, slug: string, lock = false): Promise<ProgressAction | undefined> {
  const query = db
    .select({ ...progressActionColumns, planState: actionPlanState })
    .from(actions)
    .where(eq(actions.slug, slug));
  const [row] = lock ? await query.for("update") : await query;
  return row;
}

export async function isInCharge(db: Db, actionId: number, userId: number): Promise<boolean> {
  const [row] = await db
    .select({ one: sql<number>`1` })
    .from(actionOfficials)
    .where(and(eq(actionOfficials.actionId, actionId), eq(actionOfficials.userId, userId)));
  return Boolean(row);
}

/**
 * Moves the fiche's time frame and writes the change with its reason, and its journal row (same
 * transaction as the caller's). The previous values are the ones in force: the original until a first change.
 */
export async function applyDeadlineChange(
  tx: Db,
  action: ProgressAction,
  change: { newTimeframeLabel: string; newDeadline: string; reason: string },
  actorId: number,
  progressReportId: number | null,
): Promise<void> {
  const current = deadlineView(action, cityDay(new Date()));
  await writeAudit(tx, {
    actorUserId: actorId,
    action: "action.deadline.change",
    targetType: "action",
    targetId: action.id,
    reason: change.reason,
    // The words before and after, so the journal can say « de “jusqu'en 2018” à “juin 2027” ».
    details: {
      fiche: action.slug,
      previousLabel: current.currentLabel,
      newDeadline: change.newDeadline,
      newLabel: change.newTimeframeLabel,
    },
  });
  await tx.insert(actionDeadlineChanges).values({
    actionId: action.id,
    previousLabel: current.currentLabel,
    previousDeadline: current.currentDeadline,
    newLabel: change.newTimeframeLabel,
    newDeadline: change.newDeadline,
    reason: change.reason,
    changedById: actorId,
    progressReportId,
  });
  await tx
    .update(actions)
    .set({ currentTimeframeLabel: change.newTimeframeLabel, deadline: change.newDeadline, updatedAt: sql`now()` })
    .where(eq(actions.id, action.id));
}

/**
 * The fiche's status and progress are those of its latest report that gives them: after a report
 * or a correction, they are read back from the reports rather than patched, so the fiche never
 * shows a value that no report explains.
 */
export async function syncActionFromReports(tx: Db, actionId: number): Promise<void> {
  const latest = (column: typeof progressReports.status | typeof progressReports.progress) =>
    tx
      .select({ value: column })
      .from(progressReports)
      .where(and(eq(progressReports.actionId, actionId), isNotNull(column)))
      .orderBy(sql`${progressReports.reportedOn} desc nulls last`, desc(progressReports.createdAt), desc(progressReports.id))
      .limit(1);
  const [[status], [progress]] = await Promise.all([latest(progressReports.status), latest(progressReports.progress)]);
  await tx
    .update(actions)
    .set({
      ...(status ? { status: status.value as ProgressAction["status"] } : {}),
      ...(progress ? { progress: progress.value as number } : {}),
      updatedAt: sql`now()`,
    })
    .where(eq(actions.id, actionId));
}

/** A default wording for a new deadline: « 31 décembre 2027 » → « fin décembre 2027 ». */
export function timeframeLabelFor(date: string): string {
  const month = new Intl.DateTimeFormat("fr-FR", { month: "long", year: "numeric", timeZone: "UTC" }).format(new Date(`${date}T00:00:00Z`));
  return `fin ${month}`;
}
