import { redirect } from "next/navigation";
import { getSessionContext } from "@/lib/auth/session";

// `/`: the dashboard for a signed-in user, sign-in for everyone else.
export default async function Home() {
  redirect((await getSessionContext()) ? "/settings/api-keys" : "/sign-in");
}
