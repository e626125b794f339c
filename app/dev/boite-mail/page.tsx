import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Fragment } from "react";
import { Container } from "@/components/ui/container";
import { PageHeading } from "@/components/ui/page-heading";
import { TextLink } from "@/components/ui/text-link";
import { formatDateTime } from "@/lib/dates";
import { env } from "@/lib/env";
import { devMailbox } from "@/server/mail/send";

export const metadata: Metadata = { title: "Boîte aux lettres de développement", robots: { index: false } };
// The mailbox lives in this process's memory and changes at every mail: never cached.
export const dynamic = "force-dynamic";

/** Links in a plain-text mail become clickable; everything else stays text (no HTML from mails). */
function Linkified({ text }: { text: string }) {
  const parts = text.split(/(https?:\/\/[^\s<>"]+)/g);
  return (
    <>
      {parts.map((part, i) =>
        i % 2 === 1 ? (
          <TextLink key={i} href={part} className="break-all">
            {part}
          </TextLink>
        ) : (
          <Fragment key={i}>{part}</Fragment>
        ),
      )}
    </>
  );
}

/*
 * Development only: with no SMTP server configured, mails are printed to the console and kept
 * here (server/mail/send.ts), so invitations and reset links can be followed on a laptop.
 * In production this page does not exist.
 */
export default function DevMailboxPage() {
  const e = env();
  if (e.NODE_ENV === "production") notFound();
  const mails = devMailbox();
  return (
    <Container>
      <PageHeading
        kicker="Développement seulement"
        title="Boîte aux lettres de développement"
        lead="Les courriels que l'application aurait envoyés, du plus récent au plus ancien (50 au plus, perdus au redémarrage)."
      />
      {e.SMTP_URL ? (
        <p className="mb-6 rounded-md border-l-4 border-blue-800 bg-blue-50 p-4">
          Un serveur SMTP est configuré (SMTP_URL) : les courriels partent par lui et n&apos;apparaissent pas ici.
        </p>
      ) : null}
      {mails.length === 0 ? (
        <p>Aucun courriel pour l&apos;instant.</p>
      ) : (
        <ol className="flex flex-col gap-6">
          {mails.map((mail) => (
            <li key={mail.id}>
              <article aria-labelledby={`courriel-${mail.id}`} className="rounded-md border-2 border-slate-300 p-4">
                <h2 id={`courriel-${mail.id}`} className="text-xl font-bold text-slate-900">
                  {mail.subject}
                </h2>
                <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-3 text-base text-slate-800">
                  <dt className="font-semibold">À</dt>
                  <dd className="break-all">{mail.to}</dd>
                  <dt className="font-semibold">Envoyé</dt>
                  <dd>{formatDateTime(mail.sentAt)}</dd>
                </dl>
                <pre className="mt-4 font-sans text-base whitespace-pre-wrap text-slate-900">
                  <Linkified text={mail.text} />
                </pre>
              </article>
            </li>
          ))}
        </ol>
      )}
    </Container>
  );
}
