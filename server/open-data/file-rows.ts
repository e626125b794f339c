import "server-only";
import { and, asc, eq, gt, sql, type SQL } from "drizzle-orm";
import type { Db } from "@/db/client";
import {
  actionDeadlineChanges,
  actions,
  contributionAnswers,
  contributions,
  contributionSupports,
  councils,
  meetings,
  progressReports,
  themes,
  users,
} from "@/db/schema";
import { cityDay } from "@/lib/dates";
import { deadlineView } from "@/lib/deadlines";
import {
  answerStateCodes,
  datetimeValue,
  kindCodes,
  positionCodes,
  statusCodes,
  THEME_SEPARATOR,
  type OpenDataFileName,
  type OpenDataRow,
} from "@/lib/open-data/files";
import { receiptCodes } from "@/lib/paper-contribution";
import { contributionAuthorName } from "@/server/plan/author-name";
import { actionSummaryColumns, deadlineChangeColumns, reportColumns, themeColumns } from "@/server/plan/columns";
import { listColumns } from "@/server/meetings/queries";
import { publicPlanId } from "@/server/plan/load-plan";
import { isPublished } from "@/server/plan/load-published-contributions";
import { answerColumns } from "@/server/plan/select-answers";

/*
 * The rows of each open data file (lib/open-data/files.ts), read by keyset in a stable order —
 * `limit` rows after the last one read, along a unique index — so that an export of any size holds
 * one batch in memory at a time, and never keeps a transaction open (on the embedded database a
 * transaction would hold every other request for the whole export).
 *
 * Only what the public pages show: the public plan's themes and fiches with their progress reports
 * and deadline changes (a fiche's page), the contributions whose status is `published` (the public
 * pages' own condition, server/plan/load-published-contributions.ts) with their answers and supports,
 * and the meetings (their public fields: never the presenter's notes). Author names are the pages'
 * (server/plan/author-name.ts): an erased account's old name exists nowhere to be read.
 */

/** Where the previous batch stopped: the values of the order's columns for its last row. */
export type Cursor = readonly number[];

export interface RowBatch {
  rows: OpenDataRow[];
  /** The cursor after the last row; null when the batch is empty. */
  last: Cursor | null;
}

export type RowReader = (db: Db, after: Cursor | null, limit: number) => Promise<RowBatch>;

const after1 = (column: SQL | Parameters<typeof gt>[0], cursor: Cursor | null) => (cursor ? gt(column, cursor[0]!) : undefined);
const code = <K extends string>(codes: Record<K, string>, value: K | null) => (value === null ? null : codes[value]);

const readThemes: RowReader = async (db, after, limit) => {
  const rows = await db
    .select(themeColumns)
    .from(themes)
    .where(and(eq(themes.planId, publicPlanId), after1(themes.number, after)))
    .orderBy(asc(themes.number))
    .limit(limit);
  return {
    rows: rows.map((r) => ({
      identifiant: r.slug,
      numero: r.number,
      titre: r.title,
      description: r.description,
      fiches_annoncees: r.announcedActionCount,
    })),
    last: rows.length ? [rows.at(-1)!.number] : null,
  };
};

const readFiches: RowReader = async (db, after, limit) => {
  const rows = await db
    .select({
      ...actionSummaryColumns,
      description: actions.description,
      sourceWording: actions.sourceWording,
      // Aliases inside: in a one-table query drizzle writes its columns without their table, and a
      // bare "id" in the subquery would be the theme's.
      themes: sql<string | null>`(select string_agg(t.slug, ${THEME_SEPARATOR} order by t.number)
        from action_themes l join themes t on t.id = l.theme_id where l.action_id = ${actions}.id)`,
    })
    .from(actions)
    .where(and(eq(actions.planId, publicPlanId), after1(actions.id, after)))
    .orderBy(asc(actions.id))
    .limit(limit);
  // The fiche's page computes its deadlines so (lib/deadlines.ts); « late » depends on the day, not on the data: left out.
  const today = cityDay(new Date());
  return {
    rows: rows.map((r) => {
      const deadline = deadlineView(r, today);
      return {
        identifiant: r.slug,
        titre: r.title,
        description: r.description,
        thematiques: r.themes,
        statut: code(statusCodes, r.status),
        avancement: r.progress,
        echeance_initiale: deadline.originalLabel,
        date_limite_initiale: deadline.originalDeadline,
        echeance_actuelle: deadline.currentLabel,
        date_limite_actuelle: deadline.currentDeadline,
        statut_source: r.sourceWording,
      };
    }),
    last: rows.length ? [rows.at(-1)!.id] : null,
  };
};

const readReports: RowReader = async (db, after, limit) => {
  const rows = await db
    .select({ ...reportColumns, fiche: actions.slug, createdAt: progressReports.createdAt })
    .from(progressReports)
    .innerJoin(actions, eq(actions.id, progressReports.actionId))
    .where(and(eq(actions.planId, publicPlanId), after1(progressReports.id, after)))
    .orderBy(asc(progressReports.id))
    .limit(limit);
  return {
    rows: rows.map((r) => ({
      identifiant: r.id,
      fiche: r.fiche,
      titre: r.title,
      texte: r.body,
      date: r.reportedOn,
      statut: code(statusCodes, r.status),
      avancement: r.progress,
      source: r.sourceLabel,
      publie_le: datetimeValue(r.createdAt),
      corrige_le: datetimeValue(r.correctedAt),
    })),
    last: rows.length ? [rows.at(-1)!.id] : null,
  };
};

