// The answer to "the current password or a second factor" as an action's refusal (not a
// "use server" module: it is a helper of the actions that ask).
import "server-only";
import { confirmIdentity, type IdentityProof, type ProofRefused } from "@/lib/services/two-factor";
import type { UserActor } from "@/lib/services/actor";
import type { ActionState } from "./action-state";

/** Null when the proof holds; else the state to return. */
export async function refuseUnlessConfirmed(actor: UserActor, proof: IdentityProof): Promise<ActionState<never> | null> {
  const check = await confirmIdentity(actor, proof, actor);
  return check.ok ? null : proofRefusal(check, proof);
}

/** The state to return for a proof that did not hold (wrong, or too many wrong answers). */
export function proofRefusal(check: ProofRefused, proof: IdentityProof): ActionState<never> {
  if (check.lockedForMinutes !== null) {
    const minutes = check.lockedForMinutes;
    return { ok: false, error: `Too many wrong answers. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.` };
  }
  const field = proof.code ? "code" : "password";
  const message = proof.code ? "This code is not right, or it was already used." : "This is not your current password.";
  return { ok: false, error: "Check the highlighted field.", fieldErrors: { [field]: [message] } };
}
