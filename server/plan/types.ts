import type { DeadlineView } from "@/lib/deadlines";
import type { ActionStatus } from "@/lib/labels";
import type { Coverage, StatusCounts } from "@/lib/rollup";

/*
 * The public shapes that several loaders of server/plan/ return, or that staff pages share with
 * the public ones (deadline changes, earlier versions of a report). A loader's own page type
 * stays in its file. Types only: components import them freely.
 */

export interface PlanInfo {
  /** Its address under /plans/ (« 2015-2020 »). */
  slug: string;
  /** `closed` once the next plan replaced it (« Plan terminé »); `draft` only in staff's previews. */
  state: "draft" | "current" | "closed";
  closedAt: Date | null;
  title: string;
  cityName: string;
  periodStartYear: number;
  periodEndYear: number;
  summary: string;
  announcedActionCount: number | null;
  sourceTitle: string | null;
  /** The démarche's text (plain text with links); empty when the City wrote none. */
  demarche: string;
}

export interface ActionSummary {
  slug: string;
  title: string;
  status: ActionStatus | null;
  progress: number | null;
  timeframeLabel: string | null;
  /** Original and current deadline, and « en retard » (past the current one and not done). */
  deadline: DeadlineView;
  /** Published avis and propositions of the fiche (never pending, rejected, hidden or drafts). */
  contributionCounts: ContributionCounts;
}

export interface ContributionCounts {
  feedback: number;
  proposals: number;
}

export interface ThemeSummary {
  number: number;
  slug: string;
  title: string;
  description: string | null;
  announcedActionCount: number | null;
  /** Set when staff archived it: it is in no list, its page says so. */
  archivedAt: Date | null;
  actions: ActionSummary[];
  /** Those of `actions` the City added on this site (/admin/plan), not listed by the source. */
  addedActionSlugs: string[];
  progress: number | null;
  /** How many of its fiches have a progress figure (the roll-up's coverage). */
  progressCoverage: Coverage;
  statusCounts: StatusCounts;
}

export interface Milestone {
  key: string;
  title: string;
  description: string | null;
  startsOn: string;
  endsOn: string | null;
  precision: "day" | "month" | "year";
}

/** An earlier version of a corrected progress report. */
export interface ReportRevisionView {
  id: number;
  title: string;
  body: string;
  reportedOn: string | null;
  status: ActionStatus | null;
  progress: number | null;
  replacedAt: Date;
}

/** A change of a fiche's deadline, with its reason (public). */
export interface DeadlineChangeView {
  id: number;
  previousLabel: string | null;
  previousDeadline: string | null;
  newLabel: string;
  newDeadline: string;
  reason: string;
  createdAt: Date;
}
