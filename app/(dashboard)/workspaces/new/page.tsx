import type { Metadata } from "next";
import Link from "next/link";
import { AuthFrame } from "@/components/auth/auth-frame";
import { CreateWorkspaceForm } from "@/components/workspaces/create-workspace-form";
import { getSessionContext, requireSessionUser } from "@/lib/auth/session";
import { routes } from "@/lib/routes";

export const metadata: Metadata = { title: "Create a workspace" };

// Reached from the workspace switcher, and by anyone signed in who belongs to no workspace
// (their last one removed them, or they signed up to accept an invitation they never accepted).
export default async function NewWorkspacePage() {
  const { user } = await requireSessionUser();
  const current = await getSessionContext();
  return (
    <AuthFrame>
      <h1 className="text-xl font-semibold">Create a workspace</h1>
      <p className="mt-1 text-sm text-zinc-600">
        {current
          ? "A workspace holds its own API keys, members and audit log. You will be its owner."
          : `You are signed in as ${user.email} but belong to no workspace yet. Create one, or open the invitation link a colleague sent you.`}
      </p>
      <CreateWorkspaceForm />
      {current ? (
        <p className="mt-4 text-center text-sm">
          <Link href={routes.apiKeys} className="font-medium text-zinc-900 underline underline-offset-4">
            Back to {current.workspace.name}
          </Link>
        </p>
      ) : null}
    </AuthFrame>
  );
}
