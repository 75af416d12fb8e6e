// A real SMTP server in the test process (smtp-server), for every test that sends mail:
// what the app's nodemailer sends arrives here, decoded, for the test to read.
import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";

export type ReceivedMail = { from: string; to: string[]; raw: string };

export async function startSmtpServer() {
  const received: ReceivedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    onData(stream, session, callback) {
      let raw = "";
      stream.on("data", (chunk) => (raw += chunk));
      stream.on("end", () => {
        // The body arrives quoted-printable: undo its soft line breaks and escapes.
        const decoded = raw.replace(/=\r?\n/g, "").replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
        received.push({ from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "", to: session.envelope.rcptTo.map((r) => r.address), raw: decoded });
        callback();
      });
    },
  });
  // A client that drops its connection (ECONNRESET) is reported as an "error" event; unheard, it
  // would be an uncaught exception in the test process. The tests read what arrived, not this.
  server.on("error", () => {});
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `smtp://127.0.0.1:${(server.server.address() as AddressInfo).port}`,
    received,
    /** The mails to `to` that arrive within `timeoutMs` once `count` of them have. */
    async waitFor(to: string, count = 1, timeoutMs = 5_000) {
      const deadline = Date.now() + timeoutMs;
      const mine = () => received.filter((mail) => mail.to.includes(to));
      while (mine().length < count && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
      return mine();
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
