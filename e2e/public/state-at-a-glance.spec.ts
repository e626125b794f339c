import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import { testHooksToken } from "../../playwright.config";
import { actionSeeds } from "../support/public-paths";

/*
 * Reading the plan's state at a glance (issue 12, point 4): a roll-up says how many fiches it
 * stands on and draws no bar when fewer than half have a figure; a fiche past its deadline says
 * « Échéance dépassée », which does not contradict its status.
 */

test("the plan's and each theme's progress say their coverage; a bar only from half of the fiches", async ({ page }) => {
  // One fiche with a figure, so that the plan's roll-up stands on a few fiches out of 14.
  const response = await page.request.post("/api/test-hooks/progress-reports", {
    headers: { "x-test-hooks-token": testHooksToken },
    form: {
      actionSlug: "restructurer-quartiers-sud",
      clientRequestId: randomUUID(),
      title: `Point d'étape ${Date.now()}`,
      body: "Les travaux avancent.",
      reportedOn: "2026-10-15",
      status: "in_progress",
      progress: "30",
    },
  });
  expect(response.status(), await response.text()).toBe(201);
  await page.goto("/plan");
  const plan = page.getByRole("region", { name: "Où en est le plan ?" }).locator("[data-rollup]").first();
  await expect(plan).toContainText(/\d fiches? sur 1\d renseignées?\) : trop peu/);
  await expect(plan.locator("[data-progress-bar]")).toHaveCount(0);
  const rollups = page.getByRole("region", { name: "Où en est le plan ?" }).locator("[data-rollup]");
  const count = await rollups.count();
  expect(count).toBeGreaterThan(1);
  for (let i = 0; i < count; i++) {
    const rollup = rollups.nth(i);
    const text = (await rollup.innerText()).replace(/\s+/g, " ");
    if (text.startsWith("Avancement non renseigné")) {
      await expect(rollup.locator("[data-progress-bar]"), text).toHaveCount(0);
      continue;
    }
    const coverage = text.match(/(\d+) fiches? sur (\d+) renseignées?|les (\d+) fiches renseignées|la fiche renseignée/);
    expect(coverage, text).not.toBeNull();
    const [, measured, total] = coverage!;
    const representative = measured === undefined || 2 * Number(measured) >= Number(total);
    await expect(rollup.locator("[data-progress-bar]"), text).toHaveCount(representative ? 1 : 0);
    if (!representative) expect(text).toContain("trop peu de fiches renseignées pour en faire l'état d'ensemble");
  }
});

test("a fiche past its deadline and not done says « Échéance dépassée » beside its status, never « En retard »", async ({ page }) => {
  const late = actionSeeds.find((a) => a.timeframeEndYear !== null && a.timeframeEndYear < 2026 && a.status === "in_progress")!;
  await page.goto(`/fiches/${late.slug}`);
  const main = page.getByRole("main");
  await expect(main.getByText("Échéance dépassée").first()).toBeVisible();
  await expect(main).not.toContainText("En retard");
});
