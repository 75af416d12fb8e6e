import type { Metadata } from "next";
import { ApiKeysView } from "@/components/api-keys/api-keys-view";
import { getDb } from "@/db/client";
import { listApiKeys } from "@/db/queries/api-keys";
import { requireSessionContext } from "@/lib/auth/session";
import { can } from "@/lib/permissions";

export const metadata: Metadata = { title: "API Keys" };

export default async function ApiKeysPage() {
  const { workspace, role } = await requireSessionContext();
  const keys = await listApiKeys(getDb(), workspace.id);
  return (
    <ApiKeysView
      keys={keys}
      permissions={{
        create: can(role, "keys:create"),
        toggle: can(role, "keys:toggle"),
        revoke: can(role, "keys:revoke"),
      }}
    />
  );
}
