import type { ReactNode } from "react";
import { SettingsNav } from "@/components/settings/settings-nav";
import { UserMenu } from "@/components/settings/user-menu";
import { requireSessionContext } from "@/lib/auth/session";

export default async function SettingsLayout({ children }: { children: ReactNode }) {
  const { user, workspace, role } = await requireSessionContext();
  return (
    <div className="mx-auto flex min-h-screen max-w-7xl flex-col gap-8 px-4 py-8 md:flex-row md:px-8">
      <aside className="md:w-52 md:shrink-0 lg:w-60">
        <div className="mb-6">
          <p className="text-xs font-medium tracking-wide text-zinc-500 uppercase">Workspace</p>
          <p className="truncate font-semibold" title={workspace.name}>
            {workspace.name}
          </p>
        </div>
        <SettingsNav />
        <UserMenu name={user.name} email={user.email} role={role} />
      </aside>
      <main className="min-w-0 flex-1">{children}</main>
    </div>
  );
}
