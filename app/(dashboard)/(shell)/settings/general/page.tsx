import type { Metadata } from "next";
import { GeneralView } from "@/components/general/general-view";
import { requireSessionContext } from "@/lib/auth/session";
import { can } from "@/lib/permissions";

export const metadata: Metadata = { title: "General" };

export default async function GeneralPage() {
  const { workspace, role } = await requireSessionContext();
  return <GeneralView workspace={workspace} role={role} canRename={can(role, "workspace:update")} />;
}
