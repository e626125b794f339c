import { SMTPServer } from "smtp-server";

/*
 * The bench's app mails as production does (SMTP_URL): without a mail server, every approval's
 * notification digest failed for the same council members again (their claim given back), so each
 * write of the bench cost about eight queries and two error lines that a City's server — which has
 * its mail server — never pays. This one accepts every mail and keeps only the count.
 */
export interface MailSink {
  url: string;
  received(): number;
  close(): Promise<void>;
}

export async function startMailSink(): Promise<MailSink> {
  let received = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, _session, callback) {
      stream.resume();
      stream.on("end", () => {
        received++;
        callback();
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const address = server.server.address();
  if (!address || typeof address === "string") throw new Error("serveur SMTP du banc d'essai : adresse inconnue");
  return {
    url: `smtp://127.0.0.1:${address.port}`,
    received: () => received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
