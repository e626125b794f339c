import { describe, expect, it } from "vitest";
import { invalidReason } from "./get-invitation";
import { invitationMail, type IssuedInvitation } from "./issue";

const base: IssuedInvitation = {
  id: 1,
  token: "jeton-de-test-0123456789abcdefghijklmnopq",
  email: "marie@exemple.invalid",
  kind: "council",
  expiresAt: new Date("2026-12-03T17:30:00Z"),
  councilName: "Conseil de quartier n°1",
  councilRole: "member",
  grants: { moderator: false, official: false, admin: false },
  inviterName: "René Référent",
  hasAccount: false,
};

const demoville = { cityName: "Ville de Démoville", serviceName: "Projet social communal" };

describe("the invitation mail", () => {
  it("says who invites, to what, with the absolute link and its end date, in French", () => {
    const mail = invitationMail(base, demoville);
    expect(mail.to).toBe("marie@exemple.invalid");
    expect(mail.subject).toBe("Invitation au Conseil de quartier n°1 — Projet social communal — Ville de Démoville");
    expect(mail.text).toContain("René Référent vous invite à rejoindre le «\u00a0Conseil de quartier n°1\u00a0» comme membre");
    expect(mail.text).toMatch(/^https?:\/\/[^\s]+\/invitation\/jeton-de-test-0123456789abcdefghijklmnopq$/m);
    expect(mail.text).toContain("valable 7 jours, jusqu'au jeudi 3 décembre 2026 à 18 h 30");
    expect(mail.text).toContain("votre mot de passe (au moins 12 caractères)");
    expect(mail.text).toContain("sur le site « Projet social communal — Ville de Démoville ».");
    expect(mail.text).toContain("— Ville de Démoville, projet social communal");
    expect(mail.text).not.toContain("Aurillac");
  });

  it("tells someone who already has an account to sign in and accept", () => {
    const mail = invitationMail({ ...base, hasAccount: true }, demoville);
    expect(mail.text).toContain("Vous avez déjà un compte sur ce site avec cette adresse électronique.");
    expect(mail.text).toContain("connectez-vous avec ce compte, puis appuyez sur « Accepter l'invitation »");
  });

  it("names the staff roles of a staff invitation", () => {
    const mail = invitationMail(
      {
        ...base,
        kind: "staff",
        councilName: null,
        councilRole: null,
        grants: { moderator: true, official: true, admin: false },
      },
      demoville,
    );
    expect(mail.subject).toBe("Invitation à l'équipe — Projet social communal — Ville de Démoville");
    expect(mail.text).toContain("à rejoindre l'équipe de la Ville comme modérateur·rice et élu·e");
  });
});

describe("when an invitation stops working", () => {
  const now = new Date("2026-11-26T12:00:00Z");
  const row = { acceptedAt: null, revokedAt: null, expiresAt: new Date("2026-12-03T12:00:00Z") };
  it("used, revoked (or its council archived), expired — or still valid", () => {
    expect(invalidReason(row, false, now)).toBeNull();
    expect(invalidReason({ ...row, acceptedAt: now }, false, now)).toBe("used");
    expect(invalidReason({ ...row, revokedAt: now }, false, now)).toBe("revoked");
    expect(invalidReason(row, true, now)).toBe("revoked");
    expect(invalidReason(row, false, new Date("2026-12-03T12:00:00Z"))).toBe("expired");
  });
});
