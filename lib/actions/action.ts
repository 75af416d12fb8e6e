// The one wrapper of every server action. In order it (1) checks the arguments' shape, since
// anyone can post any body to an action: anything but `(previousState, FormData | object)` or
// `(FormData | object)` is refused with a clear message and changes nothing; (2) loads the
// session and checks the permission, for actions that need one; (3) parses the input with zod;
// (4) returns a typed state. User-facing failures are returned, never thrown; unexpected ones are
// logged on the server and become a short message. Next's redirect() and notFound() pass through.
import "server-only";
import { headers } from "next/headers";
import { unstable_rethrow } from "next/navigation";
import { z } from "zod";
import type { SessionContext } from "@/db/queries/session";
import { getSessionContext } from "@/lib/auth/session";
import { CLIENT_IP_HEADER } from "@/lib/client-ip";
import { can, type Permission } from "@/lib/permissions";
import type { UserActor } from "@/lib/services/actor";
import { echoValues, invalidInput, type ActionState } from "./action-state";

type Input = FormData | Record<string, unknown>;
/** What signed-in actions get: the session context, and the actor to hand to services. */
export type ActionContext = SessionContext & { actor: UserActor };
type Action<T> = (previous: ActionState<T>, input: Input) => Promise<ActionState<T>>;

const input = z.union([z.instanceof(FormData), z.record(z.string(), z.unknown())]);
const actionArguments = z.union([z.tuple([z.unknown(), input]), z.tuple([input])]);

const MALFORMED = "This request was malformed. Reload the page and try again.";

type Options<Schema extends z.ZodType> = {
  /** Names the action in server logs. */
  name: string;
  schema: Schema;
  /** Fields never echoed back to the form (passwords). */
  secretFields?: string[];
};

/** For actions anyone may call (sign-in, sign-up). */
export function publicAction<Schema extends z.ZodType, T = undefined>(
  options: Options<Schema> & { handler: (input: z.infer<Schema>, raw: Input) => Promise<ActionState<T>> },
): Action<T> {
  return wrap(options, async (parsed, raw) => options.handler(parsed, raw));
}

/** For actions on the signed-in person's own account; any role may call them. */
export function accountAction<Schema extends z.ZodType, T = undefined>(
  options: Options<Schema> & { handler: (input: z.infer<Schema>, context: ActionContext) => Promise<ActionState<T>> },
): Action<T> {
  return wrap(options, async (parsed, _raw, context) => options.handler(parsed, context!), { session: true });
}

/** For actions on the workspace: the role must hold `permission` (lib/permissions.ts). */
export function workspaceAction<Schema extends z.ZodType, T = undefined>(
  options: Omit<Options<Schema>, "name"> & {
    permission: Permission;
    handler: (input: z.infer<Schema>, context: ActionContext) => Promise<ActionState<T>>;
  },
): Action<T> {
  return wrap({ ...options, name: options.permission }, async (parsed, _raw, context) => options.handler(parsed, context!), {
    session: true,
    permission: options.permission,
  });
}

function wrap<Schema extends z.ZodType, T>(
  options: Options<Schema>,
  run: (parsed: z.infer<Schema>, raw: Input, context: ActionContext | null) => Promise<ActionState<T>>,
  access: { session?: boolean; permission?: Permission } = {},
): Action<T> {
  return async (...args: unknown[]) => {
    const shape = actionArguments.safeParse(args);
    if (!shape.success) return { ok: false, error: MALFORMED };
    const raw = shape.data.at(-1) as Input;
    try {
      const context = access.session ? await loadActionContext() : null;
      if (access.session && !context) return { ok: false, error: "Your session has ended. Sign in again." };
      if (access.permission && !can(context!.role, access.permission)) {
        return { ok: false, error: "Your role does not allow this. Ask a workspace admin." };
      }
      const parsed = options.schema.safeParse(raw instanceof FormData ? Object.fromEntries(raw) : raw);
      if (!parsed.success) return invalidInput(parsed.error, echoValues(raw, options.secretFields));
      return await run(parsed.data, raw, context);
    } catch (error) {
      unstable_rethrow(error);
      console.error(`[action] ${options.name} failed`, error);
      return { ok: false, error: "Something went wrong on our side. Try again." };
    }
  };
}

async function loadActionContext(): Promise<ActionContext | null> {
  const session = await getSessionContext();
  if (!session) return null;
  const request = await headers();
  const actor: UserActor = {
    type: "user",
    id: session.user.id,
    email: session.user.email,
    ip: request.get(CLIENT_IP_HEADER),
    userAgent: request.get("user-agent"),
  };
  return { ...session, actor };
}
