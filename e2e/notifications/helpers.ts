import { expect, type Browser } from "@playwright/test";
import { baseURL, sinkHttpUrl, testHooksToken } from "../../playwright.config";
import { adminContext, createCouncilThroughAdmin } from "../admin/helpers";
import { newMemberOf } from "../council/helpers";
import type { ReceivedMail } from "../support/mail";

export type NotificationKind =
  | "contribution_approved"
  | "contribution_rejected"
  | "contribution_hidden"
  | "contribution_answered"
  | "contribution_supported"
  | "moderation_waiting"
  | "moderation_reported";

/**
 * Writes a notification for `email` through the test seam (app/api/test-hooks/notifications: the
 * real writer, then requestDigests as every writer does after its commit).
 */
export async function notifyByHook(
  email: string,
  message: string,
  link = "/fiches/pilotage-projet-social",
  kind: NotificationKind = "contribution_approved",
) {
  const response = await fetch(`${baseURL}/api/test-hooks/notifications`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-test-hooks-token": testHooksToken },
    body: JSON.stringify({ email, kind, message, link }),
  });
  expect(response.status, await response.clone().text()).toBe(201);
}

/** A word no other run or test uses, to find this test's notifications and mails. */
export const tag = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

/**
 * A new member of a council of their own, made for this test. A member of a shared council also
 * gets that council's news from the tests running meanwhile (an avis of the council approved):
 * seen in a run, the first digest of a new member of council 1 was another test's approval, and a
 * test that counts mails or notifications cannot allow that.
 */
export async function newMemberOfOwnCouncil(browser: Browser, label: string) {
  const admin = await adminContext(browser);
  const page = await admin.newPage();
  await createCouncilThroughAdmin(page, `Conseil ${label} ${tag()}`);
  const space = await page.getByRole("link", { name: "Voir les membres dans l'espace du conseil" }).getAttribute("href");
  const slug = /^\/espace\/conseils\/([^/?#]+)$/.exec(space ?? "")?.[1];
  expect(slug, `lien vers l'espace du conseil : ${space}`).toBeTruthy();
  await admin.close();
  return newMemberOf(browser, slug!, label);
}

/** Every mail the SMTP sink received for `address` so far. */
export async function mailsTo(address: string): Promise<ReceivedMail[]> {
  const response = await fetch(`${sinkHttpUrl}/messages?to=${encodeURIComponent(address)}`);
  return (await response.json()) as ReceivedMail[];
}

/**
 * A digest mail: its subject is its first news, so it is told apart from other mails (invitation,
 * reset) by its text, which always ends with the link to the notification preferences.
 */
export const isDigest = (mail: ReceivedMail) => /\/espace\/notifications\/preferences$/m.test(mail.text);
