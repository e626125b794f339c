import "server-only";
import { sql, type SQL } from "drizzle-orm";
import type { Db } from "@/db/client";
import {
  actionProjects,
  actions,
  actionThemes,
  contributionAnswers,
  contributions,
  councils,
  meetingAgendaItems,
  meetings,
  progressReports,
  themes,
} from "@/db/schema";
import { searchVector } from "@/db/schema/search";
import {
  AMPERSAND_STAND_IN,
  councilKinds,
  HIGHLIGHT_START,
  HIGHLIGHT_STOP,
  LESS_THAN_STAND_IN,
  SEARCH_COUNT_CAP,
  SEARCH_PAGE_SIZE,
  searchKinds,
  type SearchKind,
} from "@/lib/search";
import { answerStateLabels, type AnswerState } from "@/lib/validation/answer";
import { contributionHref, listPage } from "@/server/plan/contribution-link";
import { rowsOf } from "@/db/rows";
import { publicPlanId, publicPlanIds } from "@/server/plan/load-plan";

/*
 * The public search (issue 13, docs/decisions/0013-french-search.md): themes, fiches, progress
 * reports, published contributions, the City's answers to them, and meetings — only what the public
 * pages show. A contribution is public while its status is `published` (hidden, pending, rejected,
 * draft are other statuses), and so is an answer, through its proposal; a meeting's public fields are
 * its title, place, minutes and agenda labels (the presenter's notes never are).
 *
 * Matching: `websearch_to_tsquery` under the `french_unaccent` configuration (stems, no accents; it
 * accepts any input). When nothing matches, each typed word is compared by trigram similarity with
 * the words of the plan's texts and the search runs once more with the closest ones.
 */

export interface SearchHit {
  kind: SearchKind;
  id: number;
  href: string;
  /** With highlight markers (lib/search.ts splitHighlight). */
  title: string;
  excerpt: string | null;
  /** Plain text: where the item belongs (the fiche, the council, the date…). */
  context: string | null;
  date: Date | null;
}

export interface SearchFilters {
  kind: SearchKind | null;
  themeSlug: string | null;
  councilSlug: string | null;
}

export interface SearchOutcome {
  /** The words actually searched: the typed ones, or the corrected ones when they found nothing. */
  searched: string;
  /** Set when the typed words found nothing and close words (typos) did. */
  correctedFrom: string | null;
  /** The query holds no word the search can use (only « les », « de », punctuation, emoji…). */
  noUsableWord: boolean;
  /** Per kind, counted up to SEARCH_COUNT_CAP + 1 (more means « plus de SEARCH_COUNT_CAP »). */
  counts: Record<SearchKind, number>;
  total: number;
  page: number;
  pageCount: number;
  hits: SearchHit[];
}

const CONFIG = sql.raw(`'public.french_unaccent'::regconfig`);
// One passage around the best match (a short text whole). Fragments (MaxFragments) cost five times as
// much on a page of contributions and dropped the words past the last match of a short text.
const EXCERPT_OPTIONS = `StartSel=${HIGHLIGHT_START}, StopSel=${HIGHLIGHT_STOP}, MaxWords=35, MinWords=15, ShortWord=2`;
const TITLE_OPTIONS = `StartSel=${HIGHLIGHT_START}, StopSel=${HIGHLIGHT_STOP}, HighlightAll=true`;
// translate(): `<` and `&` become stand-ins, the markers and stand-ins already in the text are dropped.
const TRANSLATE_FROM = `<&${HIGHLIGHT_START}${HIGHLIGHT_STOP}${LESS_THAN_STAND_IN}${AMPERSAND_STAND_IN}`;
const TRANSLATE_TO = `${LESS_THAN_STAND_IN}${AMPERSAND_STAND_IN}`;

const epochMs = (column: SQL) => sql`(extract(epoch from ${column}) * 1000)::float8`;

interface Context {
  query: SQL;
  themeId: SQL;
  councilId: SQL;
  filters: SearchFilters;
}

function headline(ctx: Context, text: SQL, options: string): SQL {
  return sql`ts_headline(${CONFIG}, translate(${text}, ${TRANSLATE_FROM}, ${TRANSLATE_TO}), ${ctx.query}, ${options})`;
}

type Row = Record<string, unknown>;
const str = (v: unknown) => (v === null || v === undefined ? null : String(v));
const num = (v: unknown) => Number(v);
const dateOf = (v: unknown) => (v === null || v === undefined ? null : new Date(Number(v)));

