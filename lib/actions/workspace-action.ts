// The one wrapper of every dashboard action: (1) loads the session user, workspace and role,
// (2) checks the permission, (3) parses the input with zod, (4) returns a typed state.
// User-facing failures are returned; unexpected ones are logged and become a short message.
import "server-only";
import type { z } from "zod";
import type { SessionContext } from "@/db/queries/session";
import { getSessionContext } from "@/lib/auth/session";
import { can, type Permission } from "@/lib/permissions";
import { echoValues, invalidInput, type ActionState } from "./action-state";

export function workspaceAction<Schema extends z.ZodType, T>(options: {
  permission: Permission;
  schema: Schema;
  handler: (input: z.infer<Schema>, context: SessionContext) => Promise<ActionState<T>>;
}) {
  // Accepts FormData (forms through useActionState) or a plain object (buttons, switches).
  return async (_previous: ActionState<T>, input: FormData | Record<string, unknown>): Promise<ActionState<T>> => {
    const context = await getSessionContext();
    if (!context) return { ok: false, error: "Your session has expired. Sign in again." };
    if (!can(context.role, options.permission)) {
      return { ok: false, error: "Your role does not allow this. Ask a workspace admin." };
    }
    const raw = input instanceof FormData ? Object.fromEntries(input) : input;
    const parsed = options.schema.safeParse(raw);
    if (!parsed.success) return invalidInput(parsed.error, echoValues(input));
    try {
      return await options.handler(parsed.data, context);
    } catch (error) {
      console.error(`[action] ${options.permission} failed`, error);
      return { ok: false, error: "Something went wrong on our side. Try again." };
    }
  };
}
