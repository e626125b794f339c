import { randomUUID } from "node:crypto";
import { asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database, Db } from "@/db/client";
import { createAction, createCouncil } from "@/db/factories";
import { auditLog, contributions, contributionScans, councils, notifications } from "@/db/schema";
import type { ActionResult } from "@/lib/action-result";
import { SCAN_MAX_BYTES } from "@/lib/paper-contribution";
import { paperContributionSchema, type PaperContributionData } from "@/lib/validation/contribution";
import { loadScan } from "@/server/contributions/load-scan";
import { recordPaperContribution } from "@/server/contributions/record-paper";
import { getCouncilContribution } from "@/server/contributions/list-council-contributions";
import { approveContribution } from "@/server/moderation/decide";
import { listPendingQueue } from "@/server/moderation/queue";
import { loadPublishedContributions } from "@/server/plan/load-published-contributions";
import { createCast, matrixRoles, type Cast, type MatrixRole } from "../support/actors";
import { lastAudit } from "../support/db-snapshot";
import { submitForm } from "../support/forms";
import { createTestDatabase, type TestDatabase } from "../support/test-database";
import { refusalCode } from "./contributions-helpers";

/*
 * Contributions received on paper, by mail or in a meeting (issue 11, point 4): recorded by a
 * moderator for a council they are not in, as each role of the matrix; the scan checked by its
 * bytes and size and readable by staff only; the same moderation; the provenance on public reads.
 */
let testDb: TestDatabase;
let database: Database;
let db: Db;
let cast: Cast;
let action: { id: number; slug: string };
beforeAll(async () => {
  testDb = await createTestDatabase("paper");
  database = await testDb.openPrepared({ demo: false });
  db = database.db;
  cast = await createCast(db);
  action = await createAction(db);
});
afterAll(() => testDb.drop());

const PDF = new Uint8Array([...Buffer.from("%PDF-1.7\n% scan de test\n")]);
const pdf = () => new Blob([PDF], { type: "application/pdf" });

const input = (councilId: number, more: Partial<PaperContributionData> = {}): PaperContributionData =>
  ({
    kind: "feedback",
    position: "unfavorable",
    councilId,
    actionSlug: action.slug,
    body: `Avis remis sur papier ${randomUUID()}`,
    receivedVia: "paper",
    receivedOn: "2026-11-20",
    writtenAuthorName: "Jeanne Martin",
    clientRequestId: randomUUID(),
    ...more,
  }) as PaperContributionData;

async function snapshot() {
  const [c, s, a, n] = await Promise.all([
    db.select().from(contributions).orderBy(asc(contributions.id)),
    db.select({ id: contributionScans.contributionId }).from(contributionScans).orderBy(asc(contributionScans.contributionId)),
    db.select().from(auditLog).orderBy(asc(auditLog.id)),
    db.select().from(notifications).orderBy(asc(notifications.id)),
  ]);
  return { contributions: c, scans: s, audit: a, notifications: n };
}

async function expectRefusedUnchanged(call: () => Promise<ActionResult<unknown>>, code: string, field?: string) {
  const before = await snapshot();
  const result = await call();
  expect(result).toMatchObject({ ok: false, code });
  if (field) expect(result.ok ? null : result.fieldErrors?.[field]?.[0]).toBeTruthy();
  expect(await snapshot()).toEqual(before);
}

