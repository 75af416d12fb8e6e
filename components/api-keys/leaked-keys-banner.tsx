"use client";
// The API Keys page's banner for keys found in public (README "Leaked keys"): each one, where and
// when it was found and by whom, with a one-click Roll. A leaked key is already disabled, so the
// roll keeps no grace period: the old key is revoked and the new one revealed once.
import { ShieldAlert } from "lucide-react";
import { useTransition } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { DisabledReason } from "@/components/ui/disabled-reason";
import { RelativeTime } from "@/components/ui/relative-time";
import type { CreatedApiKey } from "@/db/queries/api-keys";
import type { LeakedKey } from "@/db/queries/leaked-keys";
import { rollApiKeyAction } from "@/lib/actions/roll-api-key";
import { receiptText } from "@/lib/keys/receipt";
import { refusalFor } from "@/lib/permissions";

const SOURCES: Record<string, string> = { github: "GitHub secret scanning", report: "a public report" };

export function LeakedKeysBanner({
  keys,
  more,
  canRoll,
  onRolled,
}: {
  keys: LeakedKey[];
  /** Leaked keys beyond those listed. */
  more: number;
  canRoll: boolean;
  /** The new key, for the reveal dialog. */
  onRolled: (created: CreatedApiKey) => void;
}) {
  const [pending, startRoll] = useTransition();
  if (keys.length === 0) return null;
  const total = keys.length + more;

  function roll(key: LeakedKey) {
    startRoll(async () => {
      const result = await rollApiKeyAction(null, { keyId: key.id, grace: "0" }).catch(() => null);
      if (result?.ok) {
        toast.success(receiptText(`Rolled "${key.name}"`, result.data.propagation, "applies the change"));
        onRolled(result.data);
      } else toast.error(`Could not roll "${key.name}": ${result && !result.ok ? result.error : "the server could not be reached. Try again."}`);
    });
  }

  return (
    <section aria-label={total === 1 ? "Leaked key" : "Leaked keys"} className="mt-6 rounded-xl border border-red-200 bg-red-50 p-4 text-sm text-red-950">
      <div className="flex gap-3">
        <ShieldAlert className="mt-0.5 size-5 shrink-0 text-red-700" aria-hidden />
        <div className="min-w-0 flex-1">
          <h2 className="font-semibold">
            {total === 1 ? "1 key was found in public and disabled: roll it" : `${total} keys were found in public and disabled: roll them`}
          </h2>
          <p className="mt-1 text-red-900">Rolling makes a new key with the same settings, shown once, and revokes the leaked one. Then remove the old key from where it was found.</p>
          <ul className="mt-3 space-y-2">
            {keys.map((key) => (
              <li key={key.id} className="flex flex-wrap items-center justify-between gap-x-4 gap-y-2 rounded-lg bg-white/70 px-3 py-2">
                <p className="min-w-0 flex-1">
                  <strong className="font-semibold">{key.name}</strong> leaked:{" "}
                  {key.leakedWhere ? (
                    <>
                      found at <Where where={key.leakedWhere} source={key.leakedSource} />
                    </>
                  ) : (
                    "found in public"
                  )}{" "}
                  by {SOURCES[key.leakedSource ?? ""] ?? "a report"}, {key.leakedAt ? <RelativeTime date={key.leakedAt} /> : null}.
                  {key.status === "active" ? <span className="font-medium"> Someone enabled it again: it works for whoever found it.</span> : null}
                </p>
                <DisabledReason reason={canRoll ? null : refusalFor("keys:update")}>
                  <Button size="sm" variant="danger" disabled={!canRoll || pending} onClick={() => roll(key)} aria-label={`Roll ${key.name}`}>
                    Roll
                  </Button>
                </DisabledReason>
              </li>
            ))}
          </ul>
          {more > 0 ? <p className="mt-2 text-red-900">and {more} more: filter the list by Disabled to find them.</p> : null}
        </div>
      </div>
    </section>
  );
}

/** A GitHub report's URL is GitHub's, signed: a link. What anyone else wrote stays text, never a link we vouch for. */
function Where({ where, source }: { where: string; source: string | null }) {
  if (source === "github" && where.startsWith("https://github.com/")) {
    return (
      <a href={where} rel="noreferrer noopener" target="_blank" className="break-all underline underline-offset-4">
        {where}
      </a>
    );
  }
  return <span className="break-all font-mono text-xs">{where}</span>;
}
