// The one way pages and actions learn who is signed in, in which workspace, with which role.
// Roles are read from the database on every request, never from the token, so a changed role
// or a removed membership takes effect on the person's next request, on every server.
import "server-only";
import { redirect } from "next/navigation";
import { cache } from "react";
import { loadSessionContext, type SessionContext } from "@/db/queries/session";
import { routes } from "@/lib/routes";
import { auth } from "./index";

/** The signed-in user's context, or null. Cached for the duration of one request. */
export const getSessionContext = cache(async (): Promise<SessionContext | null> => {
  // auth() checks the session's row (lib/auth/index.ts): a signed-out token yields null here.
  const session = await auth();
  const userId = session?.user?.id;
  const sessionId = session?.sessionId;
  if (!userId || !sessionId) return null;
  const context = await loadSessionContext(userId);
  return context ? { ...context, sessionId } : null;
});

/** For pages: the context, or a redirect to sign-in. */
export async function requireSessionContext(): Promise<SessionContext> {
  const context = await getSessionContext();
  if (!context) redirect(routes.signIn);
  return context;
}
