import type { Metadata } from "next";
import { GeneralView } from "@/components/general/general-view";
import { getDb } from "@/db/client";
import { findWorkspaceSettings } from "@/db/queries/workspaces";
import { requireSessionContext } from "@/lib/auth/session";
import { can } from "@/lib/permissions";

export const metadata: Metadata = { title: "General" };

export default async function GeneralPage() {
  const { workspace, role } = await requireSessionContext();
  const settings = await findWorkspaceSettings(getDb(), workspace.id);
  return <GeneralView workspace={workspace} role={role} canRename={can(role, "workspace:update")} unusedKeyDays={settings.disableUnusedKeysAfterDays} requireTwoFactor={settings.requireTwoFactor} />;
}
