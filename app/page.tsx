import { redirect } from "next/navigation";
import { getSessionUser } from "@/lib/auth/session";
import { DEFAULT_SIGNED_IN_PATH, routes } from "@/lib/routes";

// `/`: the dashboard for a signed-in user, sign-in for everyone else.
export default async function Home() {
  redirect((await getSessionUser()) ? DEFAULT_SIGNED_IN_PATH : routes.signIn);
}
