import { formatDay } from "./dates";
import { frenchQuote, joinFrench } from "./french";
import { pluralize } from "./labels";

/*
 * Sentences the public pages print about the plan, kept here (pure, tested) so the pages stay thin
 * and the wording stays the same everywhere.
 */

/** « Échéance : jusqu'en 2018 », or says plainly that the source gives none. */
export function timeframeText(label: string | null): string {
  return label ? `Échéance : ${label}` : "Échéance non précisée par la source";
}

/** « 28 avril 2015 », or « date non précisée » when the source gives no day (none is invented). */
export function reportDateText(reportedOn: string | null): string {
  return reportedOn ? formatDay(reportedOn) : "date non précisée";
}

/** « Dans le document source : « en cours jusqu'en 2018 » » (non-breaking spaces inside the quotes) */
export function sourceWordingText(wording: string): string {
  return `Dans le document source : ${frenchQuote(wording)}`;
}

export interface SharedAction {
  slug: string;
  title: string;
  themeNumbers: number[];
}

/** Fiches listed under more than one theme, in the order they first appear. */
export function findSharedActions(
  themes: readonly { number: number; actions: readonly { slug: string; title: string }[] }[],
): SharedAction[] {
  const bySlug = new Map<string, SharedAction>();
  for (const theme of themes) {
    for (const action of theme.actions) {
      const entry = bySlug.get(action.slug) ?? { slug: action.slug, title: action.title, themeNumbers: [] };
      if (!entry.themeNumbers.includes(theme.number)) entry.themeNumbers.push(theme.number);
      bySlug.set(action.slug, entry);
    }
  }
  return [...bySlug.values()].filter((a) => a.themeNumbers.length > 1);
}

export interface SourceCounts {
  /** Fiches the source announces (null when it announces no number). */
  announced: number | null;
  /** Entries listed under the themes (a fiche under two themes counts twice). */
  listed: number;
  /** Distinct fiches. */
  distinct: number;
  shared: readonly SharedAction[];
  /**
   * Distinct fiches on the site, those the City added since (/admin/plan) included; `listed`,
   * `distinct` and `shared` count the source's own only. Defaults to `distinct`.
   */
  published?: number;
}

/**
 * The home page's counts from its themes: the source's own entries (listed, distinct, shared) apart
 * from the fiches the City added on this site, which count as published.
 */
export function sourceCountsOf(
  announced: number | null,
  themes: readonly { number: number; actions: readonly { slug: string; title: string }[]; addedActionSlugs: readonly string[] }[],
): SourceCounts {
  const fromSource = themes.map((t) => ({ number: t.number, actions: t.actions.filter((a) => !t.addedActionSlugs.includes(a.slug)) }));
  return {
    announced,
    listed: fromSource.reduce((n, t) => n + t.actions.length, 0),
    distinct: new Set(fromSource.flatMap((t) => t.actions.map((a) => a.slug))).size,
    shared: findSharedActions(fromSource),
    published: new Set(themes.flatMap((t) => t.actions.map((a) => a.slug))).size,
  };
}

/** How many announced fiches are not published yet (never negative). */
export function missingCount(announced: number | null, present: number): number {
  return announced === null ? 0 : Math.max(0, announced - present);
}

function missingSentence(missing: number): string | null {
  if (missing === 0) return null;
  return missing === 1
    ? "La fiche manquante n'a pas encore été publiée : la Ville l'ajoutera sur ce site."
    : `Les ${missing} fiches manquantes n'ont pas encore été publiées : la Ville les ajoutera sur ce site.`;
}

function themesPhrase(numbers: readonly number[]): string {
  if (numbers.length === 2) return `à la fois sous la thématique ${numbers[0]} et sous la thématique ${numbers[1]}`;
  return `sous les thématiques ${joinFrench(numbers.map(String))}`;
}

/**
 * The honest note about what the source document gives: how many fiches it announces, how many
 * entries it lists, which ones are listed twice, and that the missing ones are not published yet.
 */
export function describeSourceCounts({ announced, listed, distinct, shared, published = distinct }: SourceCounts): string[] {
  const sentences: string[] = [];
  const entries = pluralize(listed, "entrée", "entrées");
  if (announced === null) sentences.push(`Le document source liste ${entries}.`);
  else if (announced > listed)
    sentences.push(`Le document source annonce ${pluralize(announced, "fiche action", "fiches actions")}, mais n'en liste que ${entries}.`);
  else if (announced === listed)
    sentences.push(`Le document source annonce et liste ${pluralize(listed, "fiche action", "fiches actions")}.`);
  else sentences.push(`Le document source annonce ${pluralize(announced, "fiche action", "fiches actions")} et en liste ${entries}.`);

  const distinctText = pluralize(distinct, "fiche action distincte", "fiches actions distinctes");
  const [onlyShared] = shared;
  if (shared.length === 1 && onlyShared) {
    sentences.push(
      `L'une d'elles, ${frenchQuote(onlyShared.title)}, figure ${themesPhrase(onlyShared.themeNumbers)} : cela fait ${distinctText}.`,
    );
  } else if (shared.length > 1) {
    const list = shared.map((a) => `${frenchQuote(a.title)} (thématiques ${joinFrench(a.themeNumbers.map(String))})`).join(" ; ");
    sentences.push(`Certaines figurent sous plusieurs thématiques — ${list} : cela fait ${distinctText}.`);
  }

  if (published > distinct) sentences.push(addedSentence(published - distinct));
  const missing = missingSentence(missingCount(announced, published));
  if (missing) sentences.push(missing);
  return sentences;
}

function addedSentence(added: number): string {
  return added === 1
    ? "La Ville a ajouté 1 fiche action sur ce site depuis."
    : `La Ville a ajouté ${added} fiches actions sur ce site depuis.`;
}

/**
 * The note on a theme page: how many fiches the source announces for it, how many it lists, and how
 * many the City added since (`published` counts them all; defaults to `listed`).
 */
export function describeThemeSourceCounts(announced: number | null, listed: number, published = listed): string[] {
  const listedText = pluralize(listed, "fiche action", "fiches actions");
  if (announced === null) return [`Le document source liste ${listedText} pour cette thématique.`];
  const sentences = [
    announced === listed
      ? // « annonce 4 fiches … et en liste 4 » reads like a discrepancy when there is none.
        `Le document source annonce et liste ${listedText} pour cette thématique.`
      : `Le document source annonce ${pluralize(announced, "fiche action", "fiches actions")} pour cette thématique et en liste ${listed}.`,
  ];
  if (published > listed) sentences.push(addedSentence(published - listed));
  const missing = missingSentence(missingCount(announced, published));
  if (missing) sentences.push(missing);
  return sentences;
}
