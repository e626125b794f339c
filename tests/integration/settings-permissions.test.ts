import { asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database, Db } from "@/db/client";
import { auditLog, councils, platformSettings } from "@/db/schema";
import { can } from "@/lib/permissions";
import { getCouncilSettings, updateSubmissionPolicy } from "@/server/councils/update-submission-policy";
import { getPlatformSettings, getPrivacySettings } from "@/server/settings/platform-settings";
import { platformSettingsSchema, privacySettingsSchema, submissionPolicySchema } from "@/lib/validation/settings";
import { updatePlatformSettings } from "@/server/settings/update-platform-settings";
import { updatePrivacySettings } from "@/server/settings/update-privacy-settings";
import { submitForm } from "../support/forms";
import { createCast, matrixRoles, type Cast, type MatrixRole } from "../support/actors";
import { auditCount, lastAudit } from "../support/db-snapshot";
import { createTestDatabase, onPostgres, type TestDatabase } from "../support/test-database";
import { refusalCode } from "./contributions-helpers";

/*
 * The platform settings and the personal-data settings (admins) and a council's submission policy (its referents and admins),
 * called directly as each of the 8 roles: refused → nothing changes, no journal row; allowed →
 * exactly one journal row with the values before and after.
 */
let testDb: TestDatabase;
let database: Database;
let db: Db;
let cast: Cast;
beforeAll(async () => {
  testDb = await createTestDatabase("settings");
  database = await testDb.openPrepared({ demo: false });
  db = database.db;
  cast = await createCast(db);
});
afterAll(() => testDb.drop());

const snapshot = async () => ({
  settings: await db.select().from(platformSettings),
  councils: await db.select().from(councils).orderBy(asc(councils.id)),
  audit: await db.select().from(auditLog).orderBy(asc(auditLog.id)),
});

describe("platform settings, as each role", () => {
  let step = 0;
  for (const role of matrixRoles) {
    const allowed = role === "admin";
    it(`${role} ${allowed ? "may" : "may not"} change them`, async () => {
      expect(can(cast.actors[role], "settings.update")).toBe(allowed);
      step++;
      const input = { reportThreshold: 3 + step, answerDueDays: 60 + step };
      if (!allowed) {
        const before = await snapshot();
        expect(await updatePlatformSettings(db, cast.actors[role], input)).toMatchObject({ ok: false, code: refusalCode(role) });
        expect(await snapshot()).toEqual(before);
        return;
      }
      const previous = await getPlatformSettings(db);
      const audits = await auditCount(db);
      const result = await updatePlatformSettings(db, cast.actors[role], input);
      expect(result).toMatchObject({ ok: true, data: { reportThreshold: 3 + step, answerDueDays: 60 + step, changed: true } });
      expect(await getPlatformSettings(db)).toEqual({ reportThreshold: 3 + step, answerDueDays: 60 + step });
      expect(await auditCount(db)).toBe(audits + 1);
      expect(await lastAudit(db)).toMatchObject({
        actorUserId: cast.userIds.admin,
        action: "settings.update",
        targetType: "platform_settings",
        details: { before: previous, after: { reportThreshold: 3 + step, answerDueDays: 60 + step } },
      });
      // The same values again: nothing to journal.
      expect(await updatePlatformSettings(db, cast.actors[role], input)).toMatchObject({ ok: true, data: { changed: false } });
      expect(await auditCount(db)).toBe(audits + 1);
    });
  }

  it("checks ranges and whole numbers with French messages next to each field, and changes nothing", async () => {
    const before = await snapshot();
    const cases: [string | undefined, string | undefined, RegExp | null, RegExp | null][] = [
      ["0", "60", /entre 1 et 100/, null],
      ["101", "60", /entre 1 et 100/, null],
      ["3", "0", null, /entre 1 et 365/],
      ["3", "366", null, /entre 1 et 365/],
      ["2,5", "abc", /en chiffres/, /en chiffres/],
      ["", " ", /Indiquez le nombre de signalements/, /Indiquez le délai/],
      [undefined, undefined, /Indiquez/, /Indiquez/],
    ];
    for (const [reportThreshold, answerDueDays, thresholdError, delayError] of cases) {
      const result = await submitForm(db, cast.actors.admin, platformSettingsSchema, { reportThreshold, answerDueDays }, (input) =>
        updatePlatformSettings(db, cast.actors.admin, input),
      );
      expect(result).toMatchObject({ ok: false, code: "VALIDATION_FAILED" });
      const errors = (result as { fieldErrors: Record<string, string[]> }).fieldErrors;
      if (thresholdError) expect(errors.reportThreshold?.[0]).toMatch(thresholdError);
      else expect(errors.reportThreshold).toBeUndefined();
      if (delayError) expect(errors.answerDueDays?.[0]).toMatch(delayError);
      else expect(errors.answerDueDays).toBeUndefined();
    }
    expect(await snapshot()).toEqual(before);
    // Bounds are allowed; spaces around digits too.
    const spaced = await submitForm(
      db,
      cast.actors.admin,
      platformSettingsSchema,
      { reportThreshold: " 1 ", answerDueDays: "365" },
      (input) => updatePlatformSettings(db, cast.actors.admin, input),
    );
    expect(spaced).toMatchObject({ ok: true, data: { reportThreshold: 1, answerDueDays: 365 } });
    expect(await updatePlatformSettings(db, cast.actors.admin, { reportThreshold: 100, answerDueDays: 1 })).toMatchObject({ ok: true });
  });
});

