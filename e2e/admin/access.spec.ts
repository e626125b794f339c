import { expect, test } from "@playwright/test";
import { DEMO_PASSWORD, demo, signInAs } from "../support/auth";

const adminPaths = [
  "/admin",
  "/admin/utilisateurs",
  "/admin/utilisateurs/1",
  "/admin/conseils",
  "/admin/conseils/1",
  // The plan (issue 11): admins only, moderators and officials included out.
  "/admin/plan",
  "/admin/plan/fiches/nouvelle",
  "/admin/plan/fiches/1",
  "/admin/plan/thematiques/1",
  "/admin/plan/presentation",
  "/admin/plan/prochain",
];

for (const [label, email] of [
  ["un membre de conseil", demo.member1],
  ["un·e référent·e", demo.referent1],
  ["un·e modérateur·rice", demo.moderator],
  ["un·e élu·e", demo.official],
] as const) {
  test(`${label} reçoit la page introuvable (404) sur l'administration`, async ({ browser }) => {
    const context = await browser.newContext();
    await signInAs(context, email, DEMO_PASSWORD);
    const page = await context.newPage();
    for (const path of adminPaths) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(404);
      await expect(page.getByRole("heading", { level: 1, name: "Page introuvable" })).toBeVisible();
    }
    await context.close();
  });
}

test("un·e visiteur·se non connecté·e est envoyé·e vers la connexion, qui ramène à la page demandée", async ({ page }) => {
  await page.goto("/admin/utilisateurs");
  await expect(page).toHaveURL(/\/connexion\?callbackUrl=%2Fadmin%2Futilisateurs$/);
});
