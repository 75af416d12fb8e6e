"use server";
// Sign-up, sign-in and sign-out. These run before there is a workspace, so they do not use
// workspaceAction; they validate with the same zod schemas and return the same ActionState.
import { AuthError, CredentialsSignin } from "next-auth";
import { headers } from "next/headers";
import { createUserWithWorkspace } from "@/db/queries/users";
import { signIn, signOut } from "@/lib/auth";
import { hashPassword } from "@/lib/auth/password";
import { signInSchema, signUpSchema } from "@/lib/auth/schemas";
import { beginSignUp, signInLockedForMinutes } from "@/lib/auth/throttle";
import { CLIENT_IP_HEADER } from "@/lib/client-ip";
import { echoValues, invalidInput, type ActionState } from "./action-state";

const HOME = "/settings/api-keys";

export async function signUpAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const values = echoValues(formData, ["password"]);
  const parsed = signUpSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return invalidInput(parsed.error, values);
  const { name, email, password, workspaceName } = parsed.data;
  if (!(await beginSignUp((await headers()).get(CLIENT_IP_HEADER)))) {
    return { ok: false, error: "Too many accounts were created from your network in the last hour. Try again later.", values };
  }
  const created = await createUserWithWorkspace({
    name,
    email,
    passwordHash: await hashPassword(password),
    workspaceName,
  });
  if (!created.ok) {
    return {
      ok: false,
      error: "Check the highlighted fields.",
      fieldErrors: { email: ["An account with this email already exists. Sign in instead."] },
      values,
    };
  }
  try {
    await signIn("credentials", { email, password, redirectTo: HOME });
  } catch (error) {
    if (!(error instanceof AuthError)) throw error;
    // The account exists; only the automatic sign-in was refused (this network is throttled).
    return { ok: false, error: "Your account is ready, but signing in failed. Sign in from the sign-in page.", values };
  }
  return null;
}

export async function signInAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const values = echoValues(formData, ["password"]);
  const parsed = signInSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return invalidInput(parsed.error, values);
  const { email, password } = parsed.data;
  try {
    await signIn("credentials", { email, password, redirectTo: safeNextPath(formData.get("next")) });
    return null;
  } catch (error) {
    // signIn redirects by throwing; only Auth.js's own errors are failures to report.
    if (!(error instanceof AuthError)) throw error;
    if (error instanceof CredentialsSignin && error.code === "too_many_attempts") {
      const minutes = await signInLockedForMinutes(email, (await headers()).get(CLIENT_IP_HEADER));
      return { ok: false, error: tooManyAttempts(minutes), values };
    }
    // Same words whether the email exists or not.
    return { ok: false, error: "Invalid email or password.", values };
  }
}

export async function signOutAction() {
  await signOut({ redirectTo: "/sign-in" });
}

function tooManyAttempts(minutes: number | null) {
  // No lock in force: this attempt was refused because others for the account were in flight.
  if (minutes === null) return "Too many sign-in attempts at once. Try again in a moment.";
  return `Too many sign-in attempts. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`;
}

/** Only same-site paths: `next` comes from the URL, so it must not send people elsewhere. */
function safeNextPath(next: FormDataEntryValue | null): string {
  if (typeof next === "string" && next.startsWith("/") && !next.startsWith("//") && !next.startsWith("/\\")) {
    return next;
  }
  return HOME;
}
