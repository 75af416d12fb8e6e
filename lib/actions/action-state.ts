// What every server action returns to `useActionState` or to its caller. `values` echoes the
// submitted text fields (never passwords) so a form keeps what the person typed after an error.
import { z } from "zod";

export type ActionState<T = undefined> =
  | { ok: true; data: T }
  | { ok: false; error: string; fieldErrors?: Record<string, string[]>; values?: Record<string, string> }
  | null;

/**
 * The submitted text fields of a form, minus secrets, to echo back on error. A field sent more
 * than once (checkboxes) comes back as its values joined by newlines.
 */
export function echoValues(input: FormData | Record<string, unknown>, omit: string[] = []) {
  // A plain object (React sends it to the browser), so a field named __proto__ is left out.
  const values: Record<string, string> = {};
  const entries = input instanceof FormData ? [...input.entries()] : Object.entries(input);
  for (const [name, value] of entries) {
    if (typeof value !== "string" || omit.includes(name) || name.startsWith("$") || name === "__proto__") continue;
    values[name] = Object.hasOwn(values, name) ? `${values[name]}\n${value}` : value;
  }
  return values;
}

/** The state for input that failed its zod schema: one message per field. */
export function invalidInput(error: z.ZodError, values: Record<string, string>): ActionState<never> {
  const { fieldErrors } = z.flattenError(error);
  return { ok: false, error: "Check the highlighted fields.", fieldErrors: fieldErrors as Record<string, string[]>, values };
}
