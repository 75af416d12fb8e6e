// Outgoing mail through nodemailer, when SMTP_URL is set. Without it the product works fully:
// every link that would be mailed is shown to be copied instead, so sending is always optional
// and a failure to send never fails the change that wanted the mail.
import nodemailer, { type Transporter } from "nodemailer";
import { getEnv } from "@/lib/env";
import { logError } from "@/lib/server/error-log";

export type Mail = { to: string; subject: string; text: string };

const globalForMail = globalThis as unknown as { switchboardMailer?: { url: string; transporter: Transporter } };

function transporter(url: string): Transporter {
  if (globalForMail.switchboardMailer?.url !== url) {
    globalForMail.switchboardMailer = { url, transporter: nodemailer.createTransport(url) };
  }
  return globalForMail.switchboardMailer.transporter;
}

/** Whether mail can be sent at all (SMTP_URL is set). */
export function mailConfigured(): boolean {
  return !!getEnv().SMTP_URL;
}

/** Sends `mail`; false (and one log line) when there is no SMTP server or it refused. */
export async function sendMail(mail: Mail): Promise<boolean> {
  const { SMTP_URL, MAIL_FROM } = getEnv();
  if (!SMTP_URL) return false;
  try {
    await transporter(SMTP_URL).sendMail({ from: MAIL_FROM, ...mail });
    return true;
  } catch (error) {
    logError("mail", error, `could not send "${mail.subject}"`);
    return false;
  }
}
