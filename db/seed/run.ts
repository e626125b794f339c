import { eq, inArray, sql } from "drizzle-orm";
import type { Db } from "../client";
import { hashPassword } from "@/server/auth/password";
import {
  actionProjects,
  councilMemberships,
  users,
  actions,
  actionThemes,
  councils,
  meetingAgendaItems,
  meetings,
  planMilestones,
  plans,
  platformSettings,
  progressReports,
  themes,
  contributions,
  contributionAnswers,
  contributionSupports,
  contributionReports,
  moderationReasonTemplates,
  notifications,
} from "../schema";
import { seedDemoContributions, seedReasonTemplates } from "./demo-contributions";
import {
  actionSeeds,
  DEMO_PASSWORD,
  demoAccountSeeds,
  demoCouncilSeeds,
  milestoneSeeds,
  planSeed,
  SOURCE_LABEL,
  themeSeeds,
  cityIdentitySeed,
} from "./plan-data";
import { DEFAULT_CITY_NAME } from "@/lib/city-identity";

export async function isDatabaseEmpty(db: Db): Promise<boolean> {
  const rows = await db.select({ id: plans.id }).from(plans).limit(1);
  return rows.length === 0;
}

export interface SeedOptions {
  /** Demo councils and a demo meeting, visibly marked as such. */
  demo: boolean;
  /**
   * The source document's plan and its City's identity (default true). False: an empty install
   * (SEED_PLAN=0), waiting for a plan file; only the settings row and, with `demo`, the demo accounts.
   */
  plan?: boolean;
  /** Date of the demo meeting when it is first created (defaults to 30 days from now). */
  now?: Date;
}

/**
 * Inserts what the source document gives, and only what is missing: running it again changes no
 * row, and it never overwrites what the City changed since (statuses, progress, texts).
 */
export async function seedDatabase(db: Db, options: SeedOptions): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.insert(platformSettings).values({ id: true }).onConflictDoNothing();
    const plan = options.plan === false ? null : await seedSourcePlan(tx as unknown as Db);
    await seedReasonTemplates(tx as unknown as Db);
    if (!options.demo) return;
    // Demo councils, meeting and contributions belong to a plan; an empty install gets the demo accounts only.
    if (plan) await seedDemoData(tx as unknown as Db, plan.id, plan.themeIdByNumber, options.now ?? new Date());
    else await seedDemoAccounts(tx as unknown as Db);
  });
}

/**
 * Whether the source document's plan is this database's to fill in: its own plan (its slug and its
 * city), or no plan at all. Never into another City's plan (imported from a file), even one that
 * kept the default slug.
 */
async function isSourcePlanWelcome(tx: Db): Promise<boolean> {
  const rows = await tx.select({ slug: plans.slug, cityName: plans.cityName }).from(plans);
  const own = rows.find((r) => r.slug === planSeed.slug);
  return own ? own.cityName === planSeed.cityName : rows.length === 0;
}

/** The source document's plan and its City's identity; null when the database holds another City's plan. */
async function seedSourcePlan(tx: Db): Promise<{ id: number; themeIdByNumber: Map<number, number> } | null> {
  if (!(await isSourcePlanWelcome(tx))) return null;
  // The City's identity, unless an admin (or an earlier run) already named the City.
  await tx.update(platformSettings).set(cityIdentitySeed).where(eq(platformSettings.cityName, DEFAULT_CITY_NAME));

  // An empty database: the source's plan is the current one (decision 0027).
  await tx
    .insert(plans)
    .values({ ...planSeed, state: "current", publishedAt: new Date() })
    .onConflictDoNothing({ target: plans.slug });
  const [plan] = await tx.select({ id: plans.id }).from(plans).where(eq(plans.slug, planSeed.slug));
  if (!plan) throw new Error("seed: plan row missing after insert");

  await tx
    .insert(planMilestones)
    .values(milestoneSeeds.map((m, i) => ({ ...m, planId: plan.id, position: i + 1 })))
    .onConflictDoNothing();

  await tx
    .insert(themes)
    .values(themeSeeds.map((t) => ({ ...t, planId: plan.id })))
    .onConflictDoNothing();
  const themeRows = await tx.select({ id: themes.id, slug: themes.slug }).from(themes).where(eq(themes.planId, plan.id));
  // By slug: staff may have reordered the themes since (/admin/plan), so the source's number is
  // no longer the theme's number. The map goes from the source's number to the theme.
  const themeIdBySlug = new Map(themeRows.map((t) => [t.slug, t.id]));
  const themeIdByNumber = new Map<number, number>(
    themeSeeds.flatMap((t) => (themeIdBySlug.has(t.slug) ? [[t.number, themeIdBySlug.get(t.slug)!] as const] : [])),
  );

  await tx
    .insert(actions)
    .values(
      actionSeeds.map((a) => ({
        planId: plan.id,
        slug: a.slug,
        title: a.title,
        status: a.status,
        timeframeLabel: a.timeframeLabel,
        timeframeEndYear: a.timeframeEndYear,
        sourceWording: a.sourceWording,
      })),
    )
    .onConflictDoNothing({ target: actions.slug });
  const actionRows = await tx
    .select({ id: actions.id, slug: actions.slug })
    .from(actions)
    .where(
      inArray(
        actions.slug,
        actionSeeds.map((a) => a.slug),
      ),
    );
  const actionIdBySlug = new Map(actionRows.map((a) => [a.slug, a.id]));
  const actionId = (slug: string) => {
    const id = actionIdBySlug.get(slug);
    if (id === undefined) throw new Error(`seed: action ${slug} missing`);
    return id;
  };

  await tx
    .insert(actionThemes)
    .values(
      actionSeeds.flatMap((a) =>
        a.themes.map(([number, position]) => {
          const themeId = themeIdByNumber.get(number);
          if (themeId === undefined) throw new Error(`seed: theme ${number} missing`);
          return { actionId: actionId(a.slug), themeId, position };
        }),
      ),
    )
    .onConflictDoNothing();

  const projectRows = actionSeeds.flatMap((a) =>
    a.projects.map((p, i) => ({ actionId: actionId(a.slug), position: i + 1, name: p.name, detail: p.detail ?? null })),
  );
  if (projectRows.length > 0) await tx.insert(actionProjects).values(projectRows).onConflictDoNothing();

  // The article's statements are the first progress report. It gives no day: reportedOn stays null.
  await tx
    .insert(progressReports)
    .values(
      actionSeeds.map((a) => ({
        actionId: actionId(a.slug),
        seedKey: `source:premier-point-etape:${a.slug}`,
        title: "Premier point d'étape",
        body: a.sourceEntry,
        reportedOn: null,
        status: a.status,
        progress: null,
        sourceLabel: SOURCE_LABEL,
      })),
    )
    .onConflictDoNothing({ target: progressReports.seedKey });
  return { id: plan.id, themeIdByNumber };
}

