// The shapes of the two-factor forms (Settings → Account), validated on the server.
import { z } from "zod";
import { PASSWORD_MIN_LENGTH } from "@/lib/auth/schemas";
import { expects } from "@/lib/field-messages";
import { text } from "@/lib/text";

/**
 * "The current password or a second factor", asked before adding a passkey, turning two-factor
 * sign-in off, regenerating recovery codes or removing a passkey. One of the two, in fields of their own.
 */
export const identityProofSchema = z
  .object({
    // Any string, like sign-in's: only checked against the hash.
    password: z.string(expects("Current password", "your password")).max(200, "Password is too long.").optional(),
    code: text(expects("Authentication code", "the six digits from your authenticator app, or a recovery code"))
      .trim()
      .max(64, "This code is too long.")
      .optional(),
  })
  .refine((proof) => !!proof.password || !!proof.code, { path: ["password"], message: "Enter your current password, or a code from your authenticator app." });

/** The current password alone, where no second factor can exist yet (setting up the authenticator app). */
export const currentPasswordSchema = z.string(expects("Current password", "your password")).min(1, "Enter your current password.").max(200, "Password is too long.");

export const totpCodeSchema = text(expects("Authentication code", "the six digits from your authenticator app"))
  .trim()
  .transform((code) => code.replace(/[\s-]/g, ""))
  .pipe(z.string().regex(/^\d{6}$/, "Enter the six digits your authenticator app shows."));

export const passkeyNameSchema = text(expects("Passkey name", "a name such as Work laptop"))
  .trim()
  .min(1, "Name this passkey, such as Work laptop.")
  .max(64, "Passkey name is too long (64 characters at most).");

export const changePasswordSchema = z.object({
  currentPassword: z.string(expects("Current password", "your password")).min(1, "Enter your current password.").max(200, "Password is too long."),
  newPassword: text(expects("New password", `a password of at least ${PASSWORD_MIN_LENGTH} characters`))
    .min(PASSWORD_MIN_LENGTH, `Use at least ${PASSWORD_MIN_LENGTH} characters.`)
    .max(200, "Password is too long (200 characters at most)."),
});