interface KindSearch {
  /** A scalar SQL expression: how many items match (capped for the big kinds). */
  count: SQL;
  /** One slice of the matching items, in the kind's order; `count` is what `count` gave. */
  slice(db: Db, limit: number, offset: number, count: number): Promise<SearchHit[]>;
}

/** Small tables (a few dozen rows): matched by a scan, ordered by relevance. */
function themeSearch(ctx: Context): KindSearch {
  const doc = sql`${themes.title} || ' ' || coalesce(${themes.description}, '')`;
  // The current plan's themes: an earlier plan's are sections of its page, a draft's are not public (decision 0027).
  const where = sql`${themes.planId} = ${publicPlanId} and ${searchVector(doc)} @@ ${ctx.query} and (${ctx.filters.themeSlug}::text is null or ${themes.id} = ${ctx.themeId})`;
  return {
    count: sql`(select count(*)::int from ${themes} where ${where})`,
    async slice(db, limit, offset) {
      const rows = rowsOf<Row>(
        await db.execute(sql`
          select ${themes.id} as id, ${themes.slug} as slug, ${themes.number} as number,
                 ${headline(ctx, sql`${themes.title}`, TITLE_OPTIONS)} as title,
                 ${headline(ctx, sql`coalesce(${themes.description}, '')`, EXCERPT_OPTIONS)} as excerpt
          from ${themes} where ${where}
          order by ts_rank(${searchVector(doc)}, ${ctx.query}) desc, ${themes.number}
          limit ${limit} offset ${offset}`),
      );
      return rows.map((r) => ({
        kind: "theme" as const,
        id: num(r.id),
        href: `/thematiques/${str(r.slug)}`,
        title: `Thématique ${num(r.number)} : ${str(r.title)}`,
        excerpt: str(r.excerpt) || null,
        context: null,
        date: null,
      }));
    },
  };
}

function actionSearch(ctx: Context): KindSearch {
  const projects = sql`coalesce((select string_agg(${actionProjects.name} || ' ' || coalesce(${actionProjects.detail}, ''), ' ')
    from ${actionProjects} where ${actionProjects.actionId} = ${actions.id}), '')`;
  const doc = sql`${actions.title} || ' ' || coalesce(${actions.description}, '') || ' ' || ${projects}`;
  // Every plan's fiches but a draft's: an earlier plan's fiche keeps its page (decision 0027).
  const where = sql`${actions.planId} in ${publicPlanIds} and ${searchVector(doc)} @@ ${ctx.query} and (${ctx.filters.themeSlug}::text is null or exists (
    select 1 from ${actionThemes} where ${actionThemes.actionId} = ${actions.id} and ${actionThemes.themeId} = ${ctx.themeId}))`;
  return {
    count: sql`(select count(*)::int from ${actions} where ${where})`,
    async slice(db, limit, offset) {
      const rows = rowsOf<Row>(
        await db.execute(sql`
          select ${actions.id} as id, ${actions.slug} as slug,
                 ${headline(ctx, sql`${actions.title}`, TITLE_OPTIONS)} as title,
                 ${headline(ctx, sql`coalesce(${actions.description}, '') || ' ' || ${projects}`, EXCERPT_OPTIONS)} as excerpt
          from ${actions} where ${where}
          order by ts_rank(${searchVector(doc)}, ${ctx.query}) desc, ${actions.id}
          limit ${limit} offset ${offset}`),
      );
      return rows.map((r) => ({
        kind: "action" as const,
        id: num(r.id),
        href: `/fiches/${str(r.slug)}`,
        title: str(r.title)!,
        excerpt: str(r.excerpt) || null,
        context: null,
        date: null,
      }));
    },
  };
}

