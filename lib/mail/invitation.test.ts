// The invitation email through a real SMTP server running in this process (smtp-server), and
// the product without one.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setResolvedEnv } from "@/lib/env";
import { captureLogs } from "@/lib/log";
import { startSmtpServer } from "@/test/support/smtp";
import { sendInvitationEmail } from "./invitation";
import { mailConfigured } from "./mailer";

let smtp: Awaited<ReturnType<typeof startSmtpServer>>;

beforeAll(async () => {
  smtp = await startSmtpServer();
});

afterAll(async () => {
  delete process.env.SMTP_URL;
  delete process.env.MAIL_FROM;
  setResolvedEnv({});
  await smtp.close();
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
    process.env.SMTP_URL = smtp.url;
    process.env.MAIL_FROM = "Switchboard <invites@switchboard.example.com>";
    setResolvedEnv({});
    expect(await sendInvitationEmail(invitation)).toBe(true);
    const mail = smtp.received.at(-1)!;
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