async function seedDemoData(db: Db, planId: number, themeIdByNumber: Map<number, number>, now: Date) {
  await db
    .insert(councils)
    .values(demoCouncilSeeds.map((c) => ({ ...c, planId, isDemo: true })))
    .onConflictDoNothing({ target: councils.slug });

  const slug = "reunion-de-restitution-demonstration";
  const startsAt = new Date(now.getTime() + 30 * 24 * 3600 * 1000);
  startsAt.setUTCHours(17, 0, 0, 0); // 18 h or 19 h in Aurillac depending on the season
  const inserted = await db
    .insert(meetings)
    .values({
      planId,
      slug,
      title: "Réunion publique de restitution (démonstration)",
      startsAt,
      place: "Lieu à confirmer — réunion de démonstration, pas un vrai rendez-vous",
      isDemo: true,
    })
    .onConflictDoNothing({ target: meetings.slug })
    .returning({ id: meetings.id });
  const meeting = inserted[0];
  // Only when the meeting was just created: an agenda already there is left as it is.
  if (meeting)
    await db.insert(meetingAgendaItems).values([
      { meetingId: meeting.id, position: 1, label: "Ouverture et rappel de la démarche" },
      ...themeSeeds.map((t, i) => ({
        meetingId: meeting.id,
        position: i + 2,
        label: `Thématique ${t.number} : ${t.title}`,
        themeId: themeIdByNumber.get(t.number) ?? null,
      })),
      { meetingId: meeting.id, position: themeSeeds.length + 2, label: "Questions de la salle" },
    ]);

  await seedDemoAccounts(db);
  const [settings] = await db.select({ answerDueDays: platformSettings.answerDueDays }).from(platformSettings).limit(1);
  await seedDemoContributions(db, now, settings?.answerDueDays ?? 60);
}

async function seedDemoAccounts(db: Db) {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await db
    .insert(users)
    .values(
      demoAccountSeeds.map((a) => ({
        email: a.email,
        displayName: a.displayName,
        title: "title" in a ? a.title : null,
        passwordHash,
        isAdmin: "isAdmin" in a && a.isAdmin,
        isModerator: "isModerator" in a && a.isModerator,
        isOfficial: "isOfficial" in a && a.isOfficial,
        isDemo: true,
      })),
    )
    .onConflictDoNothing({ target: users.email });
  const accountRows = await db
    .select({ id: users.id, email: users.email })
    .from(users)
    .where(
      inArray(
        users.email,
        demoAccountSeeds.map((a) => a.email),
      ),
    );
  const councilRows = await db
    .select({ id: councils.id, number: councils.number })
    .from(councils)
    .where(
      inArray(
        councils.slug,
        demoCouncilSeeds.map((c) => c.slug),
      ),
    );
  const userId = new Map(accountRows.map((u) => [u.email, u.id]));
  const councilId = new Map(councilRows.map((c) => [c.number, c.id]));
  // Only in the demo councils there are: an empty install has none.
  const memberships = demoAccountSeeds.flatMap((a) =>
    ("councils" in a ? a.councils : []).flatMap(([number, role]) => {
      const council = councilId.get(number);
      return council === undefined ? [] : [{ userId: userId.get(a.email)!, councilId: council, role }];
    }),
  );
  if (memberships.length > 0) await db.insert(councilMemberships).values(memberships).onConflictDoNothing();
}

/** Row counts per table, for tests and the seed script's summary. */
export async function countRows(db: Db): Promise<Record<string, number>> {
  const tables = {
    plans,
    plan_milestones: planMilestones,
    themes,
    actions,
    action_themes: actionThemes,
    action_projects: actionProjects,
    progress_reports: progressReports,
    councils,
    meetings,
    meeting_agenda_items: meetingAgendaItems,
    users,
    council_memberships: councilMemberships,
    contributions,
    contribution_answers: contributionAnswers,
    contribution_supports: contributionSupports,
    contribution_reports: contributionReports,
    moderation_reason_templates: moderationReasonTemplates,
    notifications,
  };
  const out: Record<string, number> = {};
  for (const [name, table] of Object.entries(tables)) {
    const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(table);
    out[name] = row?.n ?? 0;
  }
  return out;
}
