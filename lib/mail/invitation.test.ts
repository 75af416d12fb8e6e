// The invitation email through a real SMTP server running in this process (smtp-server), and
// the product without one.
import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setResolvedEnv } from "@/lib/env";
import { captureLogs } from "@/lib/log";
import { sendInvitationEmail } from "./invitation";
import { mailConfigured } from "./mailer";

type Received = { from: string; to: string[]; raw: string };
const received: Received[] = [];
let server: SMTPServer;

beforeAll(async () => {
  server = new SMTPServer({
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
  // A dropped client connection is an "error" event; unheard, an uncaught exception.
  server.on("error", () => {});
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
});

afterAll(async () => {
  delete process.env.SMTP_URL;
  delete process.env.MAIL_FROM;
  setResolvedEnv({});
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

const invitation = {
  to: "ana@example.com",
  workspaceName: "Vaani Voice Lab",
  inviterEmail: "owner@example.com",
  role: "admin" as const,
  link: "https://switchboard.example.com/invite/abc123",
  expiresAt: new Date("2026-11-30T12:00:00Z"),
};

describe("invitation email", () => {
  it("is not sent, and says so, without SMTP_URL", async () => {
    delete process.env.SMTP_URL;
    setResolvedEnv({});
    expect(mailConfigured()).toBe(false);
    expect(await sendInvitationEmail(invitation)).toBe(false);
  });

  it("reaches a real SMTP server with the link, the workspace and the role", async () => {
    process.env.SMTP_URL = `smtp://127.0.0.1:${(server.server.address() as AddressInfo).port}`;
    process.env.MAIL_FROM = "Switchboard <invites@switchboard.example.com>";
    setResolvedEnv({});
    expect(await sendInvitationEmail(invitation)).toBe(true);
    const mail = received.at(-1)!;
    expect(mail.from).toBe("invites@switchboard.example.com");
    expect(mail.to).toEqual(["ana@example.com"]);
    expect(mail.raw).toMatch(/Subject: owner@example.com invited you to Vaani Voice Lab on Switchboard/);
    expect(mail.raw).toContain("https://switchboard.example.com/invite/abc123");
    expect(mail.raw).toContain("as an admin");
    expect(mail.raw).toContain("November 30, 2026");
  });

  it("returns false, with one log line, when the server refuses", async () => {
    process.env.SMTP_URL = "smtp://127.0.0.1:1";
    setResolvedEnv({});
    const logs = captureLogs();
    try {
      expect(await sendInvitationEmail(invitation)).toBe(false);
    } finally {
      logs.restore();
    }
    expect(logs.entries()).toMatchObject([{ level: "error", scope: "mail" }]);
  });
});