function reportSearch(ctx: Context): KindSearch {
  const doc = sql`${progressReports.title} || ' ' || ${progressReports.body}`;
  const where = sql`${progressReports.actionId} in (select ${actions.id} from ${actions} where ${actions.planId} in ${publicPlanIds})
    and ${searchVector(doc)} @@ ${ctx.query} and (${ctx.filters.themeSlug}::text is null or exists (
    select 1 from ${actionThemes} where ${actionThemes.actionId} = ${progressReports.actionId} and ${actionThemes.themeId} = ${ctx.themeId}))`;
  return {
    count: sql`(select count(*)::int from ${progressReports} where ${where})`,
    async slice(db, limit, offset) {
      const rows = rowsOf<Row>(
        await db.execute(sql`
          select ${progressReports.id} as id, ${actions.slug} as action_slug, ${actions.title} as action_title,
                 ${progressReports.reportedOn}::text as reported_on,
                 ${headline(ctx, sql`${progressReports.title}`, TITLE_OPTIONS)} as title,
                 ${headline(ctx, sql`${progressReports.body}`, EXCERPT_OPTIONS)} as excerpt
          from ${progressReports} join ${actions} on ${actions.id} = ${progressReports.actionId}
          where ${where}
          order by ts_rank(${searchVector(doc)}, ${ctx.query}) desc, ${progressReports.id} desc
          limit ${limit} offset ${offset}`),
      );
      return rows.map((r) => ({
        kind: "report" as const,
        id: num(r.id),
        href: `/fiches/${str(r.action_slug)}#point-etape-${num(r.id)}`,
        title: str(r.title)!,
        excerpt: str(r.excerpt) || null,
        context: `Point d'étape de la fiche action « ${str(r.action_title)} »`,
        date: r.reported_on ? new Date(`${str(r.reported_on)}T12:00:00Z`) : null,
      }));
    },
  };
}

/*
 * The big table (100,000 published rows at the issue's volume), newest first: ranking every match
 * by relevance would read them all. Its lexemes are a stored column (contributions.search_vector)
 * with a GIN index, both on published rows only. A word found in few items (up to the count's cap)
 * is read through the GIN index, its matches sorted by date; a word found in more (« conseil »: all
 * of them) is read along the newest-first index (contributions_published_order), testing each row's
 * stored lexemes, within the newest SEARCH_WINDOW rows — and through the GIN index if that window
 * holds too few. Counted up to the cap only, for the same reason.
 */
const SEARCH_WINDOW = 20_000;

/** The queries that find contributions (exported for the plan test, tests/integration/query-plans.test.ts). */
export function contributionQueries(words: string, filters: SearchFilters) {
  return contributionFinders(contextFor(words, filters));
}

function contributionFinders(ctx: Context) {
  const c = contributions;
  const filters = sql`(${ctx.filters.themeSlug}::text is null or ${c.actionId} in (select ${actionThemes.actionId} from ${actionThemes} where ${actionThemes.themeId} = ${ctx.themeId}))
    and (${ctx.filters.councilSlug}::text is null or ${c.councilId} = ${ctx.councilId})`;
  const where = sql`${c.status} = 'published' and ${c.searchVector} @@ ${ctx.query} and ${filters}`;
  return {
    count: sql`(select count(*)::int from (select 1 from ${c} where ${where} limit ${SEARCH_COUNT_CAP + 1}) as capped)`,
    /** Through the GIN index, every match sorted by date: for a word found up to the cap. */
    byIndex: (limit: number, offset: number) => sql`
      select ${c.id} as id from ${c} where ${where}
      order by ${c.publishedAt} desc, ${c.id} desc limit ${limit} offset ${offset}`,
    /**
     * Along the newest-first index, within the newest SEARCH_WINDOW rows: for a frequent word. The
     * LIMIT inside keeps the planner from pushing the word's condition into the subquery (and taking
     * the GIN index, then sorting every match): it reads the newest rows in order and stops early.
     */
    byDate: (limit: number, offset: number) => sql`
      select newest.id from (
        select ${c.id} as id, ${c.searchVector} as lexemes, ${c.publishedAt} as published_at from ${c}
        where ${c.status} = 'published' and ${filters}
        order by ${c.publishedAt} desc, ${c.id} desc limit ${SEARCH_WINDOW}
      ) as newest
      where newest.lexemes @@ ${ctx.query}
      order by newest.published_at desc, newest.id desc limit ${limit} offset ${offset}`,
  };
}

