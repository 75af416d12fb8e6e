// The email to a workspace's owners and admins when one of its keys was found in public and
// disabled (README "Leaked keys"). The link is built on APP_URL only, never on the address a
// report came to: anyone may send a report, and its Host header must not choose where we send
// people to roll a key.
import { getEnv } from "@/lib/env";
import { sendMail } from "./mailer";

export const LEAK_SOURCE_NAMES = { github: "GitHub secret scanning", report: "a public report" } as const;

export async function sendLeakedKeyEmails(input: {
  to: string[];
  workspaceName: string;
  keyName: string;
  where: string | null;
  source: keyof typeof LEAK_SOURCE_NAMES;
  leakedAt: Date;
}): Promise<number> {
  const appUrl = getEnv().APP_URL;
  const page = appUrl ? new URL("/settings/api-keys", appUrl).toString() : "Settings → API Keys in Switchboard";
  const when = input.leakedAt.toLocaleString("en", { dateStyle: "long", timeStyle: "short", timeZone: "UTC" });
  const text =
    `The API key "${input.keyName}" of the workspace "${input.workspaceName}" was found in public, so Switchboard disabled it: ` +
    `requests with it are refused on every server.\n\n` +
    // Anyone may send a report, and `where` with it: quoted as the reporter's words, never as a link of ours.
    `Where, as the reporter put it (unverified): "${input.where ?? "not given"}"\nReported by: ${LEAK_SOURCE_NAMES[input.source]}, ${when} UTC\n\n` +
    `Roll the key (one click on the banner of the API Keys page), deploy the new key, and remove the old one from where it was found:\n${page}\n\n` +
    `Anyone who copied the key can no longer use it. Check the key's usage on its page for requests you do not recognize.\n`;
  const sent = await Promise.all(
    input.to.map((to) => sendMail({ to, subject: `Your API key "${input.keyName}" was found in public and disabled`, text })),
  );
  return sent.filter(Boolean).length;
}
