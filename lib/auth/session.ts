// The one way pages and actions learn who is signed in, in which workspace, with which role.
import "server-only";
import { redirect } from "next/navigation";
import { cache } from "react";
import { loadSessionContext, type SessionContext } from "@/db/queries/session";
import { auth } from "./index";

/** The signed-in user's context, or null. Cached for the duration of one request. */
export const getSessionContext = cache(async (): Promise<SessionContext | null> => {
  const session = await auth();
  const userId = session?.user?.id;
  return userId ? loadSessionContext(userId) : null;
});

/** For pages: the context, or a redirect to sign-in. */
export async function requireSessionContext(): Promise<SessionContext> {
  const context = await getSessionContext();
  if (!context) redirect("/sign-in");
  return context;
}
