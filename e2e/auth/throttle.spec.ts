import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import { attemptSignIn, forgedAddress, ownLoopbackAddress } from "./credentials-client";

/*
 * Sign-in throttling over real HTTP, through next-auth's credentials endpoint. Each test speaks
 * from loopback addresses of its own (credentials-client.ts), and uses addresses that have no
 * account: unknown emails are throttled exactly like known ones — that is the point. The same
 * lock on a real account, with its right password, is in own-account.spec.ts.
 */
const unknownEmail = () => `inconnu-${randomUUID().slice(0, 8)}@exemple.invalid`;

test("par compte : après 5 échecs, la 6e tentative est refusée, même depuis d'autres adresses avec un X-Forwarded-For forgé", async () => {
  const email = unknownEmail();
  for (let i = 1; i <= 5; i++) {
    const attempt = await attemptSignIn({
      email,
      password: `essai-${i}`,
      localAddress: ownLoopbackAddress(),
      forwardedFor: forgedAddress(),
    });
    expect(attempt.status).toBe(401);
    expect(attempt.error).toBe("INVALID_CREDENTIALS");
  }
  const sixth = await attemptSignIn({ email, password: "essai-6", localAddress: ownLoopbackAddress(), forwardedFor: forgedAddress() });
  expect(sixth.status).toBe(401);
  expect(sixth.error).toMatch(/^THROTTLED:\d+$/);
  expect(sixth.signedIn).toBe(false);
});

test("par adresse : 5 échecs sur 5 comptes depuis une adresse bloquent cette adresse, et changer de X-Forwarded-For n'y fait rien", async () => {
  const address = ownLoopbackAddress();
  for (let i = 1; i <= 5; i++) {
    const attempt = await attemptSignIn({ email: unknownEmail(), password: "faux", localAddress: address, forwardedFor: forgedAddress() });
    expect(attempt.error).toBe("INVALID_CREDENTIALS");
  }
  // A 6th account never tried before, a new forged X-Forwarded-For: the address is still blocked.
  const next = await attemptSignIn({ email: unknownEmail(), password: "faux", localAddress: address, forwardedFor: forgedAddress() });
  expect(next.error).toMatch(/^THROTTLED:\d+$/);

  // From another address (another person), the same kind of attempt is answered normally.
  const elsewhere = await attemptSignIn({ email: unknownEmail(), password: "faux", localAddress: ownLoopbackAddress() });
  expect(elsewhere.error).toBe("INVALID_CREDENTIALS");
});

test("le message d'attente s'affiche en français dans le formulaire", async ({ page }) => {
  // The browser speaks from 127.0.0.1, shared by every test: block an unknown account, not the address.
  const email = unknownEmail();
  await page.goto("/connexion");
  await page.getByLabel("Adresse électronique").fill(email);
  await page.getByLabel("Mot de passe", { exact: true }).fill("faux");
  // 5 failures start a 1 s wait; one more once it is over starts a 2 s wait: time enough to click.
  for (let i = 0; i < 5; i++) await attemptSignIn({ email, password: "faux", localAddress: ownLoopbackAddress() });
  await page.waitForTimeout(1100);
  expect((await attemptSignIn({ email, password: "faux", localAddress: ownLoopbackAddress() })).error).toBe("INVALID_CREDENTIALS");
  await page.getByRole("button", { name: "Se connecter" }).click();
  await expect(page.getByRole("main").locator("form").getByRole("alert")).toHaveText(
    /^Trop de tentatives\. Réessayez dans [12] secondes?\. Si votre compte reste bloqué .*« Mot de passe oublié \? » : cela lève l'attente\.$/,
  );
  // …and the link it names is right there.
  await expect(page.getByRole("link", { name: "Mot de passe oublié ?" })).toHaveAttribute("href", "/mot-de-passe-oublie");
  await expect(page.getByLabel("Adresse électronique")).toHaveValue(email);
});
