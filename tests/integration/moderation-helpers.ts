import { asc } from "drizzle-orm";
import { expect } from "vitest";
import type { Db } from "@/db/client";
import { auditLog, contributionReports, contributions, moderationReasonTemplates, notifications } from "@/db/schema";
import type { ActionResult } from "@/lib/action-result";
import type { BulkDecisionData, HideData, RejectData } from "@/lib/validation/contribution";
import type { MatrixRole } from "../support/actors";
import { refusalCode } from "./contributions-helpers";

/** Every row the moderation and report functions touch, to prove a refused call changed nothing. */
export async function snapshotModerationTables(db: Db) {
  const [c, a, n, r, t] = await Promise.all([
    db.select().from(contributions).orderBy(asc(contributions.id)),
    db.select().from(auditLog).orderBy(asc(auditLog.id)),
    db.select().from(notifications).orderBy(asc(notifications.id)),
    db.select().from(contributionReports).orderBy(asc(contributionReports.id)),
    db.select().from(moderationReasonTemplates).orderBy(asc(moderationReasonTemplates.id)),
  ]);
  return { contributions: c, audit: a, notifications: n, reports: r, templates: t };
}

/** A refused call: the expected code, and not one row changed (contributions, journal, notifications, reports, templates). */
export async function expectRefusedUnchanged(
  db: Db,
  role: MatrixRole,
  call: () => Promise<ActionResult<unknown>>,
  code: string = refusalCode(role),
) {
  const before = await snapshotModerationTables(db);
  const result = await call();
  expect(result).toMatchObject({ ok: false, code });
  expect(await snapshotModerationTables(db)).toEqual(before);
}

/*
 * The typed data the moderation forms' schemas give (lib/validation/contribution.ts), for tests
 * that call the server functions directly: no template, not from the reports tab, unless said.
 */
export const rejectData = (id: number, reason: string | null, more: Partial<RejectData> = {}): RejectData => ({
  id,
  reason,
  templateId: null,
  ...more,
});
export const hideData = (id: number, reason: string | null, more: Partial<HideData> = {}): HideData => ({
  id,
  reason,
  templateId: null,
  fromReports: false,
  ...more,
});
export const bulkData = (ids: number[], decision: BulkDecisionData["decision"], reason: string | null = null): BulkDecisionData => ({
  ids,
  decision,
  reason,
  templateId: null,
});
