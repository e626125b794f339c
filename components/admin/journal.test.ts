import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { Journal, type JournalEntry } from "./journal";

/*
 * How journal rows read (issue 14, point 5): rows written before it, with an e-mail in their
 * details, read as they always did; newer rows name people by id, resolved to names by the
 * server (`people`); a retention run reads as what it erased.
 */
const text = (entries: JournalEntry[]) =>
  renderToStaticMarkup(createElement(Journal, { entries, emptyText: "vide" }))
    .replace(/<[^>]+>/g, " ")
    .replace(/&#x27;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/\s+/g, " ");

const at = new Date("2026-11-30T10:00:00Z");

describe("the journal's rows, in words", () => {
  it("an older invitation row still shows the address it holds", () => {
    const shown = text([
      {
        action: "council.members.invite",
        actorName: "Ada",
        reason: null,
        createdAt: at,
        details: { email: "ancienne@exemple.invalid", role: "member" },
      },
    ]);
    expect(shown).toContain("Invitation à un conseil envoyée");
    expect(shown).toContain("Adresse électronique : « ancienne@exemple.invalid »");
  });

  it("a newer one names the invitation, shown with its address or its account", () => {
    const shown = text([
      {
        action: "council.members.invite",
        actorName: "Ada",
        reason: null,
        createdAt: at,
        details: { role: "member" },
        targetType: "invitation",
        targetId: "12",
        targetName: "Capucine",
      },
      {
        action: "invitation.revoke",
        actorName: "Ada",
        reason: null,
        createdAt: at,
        details: { kind: "council" },
        targetType: "invitation",
        targetId: "13",
      },
    ]);
    expect(shown).toContain("Invitation : Capucine");
    // Purged 30 days after it was spent: only its number is left.
    expect(shown).toContain("Invitation n° 13");
    expect(shown).not.toContain("@");
  });

  it("the officials in charge of a fiche, by name, from their ids", () => {
    const shown = text([
      {
        action: "action.officials.assign",
        actorName: "Ada",
        reason: null,
        createdAt: at,
        details: { fiche: "une-fiche", before: [3, 5], after: [5] },
        people: { 3: "Élise Élue", 5: "Personne supprimée n°5" },
      },
    ]);
    expect(shown).toContain("Élu·e·s chargé·e·s : Élise Élue, Personne supprimée n°5 → Personne supprimée n°5");
    expect(shown).not.toMatch(/\b0 : /);
  });

  it("a retention run: what it erased, by the system; and a run with nothing to erase", () => {
    const shown = text([
      {
        action: "retention.purge",
        actorName: null,
        reason: null,
        createdAt: at,
        details: {
          day: "2026-11-30",
          purged: {
            signInThrottles: 2,
            invitations: 1,
            passwordResetTokens: 0,
            readNotifications: 0,
            revokedSessions: 0,
            deactivatedAccounts: 1,
          },
          deactivatedAccountYears: 3,
        },
        targetType: "retention",
      },
      { action: "retention.purge", actorName: null, reason: null, createdAt: at, details: { purged: { invitations: 0 } } },
    ]);
    expect(shown).toContain("Durées de conservation appliquées");
    expect(shown).toContain("le système a appliqué les durées de conservation");
    expect(shown).toContain("Effacé : 2 tentatives de connexion manquées (comptes ou adresses IP), 1 invitation et 1 compte désactivé");
    expect(shown).toContain("Jour : 30 novembre 2026");
    expect(shown).toContain("Conservation des comptes désactivés (années) : « 3 »");
    expect(shown).toContain("Rien n'était à effacer.");
  });

  it("each row reads as a sentence: who did what to whom, and a moved deadline from what to what", () => {
    const shown = text([
      {
        action: "action.deadline.change",
        actorName: "Ada Martin",
        reason: "Travaux retardés",
        createdAt: at,
        details: { fiche: "accueil-de-jour", previousLabel: "jusqu'en 2018", newLabel: "juin 2027", newDeadline: "2027-06-30" },
      },
      {
        action: "user.deactivate",
        actorName: "Ada Martin",
        reason: "Départ",
        createdAt: at,
        details: {},
        targetType: "user",
        targetName: "Paul",
      },
      { action: "retention.purge", actorName: null, reason: null, createdAt: at, details: { purged: {} } },
      {
        action: "plan.action.create",
        actorName: "Ada Martin",
        reason: null,
        createdAt: at,
        details: { slug: "aide", title: "Aide aux aidants" },
      },
      { action: "future.action", actorName: "Ada Martin", reason: null, createdAt: at, details: {} },
    ]);
    expect(shown).toMatch(/Ada Martin a déplacé l'échéance de la fiche «\saccueil-de-jour\s» de «\sjusqu'en 2018\s» à «\sjuin 2027\s»\./);
    expect(shown).toMatch(/Ada Martin a désactivé le compte de «\sPaul\s»\./);
    expect(shown).toMatch(/, le système a appliqué les durées de conservation\./);
    expect(shown).toMatch(/Ada Martin a ajouté au plan la fiche «\sAide aux aidants\s»\./);
    // An action written by newer code keeps its name and « par … ».
    expect(shown).toMatch(/, par Ada Martin future\.action|future\.action .*, par Ada Martin/);
  });
});
