// The one way pages and actions learn who is signed in, in which workspace, with which role.
// Roles are read from the database on every request, never from the token, so a changed role
// or a removed membership takes effect on the person's next request, on every server.
import "server-only";
import { redirect } from "next/navigation";
import { cache } from "react";
import { getDb } from "@/db/client";
import { DatabaseUnreachableError } from "@/db/errors";
import { findActiveMembership, findSessionUser, type SessionContext, type SessionUser } from "@/db/queries/session";
import { isSecondFactorMissing } from "@/db/queries/two-factor";
import { routes } from "@/lib/routes";
import { auth } from "./index";

/** The signed-in person and their session, or null. Cached for the duration of one request. */
export const getSessionUser = cache(async (): Promise<{ sessionId: string; user: SessionUser } | null> => {
  // auth() checks the session's row (lib/auth/index.ts): a signed-out token yields null here.
  const session = await auth();
  // The row could not be checked: not signed out (the cookie stays), but not signed in either.
  if (session?.unverified) throw new DatabaseUnreachableError("The session could not be checked: the database is unreachable.");
  const userId = session?.user?.id;
  const sessionId = session?.sessionId;
  if (!userId || !sessionId) return null;
  const user = await findSessionUser(getDb(), userId);
  return user ? { sessionId, user } : null;
});

/**
 * The signed-in person in their active workspace, or null (signed out, or in no workspace).
 * `secondFactorMissing`: the workspace requires two-factor sign-in and the person has no second
 * factor yet; pages send them to set one up and workspace actions refuse (lib/actions/action.ts).
 */
export const getSessionContext = cache(async (): Promise<(SessionContext & { secondFactorMissing: boolean }) | null> => {
  const signedIn = await getSessionUser();
  if (!signedIn) return null;
  const membership = await findActiveMembership(getDb(), signedIn.user.id);
  if (!membership) return null;
  return { ...signedIn, ...membership, secondFactorMissing: await isSecondFactorMissing(getDb(), membership.workspace.id, signedIn.user.id) };
});

/** For pages that need only a person: the person, or a redirect to sign-in. */
export async function requireSessionUser() {
  const signedIn = await getSessionUser();
  if (!signedIn) redirect(routes.signIn);
  return signedIn;
}

/**
 * For workspace pages: the context, or a redirect to sign-in, or to creating a workspace, or to
 * setting up a second factor when the workspace requires one.
 */
export async function requireSessionContext(): Promise<SessionContext> {
  const context = await getSessionContext();
  if (context?.secondFactorMissing) redirect(routes.twoFactorRequired);
  if (context) return context;
  await requireSessionUser();
  redirect(routes.newWorkspace);
}
