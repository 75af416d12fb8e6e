"use client";
// One key: what it is, what it may do and where, its usage (rendered on the server and passed in),
// and (owners and admins) the form to change it.
import { ArrowLeft } from "lucide-react";
import Link from "next/link";
import { useActionState, useRef } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { DisabledReason } from "@/components/ui/disabled-reason";
import { submitWithoutReset } from "@/components/ui/submit-without-reset";
import { FormError, TextAreaField, TextField, useFocusOnFailure } from "@/components/ui/field";
import { RelativeTime } from "@/components/ui/relative-time";
import type { ApiKeyListItem } from "@/db/queries/api-keys";
import type { ActionState } from "@/lib/actions/action-state";
import { updateApiKeyAction } from "@/lib/actions/update-api-key";
import { describeCreator, describeCredits, describeExpiry, describeRateLimit, describeRestrictions, hygieneBadges } from "@/lib/keys/describe";
import { maskKey } from "@/lib/keys/mask";
import type { Propagation } from "@/lib/keys/propagation";
import { receiptText } from "@/lib/keys/receipt";
import { KEY_RESOURCES } from "@/lib/keys/scopes";
import { refusalFor } from "@/lib/permissions";
import { routes } from "@/lib/routes";
import { LimitFields } from "./limit-fields";
import { PolicyFields } from "./policy-fields";

type Props = {
  apiKey: ApiKeyListItem;
  agents: { id: string; name: string }[];
  successor: { id: string; name: string } | null;
  canUpdate: boolean;
  usage: React.ReactNode;
};

export function ApiKeyDetail({ apiKey: key, agents, successor, canUpdate, usage }: Props) {
  const agentName = (id: string) => agents.find((agent) => agent.id === id)?.name ?? "Deleted agent";
  const expiry = describeExpiry(key);
  return (
    <div className="space-y-8">
      <header>
        <Link href={routes.apiKeys} className="inline-flex items-center gap-1 text-sm text-zinc-600 hover:text-zinc-900">
          <ArrowLeft className="size-4" aria-hidden />
          API Keys
        </Link>
        <h1 className="mt-2 text-2xl font-semibold break-words">{key.name}</h1>
        <p className="mt-1 font-mono text-sm text-zinc-700">{maskKey(key)}</p>
      </header>

      <section aria-labelledby="summary-heading" className="rounded-xl border border-zinc-200 bg-white p-6">
        <h2 id="summary-heading" className="font-semibold">
          Summary
        </h2>
        <dl className="mt-4 grid gap-x-6 gap-y-3 text-sm sm:grid-cols-2">
          <Fact label="Type">{key.type === "public" ? "Public: for web pages on its allowed origins" : "Private: for servers"}</Fact>
          <Fact label="Status">{key.status === "active" ? "Active" : "Disabled"}</Fact>
          <Fact label="Created">
            <RelativeTime date={key.createdAt} /> by {describeCreator(key)}
          </Fact>
          <Fact label="Last used">{key.lastUsedAt ? <RelativeTime date={key.lastUsedAt} /> : "Never"}</Fact>
          <Fact label="Expires">{expiry ? expiry.text : "Never"}</Fact>
          {successor ? (
            <Fact label="Replaced by">
              <Link href={routes.apiKey(successor.id)} className="underline underline-offset-4">
                {successor.name}
              </Link>
            </Fact>
          ) : null}
          <Fact label="In brief">{describeRestrictions(key)}</Fact>
          {hygieneBadges(key).length ? <Fact label="Attention">{hygieneBadges(key).join(", ")}</Fact> : null}
          <Fact label="Permissions">{KEY_RESOURCES.map((resource) => `${resource}: ${key.permissions[resource]}`).join(", ")}</Fact>
          <Fact label="Agents">{key.allowedAgents.length ? key.allowedAgents.map(agentName).join(", ") : "All agents"}</Fact>
          <Fact label="Transient agents">{key.allowTransientAgents ? "Allowed" : "Not allowed"}</Fact>
          {key.type === "public" ? <Fact label="Allowed origins">{key.allowedOrigins.join(", ")}</Fact> : null}
          {key.type === "private" ? <Fact label="Allowed IP addresses">{key.allowedIps.length ? key.allowedIps.join(", ") : "Any"}</Fact> : null}
          <Fact label="Rate limit">{describeRateLimit(key)}</Fact>
          <Fact label="Credits">{creditsFact(key)}</Fact>
        </dl>
      </section>

      {usage}

      <EditKeyForm apiKey={key} agents={agents} canUpdate={canUpdate} />
    </div>
  );
}

function creditsFact(key: ApiKeyListItem): string {
  const credits = describeCredits(key);
  if (credits) return credits.refill ? `${credits.text} (${credits.refill})` : credits.text;
  return key.rolledToId ? "Spends its successor's credits" : "Unlimited";
}

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="min-w-0">
      <dt className="text-zinc-500">{label}</dt>
      <dd className="mt-0.5 break-words text-zinc-900">{children}</dd>
    </div>
  );
}

function EditKeyForm({ apiKey: key, agents, canUpdate }: { apiKey: ApiKeyListItem; agents: { id: string; name: string }[]; canUpdate: boolean }) {
  const [state, action, pending] = useActionState(async (previous: ActionState<ApiKeyListItem & { propagation: Propagation }>, formData: FormData) => {
    const result = await updateApiKeyAction(previous, formData);
    if (result?.ok) toast.success(receiptText(`Saved: "${result.data.name}" applied`, result.data.propagation, "applies the change"));
    return result;
  }, null);
  const failed = state && !state.ok ? state : undefined;
  const form = useRef<HTMLFormElement>(null);
  useFocusOnFailure(form, failed);
  const reason = canUpdate ? null : refusalFor("keys:update");
  return (
    <section aria-labelledby="edit-heading" className="rounded-xl border border-zinc-200 bg-white p-6">
      <h2 id="edit-heading" className="font-semibold">
        Edit
      </h2>
      {reason ? <p className="mt-1 text-sm text-zinc-600">{reason}</p> : null}
      <form ref={form} onSubmit={submitWithoutReset(action)} className="mt-4 max-w-2xl space-y-4" noValidate>
        <input type="hidden" name="keyId" value={key.id} />
        <input type="hidden" name="type" value={key.type} />
        <FormError message={failed && !failed.fieldErrors ? failed.error : undefined} />
        <fieldset disabled={!canUpdate} className="space-y-4">
          <TextField label="Name" name="name" required maxLength={64} showCount defaultValue={failed?.values?.name ?? key.name} errors={failed?.fieldErrors?.name} />
          <TextAreaField
            label="Description"
            name="description"
            maxLength={500}
            showCount
            defaultValue={failed?.values?.description ?? key.description ?? ""}
            errors={failed?.fieldErrors?.description}
          />
          <PolicyFields chooseType={false} defaults={state?.ok ? state.data : key} agents={agents} errors={failed?.fieldErrors} values={failed?.values} />
          <LimitFields defaults={state?.ok ? state.data : key} errors={failed?.fieldErrors} values={failed?.values} />
        </fieldset>
        <DisabledReason reason={reason}>
          <Button type="submit" disabled={!canUpdate || pending}>
            {pending ? "Saving…" : "Save changes"}
          </Button>
        </DisabledReason>
      </form>
    </section>
  );
}
