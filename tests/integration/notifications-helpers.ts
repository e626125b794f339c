import type { AddressInfo } from "node:net";
import { simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";
import type { Db } from "@/db/client";
import { notifyUsers, type NotificationDraft } from "@/server/notifications/notify";

export interface ReceivedMail {
  to: string[];
  subject: string;
  text: string;
}

export interface SmtpSink {
  url: string;
  messages: ReceivedMail[];
  /** Recipients this returns true for are refused (the sending fails, as with a broken server). */
  refuse: (address: string) => boolean;
  to(address: string): ReceivedMail[];
  close(): Promise<void>;
}

/**
 * A real SMTP server on a free local port, for the digest tests: the app sends over SMTP with
 * nodemailer (server/mail/send.ts), exactly as in production; tests read what arrived.
 */
export async function startSmtpSink(): Promise<SmtpSink> {
  const messages: ReceivedMail[] = [];
  const sink: Partial<SmtpSink> = { messages, refuse: () => false };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onRcptTo(address, _session, callback) {
      if (sink.refuse!(address.address.toLowerCase())) return callback(new Error("Boîte indisponible (test)"));
      callback();
    },
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((mail) => {
          messages.push({
            to: session.envelope.rcptTo.map((r) => r.address.toLowerCase()),
            subject: mail.subject ?? "",
            text: mail.text ?? "",
          });
          callback();
        })
        .catch(callback);
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.server.address() as AddressInfo;
  return Object.assign(sink, {
    url: `smtp://127.0.0.1:${port}`,
    to: (address: string) => messages.filter((m) => m.to.includes(address.toLowerCase())),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }) as SmtpSink;
}

/** Writes one notification for a person, with the real writer, in its own transaction. */
export async function notify(db: Db, userId: number, draft: Partial<NotificationDraft> = {}): Promise<void> {
  await db.transaction((tx) =>
    notifyUsers(tx, [userId], {
      kind: "contribution_approved",
      message: `Votre avis est publié (${Math.random().toString(36).slice(2, 8)}).`,
      link: "/fiches/une-fiche",
      ...draft,
    }),
  );
}