describe("recording a contribution received outside the site, as each role", () => {
  for (const role of matrixRoles) {
    const allowed = role === "moderator";
    it(`${role} ${allowed ? "may" : "may not"} record one for council A`, async () => {
      const data = input(cast.councilA.id);
      if (!allowed)
        return expectRefusedUnchanged(() => recordPaperContribution(db, cast.actors[role as MatrixRole], data, pdf()), refusalCode(role));
      const result = await recordPaperContribution(db, cast.actors[role], data, pdf());
      expect(result).toMatchObject({ ok: true });
      if (!result.ok) return;
      const [row] = await db.select().from(contributions).where(eq(contributions.id, result.data.id));
      expect(row).toMatchObject({
        status: "pending",
        authorId: null,
        submittedById: cast.userIds.moderator,
        councilId: cast.councilA.id,
        receivedVia: "paper",
        receivedOn: "2026-11-20",
        writtenAuthorName: "Jeanne Martin",
        body: data.body,
      });
      expect(row!.submittedAt).toBeInstanceOf(Date);
      const [scan] = await db.select().from(contributionScans).where(eq(contributionScans.contributionId, result.data.id));
      expect(scan).toMatchObject({ mediaType: "application/pdf", byteSize: PDF.byteLength });
      expect(Buffer.from(scan!.content).equals(Buffer.from(PDF))).toBe(true);
      // Journaled in the same transaction, without the text nor the name (the journal outlives them).
      const audit = await lastAudit(db);
      expect(audit).toMatchObject({
        action: "contribution.record_paper",
        actorUserId: cast.userIds.moderator,
        targetId: String(result.data.id),
        councilId: cast.councilA.id,
        details: { kind: "feedback", actionSlug: action.slug, receivedVia: "paper", receivedOn: "2026-11-20", scan: true },
      });
      expect(JSON.stringify(audit)).not.toContain("Jeanne Martin");
    });
  }

  it("a moderator who belongs to council A records for council B, not for A", async () => {
    const actor = cast.actors.moderatorOfA;
    await expectRefusedUnchanged(() => recordPaperContribution(db, actor, input(cast.councilA.id), null), "FORBIDDEN");
    expect(await recordPaperContribution(db, actor, input(cast.councilB.id), null)).toMatchObject({ ok: true });
  });
});

describe("what a recording checks", () => {
  const moderator = () => cast.actors.moderator;

  it("refuses a scan over 5 MB, a file that is not a PDF, PNG or JPEG by its bytes, a day in the future, an archived council", async () => {
    const big = new Blob([new Uint8Array(SCAN_MAX_BYTES + 1)]);
    await expectRefusedUnchanged(() => recordPaperContribution(db, moderator(), input(cast.councilA.id), big), "VALIDATION_FAILED", "scan");
    const html = new Blob(["<html><script>alert(1)</script></html>"], { type: "application/pdf" });
    await expectRefusedUnchanged(
      () => recordPaperContribution(db, moderator(), input(cast.councilA.id), html),
      "VALIDATION_FAILED",
      "scan",
    );
    await expectRefusedUnchanged(
      () =>
        recordPaperContribution(
          db,
          moderator(),
          input(cast.councilA.id, { receivedOn: "2026-11-21" }),
          null,
          new Date("2026-11-20T12:00:00Z"),
        ),
      "VALIDATION_FAILED",
      "receivedOn",
    );
    const archived = await createCouncil(db);
    await db.update(councils).set({ archivedAt: new Date() }).where(eq(councils.id, archived.id));
    await expectRefusedUnchanged(() => recordPaperContribution(db, moderator(), input(archived.id), null), "NOT_FOUND");
  });

  it("accepts a PNG and a JPEG by their bytes, and no scan at all", async () => {
    const png = new Blob([new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0])]);
    const jpeg = new Blob([new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0])], { type: "application/pdf" });
    for (const [blob, type] of [
      [png, "image/png"],
      [jpeg, "image/jpeg"],
    ] as const) {
      const result = await recordPaperContribution(db, moderator(), input(cast.councilA.id), blob);
      expect(result).toMatchObject({ ok: true });
      if (!result.ok) continue;
      const [scan] = await db.select().from(contributionScans).where(eq(contributionScans.contributionId, result.data.id));
      expect(scan?.mediaType).toBe(type);
    }
    const none = await recordPaperContribution(db, moderator(), input(cast.councilA.id, { writtenAuthorName: null }), null);
    expect(none).toMatchObject({ ok: true });
    if (none.ok) expect(await db.select().from(contributionScans).where(eq(contributionScans.contributionId, none.data.id))).toEqual([]);
  });

  it("the same form sent twice records one contribution", async () => {
    const data = input(cast.councilA.id);
    const first = await recordPaperContribution(db, moderator(), data, pdf());
    const second = await recordPaperContribution(db, moderator(), data, pdf());
    expect(first).toMatchObject({ ok: true });
    expect(second).toMatchObject({ ok: true, data: first.ok ? first.data : {} });
    expect(await db.select().from(contributions).where(eq(contributions.clientRequestId, data.clientRequestId))).toHaveLength(1);
  });

  it("through the form: the shared schema asks for the provenance and keeps the name as typed (no markup interpreted)", async () => {
    const values = {
      kind: "proposal",
      councilId: String(cast.councilA.id),
      actionSlug: action.slug,
      title: "<img src=x onerror=alert(1)>",
      body: "<script>alert('corps')</script> un texte assez long",
      receivedOn: "2026-11-02",
      writtenAuthorName: '"><svg onload=alert(1)>',
      clientRequestId: randomUUID(),
    };
    const run = (data: PaperContributionData) => recordPaperContribution(db, moderator(), data, null);
    const refused = await submitForm(db, moderator(), paperContributionSchema, values, run);
    expect(refused).toMatchObject({ ok: false, code: "VALIDATION_FAILED" });
    expect(refused.ok ? null : refused.fieldErrors?.receivedVia?.[0]).toContain("Indiquez comment");
    const result = await submitForm(db, moderator(), paperContributionSchema, { ...values, receivedVia: "meeting" }, run);
    expect(result).toMatchObject({ ok: true });
    if (!result.ok) return;
    const [row] = await db.select().from(contributions).where(eq(contributions.id, result.data.id));
    expect(row).toMatchObject({
      title: values.title,
      body: values.body,
      writtenAuthorName: values.writtenAuthorName,
      receivedVia: "meeting",
    });
  });
});