function contributionSearch(ctx: Context): KindSearch {
  const c = contributions;
  const { count, byIndex, byDate } = contributionFinders(ctx);
  const read = (found: SQL) => sql`
    with found as (${found})
    select item.id, item.kind, ${councils.name} as council_name, ${actions.slug} as action_slug, ${actions.title} as action_title,
           ${epochMs(sql`item.published_at`)} as published_ms, ${listPage(sql`item`, "fiche")} as fiche_page,
           case when item.title is not null then ${headline(ctx, sql`item.title`, TITLE_OPTIONS)} end as title,
           ${headline(ctx, sql`item.body`, EXCERPT_OPTIONS)} as excerpt
    from found join ${c} item on item.id = found.id
    join ${councils} on ${councils.id} = item.council_id
    join ${actions} on ${actions.id} = item.action_id
    order by item.published_at desc, item.id desc`;
  return {
    count,
    async slice(db, limit, offset, found) {
      let rows: Row[] = [];
      if (found > SEARCH_COUNT_CAP) rows = rowsOf<Row>(await db.execute(read(byDate(limit, offset))));
      if (rows.length < limit) rows = rowsOf<Row>(await db.execute(read(byIndex(limit, offset))));
      return rows.map((r) => {
        const isProposal = r.kind === "proposal";
        return {
          kind: "contribution" as const,
          id: num(r.id),
          href: contributionHref("fiche", str(r.action_slug)!, num(r.fiche_page), num(r.id)),
          title: isProposal ? `Proposition : ${str(r.title)}` : `Avis du ${str(r.council_name)}`,
          excerpt: str(r.excerpt) || null,
          context: `${isProposal ? `Proposée par le ${str(r.council_name)}` : "Publié"} sur la fiche action « ${str(r.action_title)} »`,
          date: dateOf(r.published_ms),
        };
      });
    },
  };
}

/** The City's answers to published proposals (an answer to a hidden proposal is hidden with it). Newest first. */
function answerSearch(ctx: Context): KindSearch {
  const a = contributionAnswers;
  const c = contributions;
  const where = sql`${searchVector(sql`${a.body}`)} @@ ${ctx.query} and ${c.status} = 'published'
    and (${ctx.filters.themeSlug}::text is null or ${c.actionId} in (select ${actionThemes.actionId} from ${actionThemes} where ${actionThemes.themeId} = ${ctx.themeId}))
    and (${ctx.filters.councilSlug}::text is null or ${c.councilId} = ${ctx.councilId})`;
  const from = sql`${a} join ${c} on ${c.id} = ${a.contributionId}`;
  return {
    count: sql`(select count(*)::int from (select 1 from ${from} where ${where} limit ${SEARCH_COUNT_CAP + 1}) as capped)`,
    async slice(db, limit, offset) {
      const rows = rowsOf<Row>(
        await db.execute(sql`
          with found as (
            select ${a.id} as id from ${from} where ${where}
            order by ${a.createdAt} desc, ${a.id} desc limit ${limit} offset ${offset}
          )
          select answer.id, answer.state, answer.signature_name, answer.signature_title, item.id as contribution_id,
                 item.title as proposal_title, ${actions.slug} as action_slug,
                 ${epochMs(sql`answer.created_at`)} as created_ms, ${listPage(sql`item`, "fiche")} as fiche_page,
                 ${headline(ctx, sql`answer.body`, EXCERPT_OPTIONS)} as excerpt
          from found join ${a} answer on answer.id = found.id
          join ${c} item on item.id = answer.contribution_id
          join ${actions} on ${actions.id} = item.action_id
          order by answer.created_at desc, answer.id desc`),
      );
      return rows.map((r) => {
        const signature = [str(r.signature_name), str(r.signature_title)].filter(Boolean).join(", ");
        return {
          kind: "answer" as const,
          id: num(r.id),
          href: contributionHref("fiche", str(r.action_slug)!, num(r.fiche_page), num(r.contribution_id)),
          title: `Réponse à la proposition « ${str(r.proposal_title) ?? ""} »`,
          excerpt: str(r.excerpt) || null,
          context: `${answerStateLabels[r.state as AnswerState] ?? ""} — ${signature}`,
          date: dateOf(r.created_ms),
        };
      });
    },
  };
}

