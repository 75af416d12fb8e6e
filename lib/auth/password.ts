// Password hashing: argon2id (the @node-rs/argon2 default) with OWASP's minimum parameters.
import { hash, verify } from "@node-rs/argon2";

const OPTIONS = { memoryCost: 19_456, timeCost: 2, parallelism: 1 };

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

export function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  return verify(passwordHash, password).catch(() => false);
}

// Verified against when the email is unknown, so a missing account costs the same time as a
// wrong password and response times do not reveal which emails exist.
let decoyHash: Promise<string> | undefined;
export async function burnPasswordCheck(password: string): Promise<void> {
  decoyHash ??= hashPassword("switchboard-decoy-password");
  await verifyPassword(await decoyHash, password);
}
