import { randomUUID } from "node:crypto";
import { and, asc, eq } from "drizzle-orm";
import type { Db } from "./client";
import { actions, actionThemes, councils, meetings, plans, themes } from "./schema";

/*
 * Rows with unique data for tests, so tests can run in parallel on one database without
 * stepping on each other. They insert through the same schema as the seed.
 */
const unique = (prefix: string) => `${prefix}-${randomUUID().slice(0, 8)}`;

/** The seeded plan (the first one; the current one until a test publishes another). */
export async function firstPlanId(db: Db): Promise<number> {
  const [plan] = await db.select({ id: plans.id }).from(plans).orderBy(asc(plans.id)).limit(1);
  if (!plan) throw new Error("factories: seed the plan first");
  return plan.id;
}

export async function createAction(db: Db, overrides: Partial<typeof actions.$inferInsert> & { themeSlug?: string } = {}) {
  const { themeSlug, ...values } = overrides;
  const planId = values.planId ?? (await firstPlanId(db));
  const slug = values.slug ?? unique("fiche-test");
  const [action] = await db
    .insert(actions)
    .values({ planId, slug, title: `Fiche de test ${slug}`, status: "planned", ...values })
    .returning();
  if (themeSlug) {
    // Theme slugs are unique within a plan (a copied theme keeps its slug): the fiche's plan's.
    const [theme] = await db
      .select({ id: themes.id })
      .from(themes)
      .where(and(eq(themes.planId, planId), eq(themes.slug, themeSlug)));
    if (!theme) throw new Error(`factories: no theme ${themeSlug}`);
    await db.insert(actionThemes).values({ actionId: action!.id, themeId: theme.id, position: 100 });
  }
  return action!;
}

export async function createCouncil(db: Db, overrides: Partial<typeof councils.$inferInsert> = {}) {
  const planId = overrides.planId ?? (await firstPlanId(db));
  const slug = overrides.slug ?? unique("conseil-test");
  const [council] = await db
    .insert(councils)
    .values({ planId, slug, name: `Conseil ${slug}`, ...overrides })
    .returning();
  return council!;
}

export async function createMeeting(db: Db, overrides: Partial<typeof meetings.$inferInsert> & { startsAt: Date }) {
  const planId = overrides.planId ?? (await firstPlanId(db));
  const slug = overrides.slug ?? unique("reunion-test");
  const [meeting] = await db
    .insert(meetings)
    .values({ planId, slug, title: `Réunion ${slug}`, place: "Salle de test", ...overrides })
    .returning();
  return meeting!;
}
