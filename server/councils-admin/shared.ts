import "server-only";
import { and, asc, eq, like, or, type SQL } from "drizzle-orm";
import type { Db } from "@/db/client";
import { actions, councils, plans, themes } from "@/db/schema";
import { fail } from "@/lib/action-result";
import { likeEscape } from "../users/shared";
import { firstFreeSlug, slugify } from "./slug";

/**
 * The plan councils hang from: the deployment's first plan, whichever is current. Councils carry
 * over from a plan to the next (decision 0027): their `plan_id` is that anchor (it keeps their
 * numbers unique), not a membership of one plan.
 */
export async function councilsPlanId(tx: Db): Promise<number | null> {
  const [plan] = await tx.select({ id: plans.id }).from(plans).orderBy(asc(plans.id)).limit(1);
  return plan?.id ?? null;
}

/** The current plan (the public one): new meetings and the plan's administration follow it. */
export async function currentPlanId(tx: Db): Promise<number | null> {
  const [plan] = await tx.select({ id: plans.id }).from(plans).where(eq(plans.state, "current"));
  return plan?.id ?? null;
}

/**
 * A free slug for a new council, fiche or theme named `name` (« -2 », « -3 »… if taken): archived
 * ones keep theirs and a slug never changes afterwards, so links never change meaning.
 */
export async function freeSlugIn(
  tx: Db,
  table: typeof councils | typeof actions | typeof themes,
  name: string,
  fallback: string,
  /** Where the slug must be unique when not the whole table (a theme's: its plan). */
  scope?: SQL,
) {
  const base = slugify(name, fallback);
  const rows = await tx
    .select({ slug: table.slug })
    .from(table)
    .where(and(scope, or(eq(table.slug, base), like(table.slug, `${likeEscape(base)}-%`))));
  return firstFreeSlug(base, new Set(rows.map((r) => r.slug)));
}

/** A free slug for a new council named `name`. */
export const freeSlug = (tx: Db, name: string): Promise<string> => freeSlugIn(tx, councils, name, "conseil");

/** Which unique constraint a write broke (23505), if any, whichever driver raised it. */
export function uniqueViolation(error: unknown): string | null {
  for (let e: unknown = error; e && typeof e === "object"; e = (e as { cause?: unknown }).cause) {
    const { code, constraint, constraint_name } = e as { code?: unknown; constraint?: unknown; constraint_name?: unknown };
    if (code === "23505") return String(constraint ?? constraint_name ?? "");
  }
  return null;
}

export const numberTaken = (number: number, byName: string) =>
  fail("CONFLICT", "Ce numéro est déjà pris.", { number: [`Le numéro ${number} est déjà celui du conseil « ${byName} ».`] });
