import "server-only";
import { and, asc, eq, gte, inArray, isNull, lt, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { auditLog, contributionReports, contributions, moderationReasonTemplates, registerMonths } from "@/db/schema";
import { emptyRegisterMonth, OTHER_REASON, REGISTER_MONTHS, type RegisterMonth } from "@/lib/moderation-register";
import { addMonths, cityMonth, monthsEndingWith } from "@/lib/months";
import { answerDueAtSql, at } from "@/server/answers/due-date";
import { cityMonthSql, cityMonthStartSql } from "@/server/city-months";
import { getPlatformSettings, type PlatformSettings } from "@/server/settings/platform-settings";

/*
 * The public moderation register (/moderation/registre, issue 13): per month, counts only — never
 * a name, a text, a title or an id of anything (docs/decisions/0016-public-moderation-register.md).
 * Each figure is read where it is recorded once and for good, so a month's figures do not change
 * afterwards (except the outcome of its reports, decided later):
 * - submissions and hidings: the journal (audit_log), one row per event, on its (action, created_at)
 *   index — a contribution withdrawn by its council and sent again counts at each submission;
 * - decisions (published / rejected) and their delay: the contribution row, decided once
 *   (`decided_at`); a rejection's template: its journal row (`details.templateId`);
 * - reports: their own rows, which hold whether they were resolved;
 * - answers: the proposal's first answer and its due date.
 * That is why a month that is over is counted once and kept (`register_months`): a render after a
 * change counts the current month and the reports, not the year.
 */

export interface ModerationRegister {
  /** The window's months, newest first (never before the first submission or the first month stored, never after this month). */
  months: RegisterMonth[];
  /** The refusal categories: the reason templates' labels (archived ones only if used), then OTHER_REASON. */
  categories: string[];
  /** This month (City time): « mois en cours ». */
  currentMonth: string;
  /** The last month of the window before this one, if any submission is that old; null otherwise. */
  previousEnd: string | null;
  /** The last month of the window after this one; null when this window ends with the current month. */
  nextEnd: string | null;
  /** Published proposals still without an answer past their due date, now. */
  lateNow: number;
  /** The two settings its rules state (picked one by one: the register returns nothing it does not show). */
  settings: Pick<PlatformSettings, "reportThreshold" | "answerDueDays">;
  /** The labels of the templates moderators offer today (the rules say what is refused). */
  activeTemplates: string[];
}

const count = sql<number>`count(*)::int`;
const num = (v: unknown) => Number(v ?? 0);

/** A month's figures that are final once it is over — all but its reports —, as register_months keeps them. */
type SettledMonth = Omit<typeof registerMonths.$inferSelect, "frozenAt">;

/**
 * How long after its end a month is still counted live rather than frozen: a write whose
 * transaction began before midnight is stamped with that instant (now() is the transaction's
 * start) but seen only once it commits, and an app server's clock may run ahead of the database's.
 */
const SETTLING_MS = 3_600_000;

/**
 * The register's window: the months ending with `lastMonth` (the current month if null), at most
 * REGISTER_MONTHS of them. Null when `lastMonth` is after the current month or ends before the first
 * month the register ever showed (the page then answers 404).
 *
 * A month that is over is read from `register_months` (docs/decisions/0030-register-months.md):
 * counted once, at the first render that needs it, with the same queries restricted to it, then
 * stored; the current month is counted live (one month of rows at most), and so are the reports of
 * every month, whose outcome is decided later. Nine queries (the first month, the stored months, the
 * current month's three counts, the reports, the templates, « late » now, the settings), each bounded
 * by one month or by the window; four more (three counts, one insert) the first time a month that is
 * over is shown.
 */
export async function loadModerationRegister(db: Db, lastMonth: string | null, now: Date = new Date()): Promise<ModerationRegister | null> {
  const currentMonth = cityMonth(now);
  const end = lastMonth ?? currentMonth;
  if (end > currentMonth) return null;

  // The first month shown: the first submission's — or an earlier one already published, should
  // its journal rows ever be deleted (the figures published stay).
  const [first] = await db
    .select({
      at: sql<Date | string | null>`min(${auditLog.createdAt})`,
      frozen: sql<string | null>`(select min(${registerMonths.month}) from ${registerMonths})`,
    })
    .from(auditLog)
    .where(eq(auditLog.action, "contribution.submit"));
  const submittedFirst = first?.at ? cityMonth(new Date(first.at)) : currentMonth;
  const firstMonth = first?.frozen && first.frozen < submittedFirst ? first.frozen : submittedFirst;
  if (end < firstMonth) return null;
  const months = monthsEndingWith(end, REGISTER_MONTHS).filter((m) => m >= firstMonth);
  const settledBefore = cityMonth(new Date(now.getTime() - SETTLING_MS));
  const over = months.filter((m) => m < settledBefore);
  const live = months.filter((m) => m >= settledBefore);
  const reportMonth = cityMonthSql(contributionReports.createdAt);

  const [frozen, counted, reports, templates, [late], settings] = await Promise.all([
    over.length === 0 ? [] : db.select().from(registerMonths).where(inArray(registerMonths.month, over)),
    live.length === 0 ? [] : countSettledMonths(db, live[0]!, live.at(-1)!),
    // A report's outcome: still open; resolved by hiding its item (hide.ts resolves the reports and
    // hides in one transaction: the same now()); otherwise resolved with the item kept or republished.
    db
      .select({
        month: reportMonth,
        received: count,
        open: sql<number>`(count(*) filter (where ${contributionReports.resolvedAt} is null))::int`,
        hidden: sql<number>`(count(*) filter (where ${contributions.status} = 'hidden' and ${contributions.hiddenAt} = ${contributionReports.resolvedAt}))::int`,
      })
      .from(contributionReports)
      .innerJoin(contributions, eq(contributions.id, contributionReports.contributionId))
      .where(
        and(
          gte(contributionReports.createdAt, cityMonthStartSql(months[0]!)),
          lt(contributionReports.createdAt, cityMonthStartSql(addMonths(end, 1))),
        ),
      )
      .groupBy(reportMonth),
    db
      .select({
        id: moderationReasonTemplates.id,
        label: moderationReasonTemplates.label,
        archivedAt: moderationReasonTemplates.archivedAt,
      })
      .from(moderationReasonTemplates)
      .orderBy(asc(moderationReasonTemplates.label), asc(moderationReasonTemplates.id)),
    db
      .select({ n: count })
      .from(contributions)
      .where(
        and(
          eq(contributions.status, "published"),
          eq(contributions.kind, "proposal"),
          isNull(contributions.firstAnsweredAt),
          lt(answerDueAtSql, at(now)),
        ),
      ),
    getPlatformSettings(db),
  ]);
  const settled = new Map<string, SettledMonth>([...frozen, ...counted].map((m) => [m.month, m]));
  const missing = over.filter((m) => !settled.has(m));
  if (missing.length > 0) for (const m of await freezeMonths(db, missing)) settled.set(m.month, m);

  // Categories: every template offered today, an archived one only if this window used it, then « Autre motif ».
  const usedTemplates = new Set(
    [...settled.values()].flatMap((m) =>
      Object.entries(m.rejectedByTemplate)
        .filter(([, n]) => n > 0)
        .map(([id]) => Number(id)),
    ),
  );
  const shown = templates.filter((t) => t.archivedAt === null || usedTemplates.has(t.id));
  const categoryOf = new Map(shown.map((t, i) => [t.id, i]));
  const otherIndex = shown.length;

  const byMonth = new Map(
    months.map((month) => {
      const m = emptyRegisterMonth(month, otherIndex + 1);
      const s = settled.get(month);
      if (s) {
        m.received = s.received;
        m.hiddenByModerator = s.hiddenByModerator;
        m.hiddenByReports = s.hiddenByReports;
        m.published = s.published;
        m.rejected = s.rejected;
        // A template that no longer exists counts under « Autre motif », as a refusal without one.
        let byTemplate = 0;
        for (const [id, n] of Object.entries(s.rejectedByTemplate)) {
          m.rejectedBy[categoryOf.get(Number(id)) ?? otherIndex]! += n;
          byTemplate += n;
        }
        m.rejectedBy[otherIndex]! += s.rejected - byTemplate;
        m.medianDecisionHours = s.medianDecisionSeconds === null ? null : s.medianDecisionSeconds / 3600;
        m.answersGiven = s.answersGiven;
        m.answersLate = s.answersLate;
      }
      return [month, m];
    }),
  );
  for (const r of reports) {
    // A report outside the window — none is read — is left out.
    const m = byMonth.get(r.month);
    if (!m) continue;
    m.reports = num(r.received);
    m.reportsOpen = num(r.open);
    m.reportsHidden = num(r.hidden);
    m.reportsKept = m.reports - m.reportsOpen - m.reportsHidden;
  }

  const before = addMonths(months[0]!, -1);
  const after = addMonths(end, REGISTER_MONTHS);
  return {
    months: [...byMonth.values()].reverse(),
    categories: [...shown.map((t) => t.label), OTHER_REASON],
    currentMonth,
    previousEnd: before >= firstMonth ? before : null,
    nextEnd: end === currentMonth ? null : after < currentMonth ? after : currentMonth,
    lateNow: num(late?.n),
    settings: { reportThreshold: settings.reportThreshold, answerDueDays: settings.answerDueDays },
    activeTemplates: templates.filter((t) => t.archivedAt === null).map((t) => t.label),
  };
}

/**
 * Months that are over and not yet in `register_months`: counted, then stored. Two renders at once
 * count the same figures; the first insert stays, the other one's rows are dropped (ON CONFLICT DO
 * NOTHING). Counted as one range (the first render of a window after this change counts its months
 * that are over in one go, not month by month); the months of the range already stored are left as they are.
 */
async function freezeMonths(db: Db, missing: string[]): Promise<SettledMonth[]> {
  const wanted = new Set(missing);
  const counted = (await countSettledMonths(db, missing[0]!, missing.at(-1)!)).filter((m) => wanted.has(m.month));
  await db.insert(registerMonths).values(counted).onConflictDoNothing();
  return counted;
}

/**
 * The figures of the months `first` to `last` that are final once each month is over: one query
 * per source, each bounded by these months (see the file's comment for where each is read).
 */
async function countSettledMonths(db: Db, first: string, last: string): Promise<SettledMonth[]> {
  const start = cityMonthStartSql(first);
  const stop = cityMonthStartSql(addMonths(last, 1));

  const monthStart = sql`(m at time zone 'Europe/Paris')`;
  const monthStop = sql`((m + interval '1 month') at time zone 'Europe/Paris')`;
  const journalCount = (action: string, extra = sql`true`) =>
    sql<number>`(select count(*)::int from ${auditLog} where ${auditLog.action} = ${action}
      and ${auditLog.createdAt} >= ${monthStart} and ${auditLog.createdAt} < ${monthStop} and ${extra})`;
  const outcome = sql<"published" | "rejected">`case when ${contributions.status} = 'rejected' then 'rejected' else 'published' end`;
  // The template a refusal started from, written in its journal row by moderation/decide.ts. The
  // outer row's id is named with its table: drizzle writes a lone table's columns unqualified, and a
  // bare "id" would be the journal row's.
  const template = sql<number | null>`case when ${contributions.status} = 'rejected' then (
    select (j.details->>'templateId')::int from ${auditLog} j
    where j.target_type = 'contribution' and j.target_id = ${contributions}.id::text and j.action = 'contribution.reject'
      and j.details->>'templateId' ~ '^[0-9]{1,9}$'
    order by j.id desc limit 1) end`;
  const decided = db
    .select({
      month: cityMonthSql(contributions.decidedAt).as("month"),
      outcome: outcome.as("outcome"),
      template: template.as("template"),
      seconds: sql<number | null>`extract(epoch from ${contributions.decidedAt} - ${contributions.submittedAt})`.as("seconds"),
    })
    .from(contributions)
    .where(
      and(
        gte(contributions.decidedAt, start),
        lt(contributions.decidedAt, stop),
        inArray(contributions.status, ["published", "hidden", "rejected"]),
      ),
    )
    .as("decided");
  const answeredMonth = cityMonthSql(contributions.firstAnsweredAt);

  const [events, decisions, answers] = await Promise.all([
    // One count per month and kind of event, each read from the journal's (action, created_at) index.
    db
      .select({
        month: sql<string>`to_char(m, 'YYYY-MM')`,
        received: journalCount("contribution.submit"),
        hiddenByReports: journalCount("contribution.auto_hide"),
        // A moderator keeping hidden an item its reports hid already: the hiding was counted then.
        hiddenByModerator: journalCount("contribution.hide", sql`not coalesce((${auditLog.details}->>'confirmsAutoHide')::boolean, false)`),
      })
      .from(sql`generate_series(${`${first}-01`}::timestamp, ${`${last}-01`}::timestamp, interval '1 month') as m`),
    // Decisions per month and outcome (and template), with the month's median delay (GROUPING SETS).
    db
      .select({
        month: decided.month,
        isMonth: sql<boolean>`grouping(${decided.outcome}) = 1`,
        outcome: decided.outcome,
        template: decided.template,
        n: count,
        medianSeconds: sql<number | null>`(percentile_cont(0.5) within group (order by ${decided.seconds}))::float8`,
      })
      .from(decided)
      .groupBy(sql`grouping sets ((${decided.month}, ${decided.outcome}, ${decided.template}), (${decided.month}))`),
    db
      .select({
        month: answeredMonth,
        given: count,
        late: sql<number>`(count(*) filter (where ${contributions.firstAnsweredAt} > ${answerDueAtSql}))::int`,
      })
      .from(contributions)
      .where(and(eq(contributions.kind, "proposal"), gte(contributions.firstAnsweredAt, start), lt(contributions.firstAnsweredAt, stop)))
      .groupBy(answeredMonth),
  ]);

  const byMonth = new Map<string, SettledMonth>();
  for (let month = first; month <= last; month = addMonths(month, 1)) {
    byMonth.set(month, {
      month,
      received: 0,
      hiddenByModerator: 0,
      hiddenByReports: 0,
      published: 0,
      rejected: 0,
      rejectedByTemplate: {},
      medianDecisionSeconds: null,
      answersGiven: 0,
      answersLate: 0,
    });
  }
  /** Each row of a query, into its month (a row outside the months — none is read — is left out). */
  const into = <R extends { month: string }>(rows: R[], fill: (m: SettledMonth, row: R) => void) => {
    for (const row of rows) {
      const m = byMonth.get(row.month);
      if (m) fill(m, row);
    }
  };
  into(events, (m, e) => {
    m.received = num(e.received);
    m.hiddenByModerator = num(e.hiddenByModerator);
    m.hiddenByReports = num(e.hiddenByReports);
  });
  into(decisions, (m, d) => {
    if (d.isMonth) {
      m.medianDecisionSeconds = d.medianSeconds === null ? null : num(d.medianSeconds);
    } else if (d.outcome === "published") {
      m.published += num(d.n);
    } else {
      m.rejected += num(d.n);
      if (d.template !== null) {
        const id = String(num(d.template));
        m.rejectedByTemplate[id] = (m.rejectedByTemplate[id] ?? 0) + num(d.n);
      }
    }
  });
  into(answers, (m, a) => {
    m.answersGiven = num(a.given);
    m.answersLate = num(a.late);
  });
  return [...byMonth.values()];
}
