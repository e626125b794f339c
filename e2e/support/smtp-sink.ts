/*
 * A real SMTP server for the browser tests (started by playwright.config.ts as a web server):
 * the app sends its mail here over SMTP, and tests read what arrived over HTTP:
 *   GET http://127.0.0.1:$SINK_HTTP_PORT/messages?to=address  →  [{ to, subject, text, receivedAt }]
 */
import http from "node:http";
import { simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";

const smtpPort = Number(process.env.SINK_SMTP_PORT ?? 2525);
const httpPort = Number(process.env.SINK_HTTP_PORT ?? 2526);

interface Received {
  to: string[];
  subject: string;
  text: string;
  receivedAt: string;
}
const messages: Received[] = [];

const smtp = new SMTPServer({
  authOptional: true,
  disabledCommands: ["STARTTLS"],
  logger: false,
  onData(stream, session, callback) {
    simpleParser(stream)
      .then((mail) => {
        messages.push({
          to: session.envelope.rcptTo.map((r) => r.address.toLowerCase()),
          subject: mail.subject ?? "",
          text: mail.text ?? "",
          receivedAt: new Date().toISOString(),
        });
        callback();
      })
      .catch(callback);
  },
});
smtp.listen(smtpPort, "127.0.0.1");

http
  .createServer((req, res) => {
    const url = new URL(req.url ?? "/", `http://127.0.0.1:${httpPort}`);
    if (url.pathname !== "/messages") {
      res.writeHead(url.pathname === "/" ? 200 : 404).end("smtp sink");
      return;
    }
    const to = url.searchParams.get("to")?.toLowerCase();
    const list = to ? messages.filter((m) => m.to.includes(to)) : messages;
    res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(list));
  })
  .listen(httpPort, "127.0.0.1");

console.log(`smtp sink: SMTP on ${smtpPort}, HTTP on ${httpPort}`);
