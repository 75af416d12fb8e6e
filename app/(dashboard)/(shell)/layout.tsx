import type { ReactNode } from "react";
import { MainNav } from "@/components/settings/main-nav";
import { ThemeSwitcher } from "@/components/settings/theme-switcher";
import { UserMenu } from "@/components/settings/user-menu";
import { WorkspaceSwitcher } from "@/components/settings/workspace-switcher";
import { getDb } from "@/db/client";
import { listUserWorkspaces } from "@/db/queries/session";
import { requireSessionContext } from "@/lib/auth/session";
import { can } from "@/lib/permissions";
import { getTheme } from "@/lib/theme-cookie";

export default async function DashboardLayout({ children }: { children: ReactNode }) {
  const { user, workspace, role } = await requireSessionContext();
  const workspaces = await listUserWorkspaces(getDb(), user.id);
  return (
    <div className="mx-auto flex min-h-screen max-w-7xl flex-col gap-8 px-4 py-8 md:flex-row md:px-8">
      <aside className="md:w-56 md:shrink-0 lg:w-60">
        <MainNav canReadAudit={can(role, "audit:read")} switcher={<WorkspaceSwitcher current={workspace} workspaces={workspaces} />} />
        <UserMenu name={user.name} email={user.email} role={role} />
        <ThemeSwitcher initial={await getTheme()} />
      </aside>
      <main className="min-w-0 flex-1">{children}</main>
    </div>
  );
}