describe("personal-data settings (controller, DPO, how long a deactivated account is kept), as each role", () => {
  let step = 0;
  for (const role of matrixRoles) {
    const allowed = role === "admin";
    it(`${role} ${allowed ? "may" : "may not"} change them`, async () => {
      expect(can(cast.actors[role], "settings.privacy.update")).toBe(allowed);
      step++;
      const current = await getPrivacySettings(db);
      const input = {
        dataControllerName: current.dataControllerName,
        dataControllerAddress: `Hôtel de ville, bureau ${step}\n15000 Aurillac`,
        dpoContact: `dpo-${step}@aurillac.invalid`,
        privacyLegalBasis: current.privacyLegalBasis,
        privacyNotes: current.privacyNotes,
        deactivatedAccountYears: 1 + (step % 10),
      };
      if (!allowed) {
        const before = await snapshot();
        expect(await updatePrivacySettings(db, cast.actors[role], input)).toMatchObject({ ok: false, code: refusalCode(role) });
        expect(await snapshot()).toEqual(before);
        return;
      }
      const audits = await auditCount(db);
      expect(await updatePrivacySettings(db, cast.actors[role], input)).toMatchObject({ ok: true, data: { ...input, changed: true } });
      expect(await getPrivacySettings(db)).toEqual(input);
      expect(await auditCount(db)).toBe(audits + 1);
      // Only what changed, before and after (the name was already the default).
      expect(await lastAudit(db)).toMatchObject({
        actorUserId: cast.userIds.admin,
        action: "settings.privacy.update",
        targetType: "platform_settings",
        details: {
          before: {
            dataControllerAddress: current.dataControllerAddress,
            dpoContact: current.dpoContact,
            deactivatedAccountYears: current.deactivatedAccountYears,
          },
          after: {
            dataControllerAddress: input.dataControllerAddress,
            dpoContact: input.dpoContact,
            deactivatedAccountYears: input.deactivatedAccountYears,
          },
        },
      });
      expect(Object.keys((await lastAudit(db))!.details.before as object).sort()).toEqual([
        "dataControllerAddress",
        "deactivatedAccountYears",
        "dpoContact",
      ]);
      // The other settings did not move; the same values again: nothing to journal.
      expect(await updatePrivacySettings(db, cast.actors[role], input)).toMatchObject({ ok: true, data: { changed: false } });
      expect(await auditCount(db)).toBe(audits + 1);
    });
  }

  it("checks every field with French messages next to it, keeps nothing half-written, and accepts the bounds", async () => {
    const valid = {
      dataControllerName: "Ville d'Aurillac",
      dataControllerAddress: "Hôtel de ville, 15000 Aurillac",
      dpoContact: "dpo@aurillac.invalid",
      privacyLegalBasis: "Mission d'intérêt public.",
      privacyNotes: "",
    };
    const send = (values: Record<string, string | undefined>) =>
      submitForm(db, cast.actors.admin, privacySettingsSchema, { ...valid, deactivatedAccountYears: "3", ...values }, (input) =>
        updatePrivacySettings(db, cast.actors.admin, input),
      );
    const before = await snapshot();
    const cases: [Record<string, string | undefined>, string, RegExp][] = [
      [{ deactivatedAccountYears: "0" }, "deactivatedAccountYears", /^Choisissez un nombre entre 1 et 10\.$/],
      [{ deactivatedAccountYears: "11" }, "deactivatedAccountYears", /^Choisissez un nombre entre 1 et 10\.$/],
      [{ deactivatedAccountYears: "trois" }, "deactivatedAccountYears", /en chiffres, sans virgule \(par exemple 3\)/],
      [
        { deactivatedAccountYears: "" },
        "deactivatedAccountYears",
        /^Indiquez la durée de conservation des comptes désactivés, en années\.$/,
      ],
      [{ dataControllerName: "  " }, "dataControllerName", /^Indiquez le responsable du traitement/],
      [{ dataControllerName: "V" }, "dataControllerName", /au moins 2 caractères/],
      [{ dataControllerAddress: "" }, "dataControllerAddress", /^Indiquez l'adresse postale du responsable du traitement\.$/],
      [{ dataControllerAddress: "x".repeat(501) }, "dataControllerAddress", /ne peut pas dépasser 500 caractères/],
      [{ dpoContact: undefined }, "dpoContact", /^Indiquez comment joindre le délégué/],
      [{ dpoContact: "dpo\u0000@aurillac.invalid" }, "dpoContact", /caractères invalides/],
    ];
    for (const [values, field, message] of cases) {
      const result = await send(values);
      expect(result, JSON.stringify(values)).toMatchObject({ ok: false, code: "VALIDATION_FAILED" });
      const errors = (result as { fieldErrors: Record<string, string[]> }).fieldErrors;
      expect(Object.keys(errors)).toEqual([field]);
      expect(errors[field]![0]).toMatch(message);
    }
    expect(await snapshot()).toEqual(before);
    expect(await send({ deactivatedAccountYears: " 1 " })).toMatchObject({ ok: true, data: { deactivatedAccountYears: 1 } });
    expect(await send({ deactivatedAccountYears: "10", dataControllerAddress: "Hôtel de ville\r\n15000 Aurillac" })).toMatchObject({
      ok: true,
      data: { deactivatedAccountYears: 10, dataControllerAddress: "Hôtel de ville\n15000 Aurillac" },
    });
  });
});

describe.runIf(onPostgres)("platform settings on PostgreSQL", () => {
  it("two admins saving at once: both journaled, one after the other, each with the true values before", async () => {
    await updatePlatformSettings(db, cast.actors.admin, { reportThreshold: 3, answerDueDays: 60 });
    const audits = await auditCount(db);
    const other = await testDb.open();
    try {
      const [a, b] = await Promise.all([
        updatePlatformSettings(db, cast.actors.admin, { reportThreshold: 10, answerDueDays: 60 }),
        updatePlatformSettings(other.db, cast.actors.admin, { reportThreshold: 20, answerDueDays: 60 }),
      ]);
      expect(a.ok && b.ok).toBe(true);
      const rows = await db.select().from(auditLog).orderBy(asc(auditLog.id));
      const added = rows.slice(audits);
      expect(added).toHaveLength(2);
      // The second one's « before » is the first one's « after ».
      expect((added[1]!.details.before as { reportThreshold: number }).reportThreshold).toBe(
        (added[0]!.details.after as { reportThreshold: number }).reportThreshold,
      );
    } finally {
      await other.close();
    }
  });
});

describe("a council's submission policy, as each role", () => {
  const allowedRoles: MatrixRole[] = ["referentOfA", "admin"];
  for (const role of matrixRoles) {
    const allowed = allowedRoles.includes(role);
    it(`${role} ${allowed ? "may" : "may not"} change council A's policy`, async () => {
      expect(can(cast.actors[role], "council.settings.update", { councilId: cast.councilA.id })).toBe(allowed);
      const [current] = await db.select({ policy: councils.submissionPolicy }).from(councils).where(eq(councils.id, cast.councilA.id));
      const next = current!.policy === "any_member" ? "referents_only" : "any_member";
      if (!allowed) {
        const before = await snapshot();
        expect(await getCouncilSettings(db, cast.actors[role], cast.councilA.slug)).toMatchObject({ ok: false, code: refusalCode(role) });
        expect(await updateSubmissionPolicy(db, cast.actors[role], { councilId: cast.councilA.id, policy: next })).toMatchObject({
          ok: false,
          code: refusalCode(role),
        });
        expect(await snapshot()).toEqual(before);
        return;
      }
      expect(await getCouncilSettings(db, cast.actors[role], cast.councilA.slug)).toMatchObject({
        ok: true,
        data: { submissionPolicy: current!.policy },
      });
      const audits = await auditCount(db);
      expect(await updateSubmissionPolicy(db, cast.actors[role], { councilId: cast.councilA.id, policy: next })).toMatchObject({
        ok: true,
        data: { policy: next, changed: true },
      });
      const [after] = await db.select({ policy: councils.submissionPolicy }).from(councils).where(eq(councils.id, cast.councilA.id));
      expect(after!.policy).toBe(next);
      expect(await auditCount(db)).toBe(audits + 1);
      expect(await lastAudit(db)).toMatchObject({
        actorUserId: cast.userIds[role as "admin"],
        action: "council.settings.update",
        targetType: "council",
        targetId: String(cast.councilA.id),
        councilId: cast.councilA.id,
        details: { before: { submissionPolicy: current!.policy }, after: { submissionPolicy: next } },
      });
      // Unchanged: no journal row.
      expect(await updateSubmissionPolicy(db, cast.actors[role], { councilId: cast.councilA.id, policy: next })).toMatchObject({
        ok: true,
        data: { changed: false },
      });
      expect(await auditCount(db)).toBe(audits + 1);
    });
  }

  it("the referent of A cannot change council B's, an unknown value is refused in French, an archived council is not found", async () => {
    const before = await snapshot();
    expect(
      await updateSubmissionPolicy(db, cast.actors.referentOfA, { councilId: cast.councilB.id, policy: "referents_only" }),
    ).toMatchObject({
      ok: false,
      code: "FORBIDDEN",
    });
    const admin = cast.actors.admin;
    const sendPolicy = (values: Record<string, string | undefined>) =>
      submitForm(db, admin, submissionPolicySchema, values, (input) => updateSubmissionPolicy(db, admin, input));
    expect(await sendPolicy({ councilId: String(cast.councilA.id), policy: "everyone" })).toMatchObject({
      ok: false,
      code: "VALIDATION_FAILED",
      fieldErrors: { policy: ["Choisissez qui peut soumettre une contribution à la modération."] },
    });
    expect(await sendPolicy({ councilId: "2147483648", policy: "referents_only" })).toMatchObject({
      fieldErrors: { councilId: ["Conseil invalide."] },
    });
    expect(await snapshot()).toEqual(before);
    await db.update(councils).set({ archivedAt: new Date() }).where(eq(councils.id, cast.councilB.id));
    expect(await updateSubmissionPolicy(db, cast.actors.admin, { councilId: cast.councilB.id, policy: "referents_only" })).toMatchObject({
      ok: false,
      code: "NOT_FOUND",
    });
    expect(await getCouncilSettings(db, cast.actors.admin, cast.councilB.slug)).toMatchObject({ ok: false, code: "NOT_FOUND" });
    await db.update(councils).set({ archivedAt: null }).where(eq(councils.id, cast.councilB.id));
  });
});
