"use client";
// A labelled form field with its error message wired up for screen readers.
import { useEffect, useId, useState, type ChangeEvent, type ComponentProps, type ReactNode, type RefObject } from "react";
import { cn } from "@/lib/utils";

const control =
  "block w-full rounded-md border border-zinc-300 bg-white px-3 py-2 text-sm text-zinc-900 shadow-xs " +
  "placeholder:text-zinc-400 focus:border-zinc-900 focus:outline-none focus:ring-1 focus:ring-zinc-900 " +
  "aria-invalid:border-red-500 aria-invalid:ring-red-500";

type FieldProps = {
  label: string;
  errors?: string[];
  hint?: ReactNode;
  /** Shows "12/64" under the field and says when maxLength is reached (the browser drops any more silently). */
  showCount?: boolean;
};

type Count = { length: number; max: number };

function FieldShell({
  id,
  label,
  errors,
  hint,
  count,
  children,
}: Omit<FieldProps, "showCount"> & { id: string; count?: Count; children: ReactNode }) {
  const atLimit = count ? count.length >= count.max : false;
  return (
    <div className="space-y-1.5">
      <label htmlFor={id} className="block text-sm font-medium text-zinc-800">
        {label}
      </label>
      {children}
      {(hint && !errors?.length) || errors?.length || count ? (
        <div className="flex items-start justify-between gap-3">
          {hint && !errors?.length ? <p id={`${id}-hint`} className="text-xs text-zinc-500">{hint}</p> : null}
          {errors?.length ? (
            <p id={`${id}-error`} className="text-xs text-red-600">
              {errors[0]}
            </p>
          ) : null}
          {count ? (
            <p className="ml-auto shrink-0 text-xs text-zinc-500 tabular-nums">
              {/* A live region that exists before it fills: reaching the limit is announced, each keystroke is not. */}
              <span role="status" className="font-medium text-amber-800">
                {atLimit ? "Limit reached" : ""}
              </span>
              {atLimit ? <span aria-hidden> · </span> : null}
              <span id={`${id}-count`}>
                <span aria-hidden>
                  {count.length}/{count.max}
                </span>
                <span className="sr-only">
                  {count.length} of {count.max} characters used
                </span>
              </span>
            </p>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}

function describedBy(id: string, errors?: string[], hint?: ReactNode, count?: Count) {
  const ids = [errors?.length ? `${id}-error` : hint ? `${id}-hint` : undefined, count ? `${id}-count` : undefined];
  return ids.filter(Boolean).join(" ") || undefined;
}

/**
 * A field's error describes the value that was submitted: once the person changes that value the
 * message is stale, so it is hidden until the next submission brings a new verdict.
 */
function useCurrentErrors(errors: string[] | undefined) {
  const [edited, setEdited] = useState(false);
  const [verdict, setVerdict] = useState(errors);
  if (verdict !== errors) {
    setVerdict(errors);
    setEdited(false);
  }
  return { errors: edited ? undefined : errors, onEdit: () => setEdited(true) };
}

/** The value's length for the counter; a form reset after an action restores defaultValue. */
function useCount(showCount: boolean | undefined, maxLength: number | undefined, defaultValue: unknown) {
  const initial = typeof defaultValue === "string" ? defaultValue.length : 0;
  const [length, setLength] = useState(initial);
  const [fromDefault, setFromDefault] = useState(defaultValue);
  if (fromDefault !== defaultValue) {
    setFromDefault(defaultValue);
    setLength(initial);
  }
  const count = showCount && maxLength !== undefined ? { length, max: maxLength } : undefined;
  return { count, onLength: setLength };
}

export function TextField({
  label,
  errors: submittedErrors,
  hint,
  showCount,
  className,
  onChange,
  ...props
}: FieldProps & ComponentProps<"input">) {
  const id = useId();
  const { errors, onEdit } = useCurrentErrors(submittedErrors);
  const { count, onLength } = useCount(showCount, props.maxLength, props.defaultValue);
  return (
    <FieldShell id={id} label={label} errors={errors} hint={hint} count={count}>
      <input
        id={id}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={describedBy(id, errors, hint, count)}
        className={cn(control, className)}
        onChange={(event: ChangeEvent<HTMLInputElement>) => {
          onEdit();
          onLength(event.target.value.length);
          onChange?.(event);
        }}
        {...props}
      />
    </FieldShell>
  );
}

export function TextAreaField({
  label,
  errors: submittedErrors,
  hint,
  showCount,
  className,
  onChange,
  ...props
}: FieldProps & ComponentProps<"textarea">) {
  const id = useId();
  const { errors, onEdit } = useCurrentErrors(submittedErrors);
  const { count, onLength } = useCount(showCount, props.maxLength, props.defaultValue);
  return (
    <FieldShell id={id} label={label} errors={errors} hint={hint} count={count}>
      <textarea
        id={id}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={describedBy(id, errors, hint, count)}
        className={cn(control, "min-h-20", className)}
        onChange={(event: ChangeEvent<HTMLTextAreaElement>) => {
          onEdit();
          onLength(event.target.value.length);
          onChange?.(event);
        }}
        {...props}
      />
    </FieldShell>
  );
}

export function FormError({ message }: { message?: string }) {
  if (!message) return null;
  return (
    // Focusable from script only: useFocusOnFailure moves focus here when no field is to blame.
    <p role="alert" tabIndex={-1} className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-700 focus:outline-none">
      {message}
    </p>
  );
}

/**
 * After a failed submission, focuses the first invalid field, else the form's error message.
 * The submit button had focus and was disabled while pending, which drops focus to <body>;
 * this puts keyboard and screen-reader users where the problem is. `failure` is the action's
 * failed state: a new object per failed submission.
 */
export function useFocusOnFailure(form: RefObject<HTMLElement | null>, failure: object | undefined) {
  useEffect(() => {
    if (!failure || !form.current) return;
    const target =
      form.current.querySelector<HTMLElement>('[aria-invalid="true"]') ?? form.current.querySelector<HTMLElement>('[role="alert"]');
    target?.focus();
  }, [form, failure]);
}
