"use server";
// Settings → General → Key hygiene: disable keys unused for N days (off by default).
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { expects } from "@/lib/field-messages";
import { routes } from "@/lib/routes";
import { setUnusedKeyPolicy, UNUSED_DAYS_RANGE } from "@/lib/services/key-hygiene";
import { text } from "@/lib/text";
import { workspaceAction } from "./action";

const schema = z
  .object({
    enabled: text(expects("enabled", "on when the box is ticked")).optional().transform((value) => value === "on" || value === "true"),
    // An empty field is no number at all, not zero.
    days: z.preprocess(
      (value) => (value === "" ? undefined : value),
      z.coerce
        .number({ error: "Enter a number of days." })
        .int("Enter a whole number of days.")
        .min(UNUSED_DAYS_RANGE.min, `At least ${UNUSED_DAYS_RANGE.min} days.`)
        .max(UNUSED_DAYS_RANGE.max, `At most ${UNUSED_DAYS_RANGE.max} days.`)
        .optional(),
    ),
  })
  .refine((input) => !input.enabled || input.days !== undefined, { path: ["days"], message: "Enter a number of days." });

export const setKeyHygieneAction = workspaceAction({
  permission: "workspace:update",
  schema,
  async handler({ enabled, days }, { workspace, actor }) {
    if (!(await setUnusedKeyPolicy(actor, { workspaceId: workspace.id, days: enabled ? days! : null }))) {
      return { ok: false, error: "This workspace no longer exists." };
    }
    revalidatePath(routes.general);
    return { ok: true, data: undefined };
  },
});
