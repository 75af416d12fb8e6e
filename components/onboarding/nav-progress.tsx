// The "Get started" checklist's progress at the top of the dashboard's navigation, until the
// checklist is complete or this person dismissed it. Rendered on the server: no JavaScript.
import { Rocket } from "lucide-react";
import Link from "next/link";
import type { OnboardingState } from "@/db/queries/onboarding";
import { routes } from "@/lib/routes";

export function onboardingProgress(state: OnboardingState): number | null {
  if (state.dismissedAt || state.firstRequestAt) return null;
  return [state.agent !== null, state.hasKey, false].filter(Boolean).length;
}

export function OnboardingNavProgress({ done }: { done: number }) {
  return (
    <Link
      href={routes.onboarding}
      className="mb-6 block rounded-md border border-zinc-200 bg-white px-3 py-2 text-sm hover:bg-zinc-50 focus-visible:outline-2 focus-visible:outline-zinc-900"
    >
      <span className="flex items-center gap-2 font-medium text-zinc-900">
        <Rocket className="size-4" aria-hidden />
        Get started
        <span className="ml-auto text-xs font-normal text-zinc-600">{done} of 3 done</span>
      </span>
      <span className="mt-2 block h-1.5 overflow-hidden rounded-full bg-zinc-200" aria-hidden>
        <span className="block h-full rounded-full bg-emerald-600" style={{ width: `${(done / 3) * 100}%` }} />
      </span>
    </Link>
  );
}
