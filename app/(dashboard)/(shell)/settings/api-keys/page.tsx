import type { Metadata } from "next";
import { ApiKeysView } from "@/components/api-keys/api-keys-view";
import { getDb } from "@/db/client";
import { listAgentNames } from "@/db/queries/agents";
import { listApiKeys } from "@/db/queries/api-keys";
import { requireSessionContext } from "@/lib/auth/session";
import { can } from "@/lib/permissions";

export const metadata: Metadata = { title: "API Keys" };

export default async function ApiKeysPage() {
  const { workspace, role } = await requireSessionContext();
  const [keys, agents] = await Promise.all([listApiKeys(getDb(), workspace.id), listAgentNames(getDb(), workspace.id)]);
  return (
    <ApiKeysView
      keys={keys}
      agents={agents}
      permissions={{
        create: can(role, "keys:create"),
        update: can(role, "keys:update"),
        toggle: can(role, "keys:toggle"),
        revoke: can(role, "keys:revoke"),
      }}
    />
  );
}