describe("the same moderation, then the public pages", () => {
  it("the recording moderator sees it in the queue with who recorded it, may approve it, and the fiche shows its provenance", async () => {
    const recorded = await recordPaperContribution(db, cast.actors.moderator, input(cast.councilB.id), pdf());
    expect(recorded).toMatchObject({ ok: true });
    if (!recorded.ok) return;
    const id = recorded.data.id;
    const queue = await listPendingQueue(db, cast.actors.moderator, { councilId: cast.councilB.id });
    expect(queue).toMatchObject({ ok: true });
    const item = queue.ok ? queue.data.items.find((i) => i.id === id) : undefined;
    expect(item).toMatchObject({ receivedVia: "paper", receivedOn: "2026-11-20", hasScan: true, authorName: "Jeanne Martin" });
    expect(item?.submittedBy).toBeTruthy();
    // Its council's members see it in their space too, with where it came from.
    const own = await getCouncilContribution(db, cast.actors.memberOfB, cast.councilB.slug, id);
    expect(own).toMatchObject({ ok: true, data: { item: { receivedVia: "paper", authorName: "Jeanne Martin" } } });

    expect(await approveContribution(db, cast.actors.moderator, { id })).toMatchObject({ ok: true, data: { status: "published" } });
    const page = await loadPublishedContributions(db, { actionId: action.id });
    expect(page.items.find((i) => i.id === id)).toMatchObject({
      receivedVia: "paper",
      receivedOn: "2026-11-20",
      authorName: "Jeanne Martin",
      councilName: expect.any(String),
    });
    // Nothing of the scan on a public read.
    expect(JSON.stringify(page)).not.toMatch(/scan|application\/pdf/i);
  });

  it("without a name as written, the council alone signs (no « ancien membre »)", async () => {
    const recorded = await recordPaperContribution(db, cast.actors.moderator, input(cast.councilB.id, { writtenAuthorName: null }), null);
    if (!recorded.ok) throw new Error(recorded.message);
    await approveContribution(db, cast.actors.moderator, { id: recorded.data.id });
    const page = await loadPublishedContributions(db, { actionId: action.id });
    expect(page.items.find((i) => i.id === recorded.data.id)).toMatchObject({ authorName: null, receivedVia: "paper" });
  });
});

describe("the scan, as each role", () => {
  let id: number;
  beforeAll(async () => {
    const recorded = await recordPaperContribution(db, cast.actors.moderator, input(cast.councilA.id), pdf());
    if (!recorded.ok) throw new Error(recorded.message);
    id = recorded.data.id;
  });
  for (const role of matrixRoles) {
    const allowed = role === "moderator" || role === "admin" || role === "moderatorOfA";
    it(`${role} ${allowed ? "may" : "may not"} read it`, async () => {
      const result = await loadScan(db, cast.actors[role], id);
      if (!allowed) return expect(result).toMatchObject({ ok: false, code: refusalCode(role) });
      expect(result).toMatchObject({ ok: true, data: { mediaType: "application/pdf" } });
      if (result.ok) expect(Buffer.from(result.data.content).equals(Buffer.from(PDF))).toBe(true);
    });
  }
  it("a contribution without a scan has none to read", async () => {
    const recorded = await recordPaperContribution(db, cast.actors.moderator, input(cast.councilA.id), null);
    if (!recorded.ok) throw new Error(recorded.message);
    expect(await loadScan(db, cast.actors.moderator, recorded.data.id)).toMatchObject({ ok: false, code: "NOT_FOUND" });
  });
});
