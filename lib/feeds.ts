/*
 * The addresses of the feeds and calendars (docs/decisions/0015-feeds-and-calendars.md), written
 * once: the routes serve them, the pages link to them (<link rel="alternate"> and a visible link),
 * server/public-paths.ts refreshes them, and the tests fetch them.
 */

/** Every feed carries the latest entries only; every calendar a bounded number of events. */
export const FEED_ENTRY_LIMIT = 50;
export const CALENDAR_EVENT_LIMIT = 500;

export type FeedScope =
  { kind: "plan" } | { kind: "theme"; slug: string } | { kind: "action"; slug: string } | { kind: "council"; slug: string };

export const PLAN_FEED_PATH = "/flux.atom";
export const MEETINGS_CALENDAR_PATH = "/reunions.ics";
export const DEADLINES_CALENDAR_PATH = "/echeances.ics";

/** The page a feed belongs to. */
export function feedPagePath(scope: FeedScope): string {
  switch (scope.kind) {
    case "plan":
      return "/";
    case "theme":
      return `/thematiques/${scope.slug}`;
    case "action":
      return `/fiches/${scope.slug}`;
    case "council":
      return `/conseils/${scope.slug}`;
  }
}

/** `/flux.atom`, `/thematiques/<slug>/flux.atom`, `/fiches/<slug>/flux.atom`, `/conseils/<slug>/flux.atom`. */
export function feedPath(scope: FeedScope): string {
  return scope.kind === "plan" ? PLAN_FEED_PATH : `${feedPagePath(scope)}/flux.atom`;
}

/** The one-event file behind « Ajouter à mon agenda » on a meeting's page. */
export const meetingCalendarPath = (slug: string) => `/reunions/${slug}/calendrier.ics`;

/**
 * The year in the tag: URIs. Fixed forever (RFC 4151: a date when the authority owned the name): an
 * id must never change, or every reader shows every entry again as new.
 */
const TAG_DATE = "2026";

/**
 * A permanent id (RFC 4151 tag: URI) for a feed or an entry: `tag:<host>,2026:<specific>`. Not the
 * item's page address, which changes (a contribution moves to page 2 when newer ones are published).
 */
export function tagUri(origin: string, specific: string): string {
  return `tag:${new URL(origin).hostname},${TAG_DATE}:${specific}`;
}

/** A calendar event's UID (RFC 5545 § 3.8.4.7): `<specific>@<host>`. */
export function calendarUid(origin: string, specific: string): string {
  return `${specific}@${new URL(origin).hostname}`;
}
