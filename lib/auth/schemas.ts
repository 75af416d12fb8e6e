// The shapes of the sign-up and sign-in forms, validated on the server.
import { z } from "zod";
import { expects } from "@/lib/field-messages";
import { text } from "@/lib/text";
import { workspaceNameSchema } from "@/lib/workspace-schemas";

export const PASSWORD_MIN_LENGTH = 10;

export const emailSchema = text(expects("Email", "an email address such as ana@acme.io"))
  .trim()
  .toLowerCase()
  .pipe(z.email("Enter a valid email address.").max(254, "Email is too long."));

export const signUpSchema = z.object({
  name: text(expects("Name", "your name, such as Ana Silva")).trim().min(1, "Enter your name.").max(100, "Name is too long (100 characters at most)."),
  email: emailSchema,
  password: text(expects("Password", `a password of at least ${PASSWORD_MIN_LENGTH} characters`))
    .min(PASSWORD_MIN_LENGTH, `Use at least ${PASSWORD_MIN_LENGTH} characters.`)
    .max(200, "Password is too long (200 characters at most)."),
  workspaceName: workspaceNameSchema,
});

export const signInSchema = z.object({
  email: emailSchema,
  // Any string, no text(): it is only verified against a hash and never stored, and a password
  // chosen before sign-up refused control characters must still sign in.
  password: z.string(expects("Password", "your password")).min(1, "Enter your password.").max(200, "Password is too long."),
});