/** Public meetings: title, place, minutes and agenda labels (never the presenter's notes). Newest first. */
function meetingSearch(ctx: Context): KindSearch {
  const agenda = sql`coalesce((select string_agg(${meetingAgendaItems.label}, ' ') from ${meetingAgendaItems}
    where ${meetingAgendaItems.meetingId} = ${meetings.id}), '')`;
  const doc = sql`${meetings.title} || ' ' || ${meetings.place} || ' ' || coalesce(${meetings.minutes}, '') || ' ' || ${agenda}`;
  const where = sql`${searchVector(doc)} @@ ${ctx.query} and (${ctx.filters.themeSlug}::text is null or exists (
    select 1 from ${meetingAgendaItems} where ${meetingAgendaItems.meetingId} = ${meetings.id}
      and (${meetingAgendaItems.themeId} = ${ctx.themeId}
           or ${meetingAgendaItems.actionId} in (select ${actionThemes.actionId} from ${actionThemes} where ${actionThemes.themeId} = ${ctx.themeId}))))`;
  return {
    count: sql`(select count(*)::int from ${meetings} where ${where})`,
    async slice(db, limit, offset) {
      const rows = rowsOf<Row>(
        await db.execute(sql`
          select ${meetings.id} as id, ${meetings.slug} as slug, ${meetings.place} as place, ${epochMs(sql`${meetings.startsAt}`)} as starts_ms,
                 ${headline(ctx, sql`${meetings.title}`, TITLE_OPTIONS)} as title,
                 ${headline(ctx, sql`coalesce(${meetings.minutes}, '') || ' ' || ${agenda}`, EXCERPT_OPTIONS)} as excerpt
          from ${meetings} where ${where}
          order by ${meetings.startsAt} desc, ${meetings.id} desc
          limit ${limit} offset ${offset}`),
      );
      return rows.map((r) => ({
        kind: "meeting" as const,
        id: num(r.id),
        href: `/reunions/${str(r.slug)}`,
        title: str(r.title)!,
        excerpt: str(r.excerpt) || null,
        context: `Lieu : ${str(r.place)}`,
        date: dateOf(r.starts_ms),
      }));
    },
  };
}

const builders: Record<SearchKind, (ctx: Context) => KindSearch> = {
  theme: themeSearch,
  action: actionSearch,
  report: reportSearch,
  contribution: contributionSearch,
  answer: answerSearch,
  meeting: meetingSearch,
};

/** The kinds a search covers under its filters: one kind if asked; only councils' kinds under a council filter. */
function kindsFor(filters: SearchFilters): SearchKind[] {
  return searchKinds.filter(
    (k) => (filters.kind === null || k === filters.kind) && (filters.councilSlug === null || councilKinds.includes(k)),
  );
}

function contextFor(words: string, filters: SearchFilters): Context {
  return {
    query: sql`websearch_to_tsquery(${CONFIG}, ${words}::text)`,
    themeId: sql`(select ${themes.id} from ${themes} where ${themes.planId} = ${publicPlanId} and ${themes.slug} = ${filters.themeSlug})`,
    councilId: sql`(select ${councils.id} from ${councils} where ${councils.slug} = ${filters.councilSlug})`,
    filters,
  };
}

const zeroCounts = (): Record<SearchKind, number> => Object.fromEntries(searchKinds.map((k) => [k, 0])) as Record<SearchKind, number>;

/** How many items of each kind match, and whether the query holds any usable word. One query. */
async function countMatches(db: Db, words: string, filters: SearchFilters) {
  const ctx = contextFor(words, filters);
  const kinds = kindsFor(filters);
  const columns = kinds.map((k) => sql`${builders[k](ctx).count} as ${sql.identifier(k)}`);
  const [row] = rowsOf<Row>(
    await db.execute(sql`select numnode(${ctx.query}) as nodes${columns.length ? sql`, ${sql.join(columns, sql`, `)}` : sql``}`),
  );
  const counts = zeroCounts();
  for (const k of kinds) counts[k] = num(row?.[k]);
  return { counts, usable: num(row?.nodes) > 0 };
}

/*
 * Typos: the words of the plan's own texts (themes, fiches, projects, progress reports, meetings —
 * a few thousand words, read on demand), compared with each typed word by trigram similarity
 * (pg_trgm). A typed word that is a word of these texts is kept; another one is replaced by the
 * closest word if it is close enough. The corrected words are only shown if they find something,
 * and they find only what is public.
 */
const SIMILARITY_MIN = 0.45;

