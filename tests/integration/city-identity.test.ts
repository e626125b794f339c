import { asc } from "drizzle-orm";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database, Db } from "@/db/client";
import { auditLog, platformSettings } from "@/db/schema";
import { PlainText } from "@/components/ui/plain-text";
import { LOGO_ACTIVE_SVG, LOGO_NOT_AN_IMAGE } from "@/lib/logo-file";
import { can } from "@/lib/permissions";
import { cityIdentitySchema, cityLogoSchema, legalPagesSchema } from "@/lib/validation/settings";
import { buildMeetingsCalendar } from "@/server/calendars/build-meetings-calendar";
import { buildFeed } from "@/server/feeds/build-feed";
import { findFeedSubject } from "@/server/feeds/find-feed-subject";
import { removeCityLogo, replaceCityLogo } from "@/server/settings/city-logo";
import { getCityIdentity, getCityLogo, getLegalPagesSettings } from "@/server/settings/platform-settings";
import { updateCityIdentity, updateLegalPages } from "@/server/settings/update-city-identity";
import { createCast, matrixRoles, type Cast } from "../support/actors";
import { auditCount, lastAudit } from "../support/db-snapshot";
import { submitForm } from "../support/forms";
import { createTestDatabase, type TestDatabase } from "../support/test-database";
import { refusalCode } from "./contributions-helpers";

/*
 * The City's identity, its logo and the legal pages' texts (admins only), called directly as each
 * role: refused → nothing changes, no journal row; allowed → one journal row with the values before
 * and after. Then what another City sees: its name everywhere, Aurillac's nowhere.
 */
let testDb: TestDatabase;
let database: Database;
let db: Db;
let cast: Cast;
beforeAll(async () => {
  testDb = await createTestDatabase("identity");
  database = await testDb.openPrepared({ demo: false });
  db = database.db;
  cast = await createCast(db);
});
afterAll(() => testDb.drop());

