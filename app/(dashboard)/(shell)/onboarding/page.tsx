import type { Metadata } from "next";
import { OnboardingChecklist } from "@/components/onboarding/checklist";
import { getDb } from "@/db/client";
import { findOnboardingState } from "@/db/queries/onboarding";
import { appOrigin } from "@/lib/actions/app-origin";
import { requireSessionContext } from "@/lib/auth/session";
import { can, refusalFor } from "@/lib/permissions";

export const metadata: Metadata = { title: "Get started" };

// Every role sees the checklist; the steps a role may not take are shown read-only, with who can.
export default async function OnboardingPage() {
  const { user, workspace, role } = await requireSessionContext();
  const state = await findOnboardingState(getDb(), workspace.id, user.id);
  return (
    <OnboardingChecklist
      origin={await appOrigin()}
      agent={state.agent}
      hasKey={state.hasKey}
      firstRequestAt={state.firstRequestAt?.toISOString() ?? null}
      dismissed={state.dismissedAt !== null}
      refusals={{
        createAgent: can(role, "agents:write") ? null : refusalFor("agents:write"),
        createKey: can(role, "keys:create") ? null : refusalFor("keys:create"),
      }}
    />
  );
}
