import "server-only";
import { env } from "@/lib/env";

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
}

export interface DevMail extends OutgoingMail {
  id: number;
  sentAt: Date;
}

/*
 * Mail goes over SMTP (SMTP_URL) with nodemailer. With no SMTP_URL outside production, mails are
 * printed to the console and kept in memory for the development mailbox page (/dev/boite-mail).
 * In production without SMTP_URL, sending fails loudly rather than losing an invitation.
 */
const store = globalThis as unknown as { __pscDevMailbox?: DevMail[]; __pscMailer?: Promise<import("nodemailer").Transporter> };

export function devMailbox(): DevMail[] {
  return store.__pscDevMailbox ?? [];
}

export async function sendMail(mail: OutgoingMail): Promise<void> {
  const e = env();
  if (e.SMTP_URL) {
    store.__pscMailer ??= import("nodemailer").then((nodemailer) => nodemailer.createTransport(e.SMTP_URL));
    const transport = await store.__pscMailer;
    await transport.sendMail({ from: e.MAIL_FROM, to: mail.to, subject: mail.subject, text: mail.text });
    return;
  }
  if (e.NODE_ENV === "production") {
    throw new Error("SMTP_URL n'est pas configuré : impossible d'envoyer le courriel.");
  }
  const box = (store.__pscDevMailbox ??= []);
  box.unshift({ ...mail, id: (box[0]?.id ?? 0) + 1, sentAt: new Date() });
  box.length = Math.min(box.length, 50);
  console.log(`\n[courriel de développement] À : ${mail.to}\nObjet : ${mail.subject}\n\n${mail.text}\n`);
}
