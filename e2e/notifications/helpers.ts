import { expect } from "@playwright/test";
import { baseURL, sinkHttpUrl, testHooksToken } from "../../playwright.config";
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
