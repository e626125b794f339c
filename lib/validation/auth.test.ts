import { describe, expect, it } from "vitest";
import {
  formatWait,
  passwordResetRequestSchema,
  passwordResetSchema,
  resetTokenSchema,
  signInErrorMessage,
  signInSchema,
  THROTTLED_WAY_OUT,
} from "./auth";
import { acceptInvitationFormSchema } from "./council";

describe("sign-in error messages", () => {
  it("gives one message for a wrong password and an unknown email", () => {
    expect(signInErrorMessage("INVALID_CREDENTIALS")).toBe("Adresse électronique ou mot de passe incorrect.");
    expect(signInErrorMessage("CredentialsSignin")).toBe("Adresse électronique ou mot de passe incorrect.");
  });

  it("tells how long to wait, in seconds then in minutes", () => {
    expect(signInErrorMessage("THROTTLED:1")).toBe(`Trop de tentatives. Réessayez dans 1 seconde. ${THROTTLED_WAY_OUT}`);
    expect(signInErrorMessage("THROTTLED:4")).toBe(`Trop de tentatives. Réessayez dans 4 secondes. ${THROTTLED_WAY_OUT}`);
    expect(signInErrorMessage("THROTTLED:64")).toBe(`Trop de tentatives. Réessayez dans 64 secondes. ${THROTTLED_WAY_OUT}`);
    expect(signInErrorMessage("THROTTLED:128")).toBe(`Trop de tentatives. Réessayez dans 3 minutes. ${THROTTLED_WAY_OUT}`);
    expect(signInErrorMessage("THROTTLED:900")).toBe(`Trop de tentatives. Réessayez dans 15 minutes. ${THROTTLED_WAY_OUT}`);
  });

  it("tells a blocked owner that a password reset lifts the wait", () => {
    expect(signInErrorMessage("THROTTLED:900")).toContain("« Mot de passe oublié ? »");
    expect(THROTTLED_WAY_OUT).toMatch(/nouveau mot de passe .* lève l'attente/);
  });

  it("never shows a raw code", () => {
    for (const code of [undefined, null, "", "Configuration", "THROTTLED:", "THROTTLED:abc", "<script>"]) {
      expect(signInErrorMessage(code)).toBe("La connexion n'a pas abouti. Réessayez dans un instant.");
    }
  });

  it("rounds waits up", () => {
    expect(formatWait(0)).toBe("1 seconde");
    expect(formatWait(1.2)).toBe("2 secondes");
    expect(formatWait(119)).toBe("119 secondes");
    expect(formatWait(121)).toBe("3 minutes");
  });
});

describe("schemas", () => {
  it("normalises the email and needs a password", () => {
    expect(signInSchema.parse({ email: "  Marie@Exemple.FR ", password: "x" })).toEqual({ email: "marie@exemple.fr", password: "x" });
    const result = signInSchema.safeParse({ email: "pas-une-adresse", password: "" });
    expect(result.success).toBe(false);
    const messages = result.error!.issues.map((i) => i.message);
    expect(messages).toContain("Indiquez votre mot de passe.");
    expect(messages.some((m) => m.startsWith("Adresse électronique invalide"))).toBe(true);
  });

  it("reset request takes only an email", () => {
    expect(passwordResetRequestSchema.safeParse({ email: "" }).success).toBe(false);
    expect(passwordResetRequestSchema.parse({ email: "a@b.fr" })).toEqual({ email: "a@b.fr" });
  });

  it("accepts only token-shaped strings", () => {
    expect(resetTokenSchema.safeParse("a".repeat(43)).success).toBe(true);
    expect(resetTokenSchema.safeParse("Abc_-09".repeat(6)).success).toBe(true);
    for (const bad of ["", "court", "a/b".repeat(10), "a".repeat(101), "é".repeat(43)]) {
      expect(resetTokenSchema.safeParse(bad).success).toBe(false);
    }
  });
});

describe("the new-password forms (reset, invitation)", () => {
  const password = "une phrase de passe bien longue";

  it("reads the link's token from its hidden field, and never refuses it there (the server says the link is dead)", () => {
    expect(passwordResetSchema.parse({ token: "Abc_-09".repeat(6), password, confirmation: password })).toEqual({
      token: "Abc_-09".repeat(6),
      password,
      confirmation: password,
    });
    for (const token of [undefined, ["a", "b"], "x".repeat(201)]) {
      expect(passwordResetSchema.parse({ token, password, confirmation: password }).token).toBe("");
    }
  });

  it("puts « not the same » on the second field, in French", () => {
    const result = passwordResetSchema.safeParse({ token: "t", password, confirmation: "autre chose" });
    expect(result.success).toBe(false);
    expect(result.error!.issues).toEqual([
      expect.objectContaining({ path: ["confirmation"], message: "Les deux mots de passe ne sont pas identiques." }),
    ]);
    const missing = passwordResetSchema.safeParse({ token: "t", password });
    expect(missing.error!.issues.map((i) => i.message)).toContain("Tapez le mot de passe une seconde fois.");
  });

  it("an invitation form posted before the page's JavaScript ran goes on to the sign-in page", () => {
    const base = { token: "t", displayName: " Nadia ", password, confirmation: password };
    expect(acceptInvitationFormSchema.parse(base)).toMatchObject({ displayName: "Nadia", signIn: "page" });
    expect(acceptInvitationFormSchema.parse({ ...base, signIn: "browser" }).signIn).toBe("browser");
    expect(acceptInvitationFormSchema.parse({ ...base, signIn: "ailleurs" }).signIn).toBe("page");
  });
});
