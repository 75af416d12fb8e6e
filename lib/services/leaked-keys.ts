// A key found in public (README "Leaked keys"), reported by GitHub's secret scanning or through
// the public report: a live private key is disabled at once and flagged with when, where and by
// whom it was found, in one transaction with its `api_key.leaked` event (by the system) and the
// NOTIFY that evicts it from every server's cache; after commit this process forgets it, and the
// workspace's owners and admins are emailed (when SMTP is configured). Public keys are made to
// sit in web pages: finding one is no leak, and changes nothing.
import { and, eq, isNull, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { leakRecipients } from "@/db/queries/leaked-keys";
import { apiKeys, workspaces } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record";
import { getKeyCache } from "@/lib/keys/cache";
import { parseKey } from "@/lib/keys/format";
import { hashKey } from "@/lib/keys/hash";
import { LEAK_SOURCE_NAMES, sendLeakedKeyEmails } from "@/lib/mail/leaked-key";
import { mailConfigured } from "@/lib/mail/mailer";
import { logError } from "@/lib/server/error-log";
import { notifyKeyChanged } from "./api-keys";

export type LeakSource = keyof typeof LEAK_SOURCE_NAMES;

export type LeakReport = {
  /** The text reported as a key: anything, since anyone may report. Never stored. */
  token: string;
  /** Where it was found: a URL or what the reporter wrote (cleaned before it is stored). */
  where: string | null;
  source: LeakSource;
  /** GitHub's own word for where in a repository it was found ("content", "commit", …). */
  detail?: string | null;
};

export type LeakOutcome = {
  /** SHA-256 (hex) of the token as reported: the answer GitHub expects, and our key's hash. */
  tokenHash: string;
  /** true_positive: a live private key of ours (now disabled); false_positive: anything else. */
  label: "true_positive" | "false_positive";
  /** The NOTIFY's id when this report disabled or flagged the key, for the receipt; else null. */
  changeId: string | null;
  /** The email to owners and admins, once sent (resolves at once when there is none). */
  mailed: Promise<number>;
};

const NOTHING_MAILED = Promise.resolve(0);

export async function reportLeakedKey(report: LeakReport): Promise<LeakOutcome> {
  const tokenHash = hashKey(report.token);
  const falsePositive: LeakOutcome = { tokenHash, label: "false_positive", changeId: null, mailed: NOTHING_MAILED };
  // Format and checksum first: a token that is no private key of ours costs no query.
  const parsed = parseKey(report.token);
  if (!parsed.ok || parsed.type !== "private") return falsePositive;
  const where = cleanWhere(report.where);
  const result = await getDb().transaction(async (tx) => {
    const [key] = await tx
      .select({ id: apiKeys.id, workspaceId: apiKeys.workspaceId, workspaceName: workspaces.name, name: apiKeys.name, status: apiKeys.status, leakedAt: apiKeys.leakedAt })
      .from(apiKeys)
      .innerJoin(workspaces, eq(workspaces.id, apiKeys.workspaceId))
      .where(and(eq(apiKeys.hash, tokenHash), isNull(apiKeys.revokedAt)))
      .for("update", { of: apiKeys });
    if (!key) return null;
    // Reported again while still disabled for it: nothing changes, nothing is recorded twice.
    if (key.leakedAt && key.status === "disabled") return { key, changeId: null, leakedAt: key.leakedAt };
    const [updated] = await tx
      .update(apiKeys)
      .set({ status: "disabled", leakedAt: sql`now()`, leakedWhere: where, leakedSource: report.source, updatedAt: sql`now()` })
      .where(eq(apiKeys.id, key.id))
      .returning({ leakedAt: apiKeys.leakedAt });
    await recordAudit(tx, {
      workspaceId: key.workspaceId,
      actor: { type: "system", name: actorName(report.source) },
      action: "api_key.leaked",
      target: { type: "api_key", id: key.id, label: key.name },
      metadata: { where, source: report.source, ...(report.detail ? { githubSource: report.detail } : {}), before: { status: key.status }, after: { status: "disabled" } },
    });
    const changeId = await notifyKeyChanged(tx, tokenHash);
    return { key, changeId, leakedAt: updated!.leakedAt! };
  });
  if (!result) return falsePositive;
  if (!result.changeId) return { tokenHash, label: "true_positive", changeId: null, mailed: NOTHING_MAILED };
  getKeyCache().invalidate(tokenHash);
  const { key } = result;
  // Sent after the answer's work is done and never awaited by it: a slow mail server must not
  // hold up GitHub's request, and a failure to send is logged, never the report's failure.
  const mailed = mailConfigured()
    ? leakRecipients(getDb(), key.workspaceId)
        .then((to) => sendLeakedKeyEmails({ to, workspaceName: key.workspaceName, keyName: key.name, where, source: report.source, leakedAt: result.leakedAt }))
        .catch((error: unknown) => {
          logError("mail", error, "could not email a leaked key's owners");
          return 0;
        })
    : NOTHING_MAILED;
  return { tokenHash, label: "true_positive", changeId: result.changeId, mailed };
}

export const actorName = (source: LeakSource) => (source === "github" ? "GitHub secret scanning" : "Public leak report");

const MAX_WHERE = 2048;
// Anything shaped like a key, even a piece of one: a reporter may paste the key itself.
const KEY_MATERIAL = /swb_[sp]k_[0-9A-Za-z]*/g;
const CONTROL = /[\u0000-\u001f\u007f]/g;

/** Where a key was found, as kept and shown: no key material, no control characters, bounded. */
export function cleanWhere(where: string | null | undefined): string | null {
  const cleaned = where
    ?.replace(KEY_MATERIAL, (match) => `${match.slice(0, 7)}[redacted]`)
    .replace(CONTROL, " ")
    .trim()
    .slice(0, MAX_WHERE);
  return cleaned ? cleaned : null;
}