async function correctTypos(db: Db, words: string): Promise<string | null> {
  const wordPattern = "[^A-Za-z0-9À-ÖØ-öø-ÿŒœ]+";
  const texts = sql`
    select ${themes.title} || ' ' || coalesce(${themes.description}, '') as t from ${themes} where ${themes.planId} in ${publicPlanIds}
    union all select ${actions.title} || ' ' || coalesce(${actions.description}, '') from ${actions} where ${actions.planId} in ${publicPlanIds}
    union all select ${actionProjects.name} || ' ' || coalesce(${actionProjects.detail}, '') from ${actionProjects}
      where ${actionProjects.actionId} in (select ${actions.id} from ${actions} where ${actions.planId} in ${publicPlanIds})
    union all select ${progressReports.title} || ' ' || ${progressReports.body} from ${progressReports}
      where ${progressReports.actionId} in (select ${actions.id} from ${actions} where ${actions.planId} in ${publicPlanIds})
    union all select ${meetings.title} || ' ' || ${meetings.place} || ' ' || coalesce(${meetings.minutes}, '') from ${meetings}
    union all select ${meetingAgendaItems.label} from ${meetingAgendaItems}`;
  const rows = rowsOf<{ typed: string; known: boolean; suggestion: string | null }>(
    await db.execute(sql`
      with lexicon as (
        -- One string split once: split row by row, the planner expected thousands of words a row and
        -- started parallel workers, which cost ten times the query (30 ms instead of 3).
        select lower(public.unaccent(w)) as key, max(lower(w)) as word
        from regexp_split_to_table((select string_agg(t, ' ') from (${texts}) as texts), ${wordPattern}) as w
        where length(w) >= 3 group by 1
      ),
      typed as (
        select w, n from regexp_split_to_table(${words}::text, ${wordPattern}) with ordinality as x(w, n) where w <> ''
      )
      select typed.w as typed,
             exists (select 1 from lexicon where lexicon.key = lower(public.unaccent(typed.w))) as known,
             (select lexicon.word from lexicon
              where length(typed.w) >= 4 and similarity(lexicon.key, lower(public.unaccent(typed.w))) >= ${SIMILARITY_MIN}
              order by similarity(lexicon.key, lower(public.unaccent(typed.w))) desc, lexicon.word limit 1) as suggestion
      from typed order by typed.n`),
  );
  let changed = false;
  const corrected = rows.map((r) => {
    if (r.known || !r.suggestion) return r.typed;
    changed = true;
    return r.suggestion;
  });
  return changed ? corrected.join(" ") : null;
}

/**
 * One page of a public search: counts per kind (one query), then the slices of the kinds that fall
 * on the page (at most SEARCH_PAGE_SIZE items in all), in the kinds' order; when nothing matches, the
 * same once more with typos corrected. `words` must already be bounded (lib/search.ts).
 */
export async function searchPublic(db: Db, words: string, filters: SearchFilters, page = 1): Promise<SearchOutcome> {
  // One read-only snapshot, so the counts and the page agree. JIT off: the page numbers' subqueries
  // make PostgreSQL's cost estimate pass jit_above_cost, and compiling took 20 ms of a 25 ms query.
  return db.transaction(
    async (tx) => {
      await tx.execute(sql`set local jit = off`);
      return search(tx, words, filters, page);
    },
    { isolationLevel: "repeatable read", accessMode: "read only" },
  );
}

async function search(db: Db, words: string, filters: SearchFilters, page: number): Promise<SearchOutcome> {
  let searched = words;
  let correctedFrom: string | null = null;
  const first = await countMatches(db, words, filters);
  const { usable } = first;
  let { counts } = first;
  const sum = (c: Record<SearchKind, number>) => searchKinds.reduce((n, k) => n + Math.min(c[k], SEARCH_COUNT_CAP), 0);
  if (usable && sum(counts) === 0) {
    const corrected = await correctTypos(db, words);
    if (corrected) {
      const retry = await countMatches(db, corrected, filters);
      if (sum(retry.counts) > 0) {
        ({ counts } = retry);
        searched = corrected;
        correctedFrom = words;
      }
    }
  }
  const total = sum(counts);
  const pageCount = Math.max(1, Math.ceil(total / SEARCH_PAGE_SIZE));
  const current = Math.min(Math.max(1, page), pageCount);
  const ctx = contextFor(searched, filters);
  // The page's window over the kinds laid end to end, each kind in its own order.
  let start = (current - 1) * SEARCH_PAGE_SIZE;
  let room = SEARCH_PAGE_SIZE;
  const slices: Promise<SearchHit[]>[] = [];
  for (const kind of kindsFor(filters)) {
    const count = Math.min(counts[kind], SEARCH_COUNT_CAP);
    if (room === 0) break;
    if (start >= count) {
      start -= count;
      continue;
    }
    const take = Math.min(room, count - start);
    slices.push(builders[kind](ctx).slice(db, take, start, counts[kind]));
    room -= take;
    start = 0;
  }
  const hits = (await Promise.all(slices)).flat();
  return { searched, correctedFrom, noUsableWord: !usable, counts, total, page: current, pageCount, hits };
}