const snapshot = async () => ({
  settings: await db.select().from(platformSettings),
  audit: await db.select().from(auditLog).orderBy(asc(auditLog.id)),
});

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 73, 72, 68, 82]);
const svg = (inside: string) => new TextEncoder().encode(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 4 4">${inside}</svg>`);

const XSS = [
  `<script>alert("x")</script>`,
  `<img src=x onerror=alert(1)>`,
  `[clic](javascript:alert(1))`,
  `javascript:alert(document.cookie)`,
  `"><svg onload=alert(1)>`,
  `https://a.example/"onmouseover="alert(1)`,
];

describe("the seed installs Aurillac's identity", () => {
  it("names the City, the service and the data controller", async () => {
    expect(await getCityIdentity(db)).toMatchObject({ cityName: "Ville d'Aurillac", serviceName: "Projet social communal", logoUrl: null });
  });
});

describe("the City's identity, as each role", () => {
  let step = 0;
  for (const role of matrixRoles) {
    const allowed = role === "admin";
    it(`${role} ${allowed ? "may" : "may not"} change it`, async () => {
      expect(can(cast.actors[role], "settings.identity.update")).toBe(allowed);
      step++;
      const input = {
        cityName: `Ville de Démoville ${step}`,
        serviceName: "Projet social communal",
        contactAddress: `Mairie, ${step} place de la République`,
      };
      if (!allowed) {
        const before = await snapshot();
        expect(await updateCityIdentity(db, cast.actors[role], input)).toMatchObject({ ok: false, code: refusalCode(role) });
        expect(await snapshot()).toEqual(before);
        return;
      }
      const previous = await getCityIdentity(db);
      const audits = await auditCount(db);
      expect(await updateCityIdentity(db, cast.actors[role], input)).toMatchObject({ ok: true, data: { ...input, changed: true } });
      expect(await getCityIdentity(db)).toMatchObject(input);
      expect(await auditCount(db)).toBe(audits + 1);
      expect(await lastAudit(db)).toMatchObject({
        actorUserId: cast.userIds.admin,
        action: "settings.identity.update",
        targetType: "platform_settings",
        details: {
          before: { cityName: previous.cityName, contactAddress: previous.contactAddress },
          after: { cityName: input.cityName, contactAddress: input.contactAddress },
        },
      });
      // The same values again: nothing to journal.
      expect(await updateCityIdentity(db, cast.actors[role], input)).toMatchObject({ ok: true, data: { changed: false } });
      expect(await auditCount(db)).toBe(audits + 1);
    });
  }

  it("checks the names with French messages and keeps nothing half-written", async () => {
    const before = await snapshot();
    const send = (values: Record<string, string>) =>
      submitForm(
        db,
        cast.actors.admin,
        cityIdentitySchema,
        { cityName: "Ville de Démoville", serviceName: "Projet", contactAddress: "", ...values },
        (input) => updateCityIdentity(db, cast.actors.admin, input),
      );
    const empty = await send({ cityName: "  " });
    expect(empty).toMatchObject({ ok: false, code: "VALIDATION_FAILED" });
    expect(!empty.ok && empty.fieldErrors?.cityName?.[0]).toMatch(/^Indiquez le nom de la Ville/);
    const long = await send({ serviceName: "x".repeat(121) });
    expect(!long.ok && long.fieldErrors?.serviceName?.[0]).toBe("Le nom du service ne peut pas dépasser 120 caractères.");
    const control = await send({ contactAddress: "a\u0000b" });
    expect(!control.ok && control.fieldErrors?.contactAddress?.[0]).toMatch(/caractères invalides/);
    expect(await snapshot()).toEqual(before);
  });
});

describe("the legal pages' texts, as each role", () => {
  let step = 0;
  for (const role of matrixRoles) {
    const allowed = role === "admin";
    it(`${role} ${allowed ? "may" : "may not"} change them`, async () => {
      expect(can(cast.actors[role], "settings.legal.update")).toBe(allowed);
      step++;
      const input = {
        legalNotice: `Éditeur : Ville de Démoville.\n\nHébergeur n°${step} : https://hebergeur.example`,
        accessibilityStatus: "partiellement_conforme" as const,
        accessibilityAuditDate: "2026-10-0" + (1 + (step % 9)),
        accessibilityDerogations: "",
        accessibilityContact: `accessibilite-${step}@demoville.example`,
      };
      if (!allowed) {
        const before = await snapshot();
        expect(await updateLegalPages(db, cast.actors[role], input)).toMatchObject({ ok: false, code: refusalCode(role) });
        expect(await snapshot()).toEqual(before);
        return;
      }
      const audits = await auditCount(db);
      expect(await updateLegalPages(db, cast.actors[role], input)).toMatchObject({ ok: true, data: { ...input, changed: true } });
      expect(await getLegalPagesSettings(db)).toEqual(input);
      expect(await auditCount(db)).toBe(audits + 1);
      expect(await lastAudit(db)).toMatchObject({
        action: "settings.legal.update",
        details: { after: { legalNotice: input.legalNotice, accessibilityStatus: "partiellement_conforme" } },
      });
    });
  }

  it("asks for the audit's date of a « conforme » status, with nothing written", async () => {
    const before = await snapshot();
    const result = await submitForm(
      db,
      cast.actors.admin,
      legalPagesSchema,
      {
        legalNotice: "",
        accessibilityStatus: "totalement_conforme",
        accessibilityAuditDate: "",
        accessibilityDerogations: "",
        accessibilityContact: "",
      },
      (input) => updateLegalPages(db, cast.actors.admin, input),
    );
    expect(!result.ok && result.fieldErrors?.accessibilityAuditDate?.[0]).toMatch(/indiquez sa date/);
    const unknown = await submitForm(
      db,
      cast.actors.admin,
      legalPagesSchema,
      {
        legalNotice: "",
        accessibilityStatus: "parfait",
        accessibilityAuditDate: "",
        accessibilityDerogations: "",
        accessibilityContact: "",
      },
      (input) => updateLegalPages(db, cast.actors.admin, input),
    );
    expect(!unknown.ok && unknown.fieldErrors?.accessibilityStatus?.[0]).toBe("Choisissez l'état de conformité.");
    expect(await snapshot()).toEqual(before);
  });
});

describe("the logo, as each role", () => {
  for (const role of matrixRoles) {
    const allowed = role === "admin";
    it(`${role} ${allowed ? "may" : "may not"} replace or remove it`, async () => {
      if (!allowed) {
        const before = await snapshot();
        expect(await replaceCityLogo(db, cast.actors[role], PNG)).toMatchObject({ ok: false, code: refusalCode(role) });
        expect(await removeCityLogo(db, cast.actors[role])).toMatchObject({ ok: false, code: refusalCode(role) });
        expect(await snapshot()).toEqual(before);
        return;
      }
      const audits = await auditCount(db);
      const set = await replaceCityLogo(db, cast.actors[role], PNG);
      expect(set).toMatchObject({ ok: true, data: { changed: true } });
      const url = set.ok ? set.data.logoUrl : "";
      expect(url).toMatch(/^\/identite\/logo-[0-9a-f]{20}\.png$/);
      expect((await getCityIdentity(db)).logoUrl).toBe(url);
      const stored = await getCityLogo(db);
      expect(stored && [...stored.bytes]).toEqual([...PNG]);
      expect(await lastAudit(db)).toMatchObject({
        action: "settings.logo.update",
        details: { before: { logoHash: null }, after: { type: "image/png", bytes: PNG.length } },
      });
      // The same file again: nothing written.
      expect(await replaceCityLogo(db, cast.actors[role], PNG)).toMatchObject({ ok: true, data: { changed: false } });
      // A new file is a new address.
      const next = await replaceCityLogo(db, cast.actors[role], svg(`<rect width="4" height="4" fill="#fff"/>`));
      expect(next.ok && next.data.logoUrl).toMatch(/^\/identite\/logo-[0-9a-f]{20}\.svg$/);
      expect(next.ok && next.data.logoUrl).not.toBe(url);
      expect(await removeCityLogo(db, cast.actors[role])).toMatchObject({ ok: true, data: { changed: true, logoUrl: null } });
      expect(await lastAudit(db)).toMatchObject({ action: "settings.logo.remove" });
      expect(await getCityLogo(db)).toBeNull();
      expect(await removeCityLogo(db, cast.actors[role])).toMatchObject({ ok: true, data: { changed: false } });
      expect(await auditCount(db)).toBe(audits + 3);
    });
  }

  it("refuses what is not a PNG or a script-free SVG, whatever the file's name, with nothing written", async () => {
    const before = await snapshot();
    const gif = new TextEncoder().encode("GIF89a");
    expect(await replaceCityLogo(db, cast.actors.admin, gif)).toMatchObject({
      ok: false,
      code: "VALIDATION_FAILED",
      fieldErrors: { logo: [LOGO_NOT_AN_IMAGE] },
    });
    for (const payload of [`<script>alert(1)</script>`, `<rect onload="alert(1)"/>`, `<a href="javascript:alert(1)"><rect/></a>`])
      expect(await replaceCityLogo(db, cast.actors.admin, svg(payload))).toMatchObject({
        ok: false,
        fieldErrors: { logo: [LOGO_ACTIVE_SVG] },
      });
    // Through the form: no file at all.
    const none = await submitForm(db, cast.actors.admin, cityLogoSchema, {}, async () => {
      throw new Error("not reached");
    });
    expect(!none.ok && none.fieldErrors?.logo?.[0]).toBe("Choisissez un fichier PNG ou SVG.");
    expect(await snapshot()).toEqual(before);
  });
});

describe("XSS payloads through every new text field", () => {
  it("are stored as typed and rendered as text, never as markup or a script link", async () => {
    for (const payload of XSS) {
      const identity = await updateCityIdentity(db, cast.actors.admin, {
        cityName: `Ville ${payload}`,
        serviceName: payload,
        contactAddress: payload,
      });
      expect(identity).toMatchObject({ ok: true });
      const legal = await updateLegalPages(db, cast.actors.admin, {
        legalNotice: payload,
        accessibilityStatus: "non_conforme",
        accessibilityAuditDate: null,
        accessibilityDerogations: payload,
        accessibilityContact: payload,
      });
      expect(legal).toMatchObject({ ok: true });
      const stored = await getLegalPagesSettings(db);
      expect(stored.legalNotice).toBe(payload);
      const html = renderToStaticMarkup(createElement(PlainText, { text: stored.legalNotice }));
      // Only the renderer's own elements, and no attribute but its own: a payload stays text.
      expect([...html.matchAll(/<\/?([a-z]+)/g)].map((m) => m[1]).every((tag) => ["div", "p", "br", "a"].includes(tag!))).toBe(true);
      expect(
        [...html.matchAll(/<[^>]*>/g)]
          .flatMap((tag) => [...tag[0].matchAll(/\s([a-z-]+)=/g)])
          .map((m) => m[1])
          .every((name) => name === "class" || name === "href"),
      ).toBe(true);
      expect(html).not.toMatch(/href="(?!https:)/);
    }
  });
});

describe("another City", () => {
  it("is named in the feeds and calendars, and Aurillac nowhere", async () => {
    expect(
      await updateCityIdentity(db, cast.actors.admin, {
        cityName: "Ville de Démoville",
        serviceName: "Projet social communal",
        contactAddress: "",
      }),
    ).toMatchObject({ ok: true });
    const subject = await findFeedSubject(db, { kind: "plan" });
    expect(subject).toMatchObject({
      cityName: "Ville de Démoville",
      title: "Projet social communal — Ville de Démoville : les nouveautés",
    });
    const feed = await buildFeed(db, { kind: "plan" }, "https://demoville.example");
    expect(feed).toContain("Ville de Démoville");
    const calendar = await buildMeetingsCalendar(db, "https://demoville.example");
    expect(calendar).toContain("Ville de Démoville");
    expect(calendar).not.toMatch(/Aurillac/);
  });
});
