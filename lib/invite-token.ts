// Invitation links carry a random token; only its SHA-256 is stored, like API keys.
import { createHash, randomBytes } from "node:crypto";

export const newInviteToken = () => randomBytes(32).toString("base64url");

export const hashInviteToken = (token: string) => createHash("sha256").update(token).digest("hex");
