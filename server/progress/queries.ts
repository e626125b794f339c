import "server-only";
import { and, asc, desc, eq, inArray, isNull, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { actionDeadlineChanges, actionOfficials, actions, progressReportRevisions, progressReports, users } from "@/db/schema";
import { forbidden, notFound, ok, unauthenticated, type ActionResult } from "@/lib/action-result";
import { cityDay } from "@/lib/dates";
import { deadlineView, type DeadlineView } from "@/lib/deadlines";
import type { ActionStatus } from "@/lib/labels";
import { can, type MaybeActor } from "@/lib/permissions";
import { deadlineChangeColumns, reportColumns, reportRevisionColumns } from "@/server/plan/columns";
import { CORRECTION_WINDOW_HOURS } from "./correct-report";
import { progressActionColumns } from "./shared";

const mayViewProgress = (actor: NonNullable<MaybeActor>) => actor.isModerator || actor.isAdmin || actor.isOfficial;

export interface ProgressFicheSummary {
  slug: string;
  title: string;
  status: ActionStatus | null;
  progress: number | null;
  deadline: DeadlineView;
  inCharge: boolean;
  canReport: boolean;
}

/** The fiches, for staff and officials: theirs first (officials), each with what they may do. Two queries. */
export async function listProgressFiches(db: Db, actor: MaybeActor): Promise<ActionResult<ProgressFicheSummary[]>> {
  if (!actor) return unauthenticated();
  if (!mayViewProgress(actor)) return forbidden();
  const [rows, mine] = await Promise.all([
    db.select(progressActionColumns).from(actions).orderBy(asc(actions.title)),
    db.select({ actionId: actionOfficials.actionId }).from(actionOfficials).where(eq(actionOfficials.userId, actor.id)),
  ]);
  const inCharge = new Set(mine.map((m) => m.actionId));
  const today = cityDay(new Date());
  const list = rows.map((r) => ({
    slug: r.slug,
    title: r.title,
    status: r.status,
    progress: r.progress,
    deadline: deadlineView(r, today),
    inCharge: inCharge.has(r.id),
    canReport: can(actor, "progress.report", { inChargeOfAction: inCharge.has(r.id) }),
  }));
  return ok(list.sort((a, b) => Number(b.inCharge) - Number(a.inCharge)));
}

export interface StaffProgressReport {
  id: number;
  title: string;
  body: string;
  reportedOn: string | null;
  status: ActionStatus | null;
  progress: number | null;
  authorName: string | null;
  /** Set for the source document's statements. */
  sourceLabel: string | null;
  createdAt: Date;
  correctedAt: Date | null;
  /** Still within 24 hours, posted by someone (not the source document), and the actor may report. */
  correctable: boolean;
  revisions: {
    id: number;
    title: string;
    body: string;
    reportedOn: string | null;
    status: ActionStatus | null;
    progress: number | null;
    replacedAt: Date;
  }[];
}

export interface ProgressFiche {
  action: { slug: string; title: string; status: ActionStatus | null; progress: number | null };
  deadline: DeadlineView;
  deadlineChanges: {
    id: number;
    previousLabel: string | null;
    previousDeadline: string | null;
    newLabel: string;
    newDeadline: string;
    reason: string;
    changedByName: string | null;
    createdAt: Date;
  }[];
  reports: StaffProgressReport[];
  officials: { id: number; displayName: string }[];
  /** Admins only: every active official, to name those in charge. */
  availableOfficials: { id: number; displayName: string; title: string | null }[] | null;
  canReport: boolean;
}

/** One fiche's progress page for staff and officials. Six queries. */
export async function loadProgressFiche(db: Db, actor: MaybeActor, slug: string, now = new Date()): Promise<ActionResult<ProgressFiche>> {
  if (!actor) return unauthenticated();
  if (!mayViewProgress(actor)) return forbidden();
  const [action] = await db.select(progressActionColumns).from(actions).where(eq(actions.slug, slug));
  if (!action) return notFound("Fiche action");
  const [officials, changes, reports, available] = await Promise.all([
    db
      .select({ id: users.id, displayName: users.displayName })
      .from(actionOfficials)
      .innerJoin(users, eq(users.id, actionOfficials.userId))
      .where(eq(actionOfficials.actionId, action.id))
      .orderBy(asc(users.displayName)),
    db
      .select({ ...deadlineChangeColumns, changedByName: users.displayName })
      .from(actionDeadlineChanges)
      .leftJoin(users, eq(users.id, actionDeadlineChanges.changedById))
      .where(eq(actionDeadlineChanges.actionId, action.id))
      .orderBy(desc(actionDeadlineChanges.createdAt), desc(actionDeadlineChanges.id)),
    db
      .select({
        ...reportColumns,
        authorId: progressReports.authorId,
        authorName: users.displayName,
        createdAt: progressReports.createdAt,
      })
      .from(progressReports)
      .leftJoin(users, eq(users.id, progressReports.authorId))
      .where(eq(progressReports.actionId, action.id))
      .orderBy(sql`${progressReports.reportedOn} desc nulls last`, desc(progressReports.createdAt), desc(progressReports.id)),
    can(actor, "action.officials.assign")
      ? db
          .select({ id: users.id, displayName: users.displayName, title: users.title })
          .from(users)
          .where(and(eq(users.isOfficial, true), isNull(users.deactivatedAt)))
          .orderBy(asc(users.displayName))
      : Promise.resolve(null),
  ]);
  const revisions = reports.length
    ? await db
        .select(reportRevisionColumns)
        .from(progressReportRevisions)
        .where(
          inArray(
            progressReportRevisions.reportId,
            reports.map((r) => r.id),
          ),
        )
        .orderBy(desc(progressReportRevisions.replacedAt), desc(progressReportRevisions.id))
    : [];
  const inCharge = officials.some((o) => o.id === actor.id);
  const canReport = can(actor, "progress.report", { inChargeOfAction: inCharge });
  const windowStart = now.getTime() - CORRECTION_WINDOW_HOURS * 3600 * 1000;
  return ok({
    action: { slug: action.slug, title: action.title, status: action.status, progress: action.progress },
    deadline: deadlineView(action, cityDay(now)),
    deadlineChanges: changes,
    reports: reports.map(({ authorId, ...r }) => ({
      ...r,
      correctable: canReport && authorId !== null && r.createdAt.getTime() > windowStart,
      revisions: revisions.filter((v) => v.reportId === r.id).map(({ reportId: _r, ...v }) => v),
    })),
    officials,
    availableOfficials: available,
    canReport,
  });
}
