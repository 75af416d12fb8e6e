// The invitation email: who invites you, to which workspace, with which role, and the link.
import type { Role } from "@/db/schema";
import { sendMail } from "./mailer";

export function sendInvitationEmail(input: { to: string; workspaceName: string; inviterEmail: string; role: Role; link: string; expiresAt: Date }) {
  const expires = input.expiresAt.toLocaleDateString("en", { dateStyle: "long" });
  return sendMail({
    to: input.to,
    subject: `${input.inviterEmail} invited you to ${input.workspaceName} on Switchboard`,
    text:
      `${input.inviterEmail} invited you to join the workspace "${input.workspaceName}" on Switchboard as ${article(input.role)} ${input.role}.\n\n` +
      `Accept the invitation:\n${input.link}\n\n` +
      `The link works once and expires on ${expires}. Sign in or sign up with this email address (${input.to}) to accept it.\n` +
      `If you did not expect this, you can ignore this email.\n`,
  });
}

const article = (role: Role) => (role === "owner" || role === "admin" ? "an" : "a");
