import { devMailbox, type DevMail } from "@/server/mail/send";

/*
 * Integration tests run with no SMTP_URL outside production: mails land in the in-memory
 * development mailbox, and tests read them there (the e2e tests use a real SMTP server).
 */
export function mailsTo(email: string): DevMail[] {
  return devMailbox().filter((m) => m.to === email);
}

export function tokenFromMail(mail: DevMail | undefined): string {
  const match = mail?.text.match(/\/invitation\/([A-Za-z0-9_-]+)/);
  if (!match) throw new Error(`aucun lien d'invitation dans « ${mail?.subject ?? "(pas de courriel)"} »`);
  return match[1]!;
}
