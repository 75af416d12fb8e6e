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
import { isDatabaseUnreachable } from "@/db/errors";
import type { SessionContext, SessionUser } from "@/db/queries/session";
import { getSessionContext, getSessionUser } from "@/lib/auth/session";
import { CLIENT_IP_HEADER } from "@/lib/client-ip";
import { can, refusalFor, type Permission } from "@/lib/permissions";
import { logUnexpectedError, newRequestId } from "@/lib/server/error-log";
import type { UserActor } from "@/lib/services/actor";
import { echoValues, invalidInput, type ActionState } from "./action-state";

type Input = FormData | Record<string, unknown>;
type Action<T> = (previous: ActionState<T>, input: Input) => Promise<ActionState<T>>;

/** What account actions get: the person, their session, and the actor to hand to services. */
export type AccountContext = { sessionId: string; user: SessionUser; actor: UserActor };
/** What workspace actions get: the same, in the active workspace, with the person's role. */
export type ActionContext = SessionContext & { actor: UserActor };

const input = z.union([z.instanceof(FormData), z.record(z.string(), z.unknown())]);
const actionArguments = z.union([z.tuple([z.unknown(), input]), z.tuple([input])]);

const MALFORMED = "This request was malformed. Reload the page and try again.";
const SIGNED_OUT = "Your session has ended. Sign in again.";
const SECOND_FACTOR_MISSING = "This workspace requires two-factor sign-in. Set it up in Settings → Account first.";

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
  return wrap(options, async () => ({}), (parsed, _context, raw) => options.handler(parsed, raw));
}

/** For actions on the signed-in person's own account; they need no workspace. */
export function accountAction<Schema extends z.ZodType, T = undefined>(
  options: Options<Schema> & { handler: (input: z.infer<Schema>, context: AccountContext) => Promise<ActionState<T>> },
): Action<T> {
  return wrap(
    options,
    async () => {
      const signedIn = await getSessionUser();
      return signedIn ? { ...signedIn, actor: await actorFor(signedIn.user) } : refused<T>(SIGNED_OUT);
    },
    (parsed, context) => options.handler(parsed, context),
  );
}

/** For actions on the active workspace: the person's role there must hold `permission`. */
export function workspaceAction<Schema extends z.ZodType, T = undefined>(
  options: Omit<Options<Schema>, "name"> & {
    permission: Permission;
    /** `raw`: the submitted fields as sent, to echo back to a form after an error. */
    handler: (input: z.infer<Schema>, context: ActionContext, raw: Input) => Promise<ActionState<T>>;
  },
): Action<T> {
  return wrap(
    { ...options, name: options.permission },
    async () => {
      const context = await getSessionContext();
      if (!context) return refused<T>(SIGNED_OUT);
      if (context.secondFactorMissing) return refused<T>(SECOND_FACTOR_MISSING);
      if (!can(context.role, options.permission)) return refused<T>(`${refusalFor(options.permission)} Ask a workspace admin.`);
      return { ...context, actor: await actorFor(context.user) };
    },
    (parsed, context, raw) => options.handler(parsed, context, raw),
  );
}

const REFUSED = Symbol("refused");
type Refused<T> = { [REFUSED]: ActionState<T> };
const refused = <T>(error: string): Refused<T> => ({ [REFUSED]: { ok: false, error } });

function wrap<Schema extends z.ZodType, T, Context extends object>(
  options: Options<Schema>,
  load: () => Promise<Context | Refused<T>>,
  handler: (parsed: z.infer<Schema>, context: Context, raw: Input) => Promise<ActionState<T>>,
): Action<T> {
  return async (...args: unknown[]) => {
    const shape = actionArguments.safeParse(args);
    if (!shape.success) return { ok: false, error: MALFORMED };
    const raw = shape.data.at(-1) as Input;
    try {
      const context = await load();
      if (REFUSED in context) return context[REFUSED];
      const parsed = options.schema.safeParse(raw instanceof FormData ? formFields(raw) : raw);
      if (!parsed.success) return invalidInput(parsed.error, echoValues(raw, options.secretFields));
      return await handler(parsed.data, context, raw);
    } catch (error) {
      unstable_rethrow(error);
      // An outage, not a bug: one message a person can act on, and no stack per click.
      if (isDatabaseUnreachable(error)) return { ok: false, error: "Switchboard cannot reach its database right now. Try again in a moment." };
      logUnexpectedError("action", newRequestId(), error, `${options.name} failed`);
      return { ok: false, error: "Something went wrong on our side. Try again." };
    }
  };
}

/** A form's fields as an object; a name sent more than once (checkboxes) becomes an array. */
function formFields(form: FormData): Record<string, FormDataEntryValue | FormDataEntryValue[]> {
  // No prototype: a field named "__proto__" stays a field.
  const fields: Record<string, FormDataEntryValue | FormDataEntryValue[]> = Object.create(null);
  for (const [name, value] of form) {
    const seen = fields[name];
    fields[name] = seen === undefined ? value : Array.isArray(seen) ? [...seen, value] : [seen, value];
  }
  return fields;
}

async function actorFor(user: SessionUser): Promise<UserActor> {
  const request = await headers();
  return { type: "user", id: user.id, email: user.email, ip: request.get(CLIENT_IP_HEADER), userAgent: request.get("user-agent") };
}