const readDeadlineChanges: RowReader = async (db, after, limit) => {
  const rows = await db
    .select({ ...deadlineChangeColumns, fiche: actions.slug })
    .from(actionDeadlineChanges)
    .innerJoin(actions, eq(actions.id, actionDeadlineChanges.actionId))
    .where(and(eq(actions.planId, publicPlanId), after1(actionDeadlineChanges.id, after)))
    .orderBy(asc(actionDeadlineChanges.id))
    .limit(limit);
  return {
    rows: rows.map((r) => ({
      identifiant: r.id,
      fiche: r.fiche,
      echeance_precedente: r.previousLabel,
      date_limite_precedente: r.previousDeadline,
      nouvelle_echeance: r.newLabel,
      nouvelle_date_limite: r.newDeadline,
      motif: r.reason,
      date: datetimeValue(r.createdAt),
    })),
    last: rows.length ? [rows.at(-1)!.id] : null,
  };
};

const readContributions: RowReader = async (db, after, limit) => {
  const rows = await db
    .select({
      id: contributions.id,
      fiche: actions.slug,
      councilName: councils.name,
      councilSlug: councils.slug,
      kind: contributions.kind,
      position: contributions.position,
      title: contributions.title,
      body: contributions.body,
      author: contributionAuthorName,
      publishedAt: contributions.publishedAt,
      isDemo: contributions.isDemo,
      receivedVia: contributions.receivedVia,
      receivedOn: contributions.receivedOn,
    })
    .from(contributions)
    .innerJoin(councils, eq(councils.id, contributions.councilId))
    .innerJoin(actions, eq(actions.id, contributions.actionId))
    .leftJoin(users, eq(users.id, contributions.authorId))
    .where(and(isPublished, after1(contributions.id, after)))
    .orderBy(asc(contributions.id))
    .limit(limit);
  return {
    rows: rows.map((r) => ({
      identifiant: r.id,
      fiche: r.fiche,
      conseil: r.councilName,
      conseil_identifiant: r.councilSlug,
      nature: kindCodes[r.kind],
      position: code(positionCodes, r.position),
      titre: r.title,
      texte: r.body,
      auteur: r.author,
      date_publication: datetimeValue(r.publishedAt),
      demonstration: r.isDemo,
      provenance: code(receiptCodes, r.receivedVia),
      date_reception: r.receivedOn,
    })),
    last: rows.length ? [rows.at(-1)!.id] : null,
  };
};

/** An answer is public while its proposal is published (as on the fiche's page and in the search). */
const readAnswers: RowReader = async (db, after, limit) => {
  const rows = await db
    .select(answerColumns)
    .from(contributionAnswers)
    .innerJoin(contributions, eq(contributions.id, contributionAnswers.contributionId))
    .where(and(isPublished, after1(contributionAnswers.id, after)))
    .orderBy(asc(contributionAnswers.id))
    .limit(limit);
  return {
    rows: rows.map((r) => ({
      identifiant: r.id,
      contribution: r.contributionId,
      etat: answerStateCodes[r.state],
      texte: r.body,
      signataire: r.signatureName,
      fonction_signataire: r.signatureTitle,
      date: datetimeValue(r.createdAt),
    })),
    last: rows.length ? [rows.at(-1)!.id] : null,
  };
};

/** A support shows which council gave it and when — never the member who clicked (the pages do not either). */
const readSupports: RowReader = async (db, after, limit) => {
  const s = contributionSupports;
  const rows = await db
    .select({
      contributionId: s.contributionId,
      councilId: s.councilId,
      councilName: councils.name,
      councilSlug: councils.slug,
      createdAt: s.createdAt,
    })
    .from(s)
    .innerJoin(contributions, eq(contributions.id, s.contributionId))
    .innerJoin(councils, eq(councils.id, s.councilId))
    // Along the primary key (contribution, council).
    .where(and(isPublished, after ? sql`(${s.contributionId}, ${s.councilId}) > (${after[0]!}::int, ${after[1]!}::int)` : undefined))
    .orderBy(asc(s.contributionId), asc(s.councilId))
    .limit(limit);
  const last = rows.at(-1);
  return {
    rows: rows.map((r) => ({
      contribution: r.contributionId,
      conseil: r.councilName,
      conseil_identifiant: r.councilSlug,
      date: datetimeValue(r.createdAt),
    })),
    last: last ? [last.contributionId, last.councilId] : null,
  };
};

/** A meeting's public fields (listColumns of server/meetings/queries.ts), with its agenda's labels. */
const readMeetings: RowReader = async (db, after, limit) => {
  const rows = await db
    .select({
      ...listColumns,
      agenda: sql<string | null>`(select string_agg(i.label, E'\n' order by i.position)
        from meeting_agenda_items i where i.meeting_id = ${meetings}.id)`,
    })
    .from(meetings)
    .where(after1(meetings.id, after))
    .orderBy(asc(meetings.id))
    .limit(limit);
  return {
    rows: rows.map((r) => ({
      identifiant: r.slug,
      titre: r.title,
      debut: datetimeValue(r.startsAt),
      lieu: r.place,
      ordre_du_jour: r.agenda,
      compte_rendu: r.minutes,
      demonstration: r.isDemo,
    })),
    last: rows.length ? [rows.at(-1)!.id] : null,
  };
};

export const fileRows: Record<OpenDataFileName, RowReader> = {
  thematiques: readThemes,
  fiches: readFiches,
  "points-etape": readReports,
  "changements-echeance": readDeadlineChanges,
  contributions: readContributions,
  reponses: readAnswers,
  soutiens: readSupports,
  reunions: readMeetings,
};
