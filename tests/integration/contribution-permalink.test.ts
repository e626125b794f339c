import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { createAction } from "@/db/factories";
import { locatePublishedContribution, upgradeContributionLink } from "@/server/plan/locate-contribution";
import { createCast, type Cast } from "../support/actors";
import { createTestDatabase, type TestDatabase } from "../support/test-database";
import { insertItem } from "./answers-helpers";

/*
 * Notifications and mails point at one contribution through /fiches/<slug>/contribution/<id>: it
 * leads to the page of the fiche where the card is today — also when the item is older than the 10
 * newest that the fiche's first page shows (issue 11, point 7).
 */
let testDb: TestDatabase;
let db: Db;
let cast: Cast;
beforeAll(async () => {
  testDb = await createTestDatabase("permalink");
  db = (await testDb.openPrepared({ demo: false })).db;
  cast = await createCast(db);
});
afterAll(() => testDb.drop());

describe("where a contribution's link leads", () => {
  it("to the page that shows it today, newest first, 10 a page", async () => {
    const fiche = await createAction(db);
    const ids: number[] = [];
    for (let i = 0; i < 25; i++) ids.push(await insertItem(db, cast.councilA.id, fiche.slug, { publishedDaysAgo: i + 1 }));
    expect(await locatePublishedContribution(db, fiche.slug, ids[0]!)).toBe(`/fiches/${fiche.slug}#contribution-${ids[0]}`);
    expect(await locatePublishedContribution(db, fiche.slug, ids[10]!)).toBe(
      `/fiches/${fiche.slug}/contributions/2#contribution-${ids[10]}`,
    );
    expect(await locatePublishedContribution(db, fiche.slug, ids[24]!)).toBe(
      `/fiches/${fiche.slug}/contributions/3#contribution-${ids[24]}`,
    );
    // A newer publication pushes the oldest one on: the link follows, it was never stored.
    await insertItem(db, cast.councilA.id, fiche.slug, { publishedDaysAgo: 0 });
    expect(await locatePublishedContribution(db, fiche.slug, ids[19]!)).toBe(
      `/fiches/${fiche.slug}/contributions/3#contribution-${ids[19]}`,
    );
  });

  it("nowhere for an item that is not published, belongs to another fiche or does not exist", async () => {
    const fiche = await createAction(db);
    const other = await createAction(db);
    const pending = await insertItem(db, cast.councilA.id, fiche.slug, { status: "pending" });
    const hidden = await insertItem(db, cast.councilA.id, fiche.slug, { status: "hidden" });
    const published = await insertItem(db, cast.councilA.id, fiche.slug);
    expect(await locatePublishedContribution(db, fiche.slug, pending)).toBeNull();
    expect(await locatePublishedContribution(db, fiche.slug, hidden)).toBeNull();
    expect(await locatePublishedContribution(db, other.slug, published)).toBeNull();
    expect(await locatePublishedContribution(db, fiche.slug, 2_000_000_000)).toBeNull();
    expect(await locatePublishedContribution(db, fiche.slug, published)).toBe(`/fiches/${fiche.slug}#contribution-${published}`);
  });

  it("links written before the permalink go through it; other links are unchanged", () => {
    expect(upgradeContributionLink("/fiches/accueil-de-jour#contribution-3")).toBe("/fiches/accueil-de-jour/contribution/3");
    expect(upgradeContributionLink("/espace/conseils/nord/contributions#contribution-3")).toBe(
      "/espace/conseils/nord/contributions#contribution-3",
    );
    expect(upgradeContributionLink("/moderation")).toBe("/moderation");
  });
});
