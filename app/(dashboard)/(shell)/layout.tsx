import type { ReactNode } from "react";
import { OnboardingNavProgress, onboardingProgress } from "@/components/onboarding/nav-progress";
import { MainNav } from "@/components/settings/main-nav";
import { ThemeSwitcher } from "@/components/settings/theme-switcher";
import { UserMenu } from "@/components/settings/user-menu";
import { WorkspaceSwitcher } from "@/components/settings/workspace-switcher";
import { getDb } from "@/db/client";
import { findOnboardingState } from "@/db/queries/onboarding";
import { listUserWorkspaces } from "@/db/queries/session";
import { requireSessionContext } from "@/lib/auth/session";
import { can } from "@/lib/permissions";
import { getTheme } from "@/lib/theme-cookie";

export default async function DashboardLayout({ children }: { children: ReactNode }) {
  const { user, workspace, role } = await requireSessionContext();
  const [workspaces, onboarding] = await Promise.all([
    listUserWorkspaces(getDb(), user.id),
    findOnboardingState(getDb(), workspace.id, user.id),
  ]);
  const stepsDone = onboardingProgress(onboarding);
  return (
    <div className="mx-auto flex min-h-screen max-w-7xl flex-col gap-8 px-4 py-8 md:flex-row md:px-8">
      <aside className="md:w-56 md:shrink-0 lg:w-60">
        {stepsDone === null ? null : <OnboardingNavProgress done={stepsDone} />}
        <MainNav canReadAudit={can(role, "audit:read")} switcher={<WorkspaceSwitcher current={workspace} workspaces={workspaces} />} />
        <UserMenu name={user.name} email={user.email} role={role} />
        <ThemeSwitcher initial={await getTheme()} />
      </aside>
      <main className="min-w-0 flex-1">{children}</main>
    </div>
  );
}
