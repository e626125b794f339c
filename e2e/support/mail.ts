import { expect } from "@playwright/test";
import { sinkHttpUrl } from "../../playwright.config";

export interface ReceivedMail {
  to: string[];
  subject: string;
  text: string;
}

/** Waits for the newest mail sent to `address` (received over real SMTP by the test sink). */
export async function waitForMail(address: string, matching: RegExp | ((mail: ReceivedMail) => boolean) = /.*/): Promise<ReceivedMail> {
  const matches = typeof matching === "function" ? matching : (mail: ReceivedMail) => matching.test(mail.subject);
  let found: ReceivedMail | undefined;
  await expect
    .poll(
      async () => {
        const response = await fetch(`${sinkHttpUrl}/messages?to=${encodeURIComponent(address)}`);
        const list = (await response.json()) as ReceivedMail[];
        found = list.filter(matches).at(-1);
        return Boolean(found);
      },
      { timeout: 15_000, message: `courriel pour ${address}` },
    )
    .toBe(true);
  return found!;
}

/** The first link to this site found in a mail's text. */
export function linkIn(mail: ReceivedMail, pathPrefix: string): string {
  const match = mail.text.match(new RegExp(`https?://[^\\s]+${pathPrefix.replace(/\//g, "\\/")}[^\\s]*`));
  if (!match) throw new Error(`aucun lien ${pathPrefix} dans le courriel « ${mail.subject} »`);
  return match[0];
}
