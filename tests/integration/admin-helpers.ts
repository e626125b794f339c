import { asc, gt } from "drizzle-orm";
import { expect } from "vitest";
import type { Db } from "@/db/client";
import {
  actionLinks,
  actionProjects,
  actionRevisions,
  actions,
  actionThemes,
  auditLog,
  councilMemberships,
  councils,
  invitations,
  plans,
  themes,
  users,
} from "@/db/schema";
import type { ActionResult } from "@/lib/action-result";
import { matrixRoles, type Cast, type MatrixRole } from "../support/actors";

/*
 * The permission matrix of the administration functions, called directly (not through the UI)
 * as each of the 8 roles. A refused call must change nothing in the tables it could touch and
 * write no journal row; an allowed one writes exactly one journal row saying who, what and why.
 */

/** Every row of the tables an administration function may write, in a stable order. */
export async function snapshot(db: Db) {
  return {
    users: await db.select().from(users).orderBy(asc(users.id)),
    memberships: await db.select().from(councilMemberships).orderBy(asc(councilMemberships.councilId), asc(councilMemberships.userId)),
    councils: await db.select().from(councils).orderBy(asc(councils.id)),
    invitations: await db.select().from(invitations).orderBy(asc(invitations.id)),
    // The plan (/admin/plan, issue 11), and the plans themselves (the next plan, decision 0027).
    plans: await db.select().from(plans).orderBy(asc(plans.id)),
    themes: await db.select().from(themes).orderBy(asc(themes.id)),
    actions: await db.select().from(actions).orderBy(asc(actions.id)),
    actionThemes: await db.select().from(actionThemes).orderBy(asc(actionThemes.actionId), asc(actionThemes.themeId)),
    actionProjects: await db.select().from(actionProjects).orderBy(asc(actionProjects.id)),
    actionLinks: await db.select().from(actionLinks).orderBy(asc(actionLinks.id)),
    actionRevisions: await db.select().from(actionRevisions).orderBy(asc(actionRevisions.id)),
    audit: await db.select().from(auditLog).orderBy(asc(auditLog.id)),
  };
}

export async function lastAuditId(db: Db): Promise<number> {
  const rows = await db.select({ id: auditLog.id }).from(auditLog).orderBy(asc(auditLog.id));
  return rows.at(-1)?.id ?? 0;
}

export async function auditRowsAfter(db: Db, id: number) {
  return db.select().from(auditLog).where(gt(auditLog.id, id)).orderBy(asc(auditLog.id));
}

export interface MatrixCase {
  name: string;
  /** Rows the call needs (a target person, a council…), created before the « before » snapshot. */
  setup: (db: Db, cast: Cast) => Promise<Record<string, number>>;
  call: (db: Db, actor: Cast["actors"][MatrixRole], ids: Record<string, number>) => Promise<ActionResult<unknown>>;
  /** The journal row an allowed call must write; null for reads (not journaled). */
  audit: ((ids: Record<string, number>) => { action: string; targetType: string; targetId: number | "any"; reason: string | null }) | null;
}

export const allowedRoles: Record<MatrixRole, boolean> = {
  anonymous: false,
  memberOfA: false,
  referentOfA: false,
  memberOfB: false,
  moderator: false,
  official: false,
  admin: true,
  moderatorOfA: false,
  officialOfA: false,
  deactivated: false,
};

export async function checkMatrixCell(db: Db, cast: Cast, role: MatrixRole, c: MatrixCase) {
  const ids = await c.setup(db, cast);
  const before = await snapshot(db);
  const auditMark = await lastAuditId(db);
  const result = await c.call(db, cast.actors[role], ids);
  const written = await auditRowsAfter(db, auditMark);
  if (!allowedRoles[role]) {
    expect(result.ok, `${c.name} as ${role} must be refused`).toBe(false);
    if (!result.ok) expect(["UNAUTHENTICATED", "FORBIDDEN"]).toContain(result.code);
    expect(await snapshot(db)).toEqual(before);
    expect(written).toEqual([]);
    return;
  }
  expect(result, `${c.name} as ${role} must be allowed`).toMatchObject({ ok: true });
  if (!c.audit) {
    expect(written).toEqual([]);
    return;
  }
  const expected = c.audit(ids);
  expect(written).toHaveLength(1);
  const row = written[0]!;
  expect(row.actorUserId).toBe(cast.userIds.admin);
  expect(row.action).toBe(expected.action);
  expect(row.targetType).toBe(expected.targetType);
  if (expected.targetId !== "any") expect(row.targetId).toBe(String(expected.targetId));
  expect(row.reason).toBe(expected.reason);
  expect(row.createdAt).toBeInstanceOf(Date);
}

export { matrixRoles };
