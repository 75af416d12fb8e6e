// A labelled form field with its error message wired up for screen readers.
import { useId, type ComponentProps, type ReactNode } from "react";
import { cn } from "@/lib/utils";

const control =
  "block w-full rounded-md border border-zinc-300 bg-white px-3 py-2 text-sm text-zinc-900 shadow-xs " +
  "placeholder:text-zinc-400 focus:border-zinc-900 focus:outline-none focus:ring-1 focus:ring-zinc-900 " +
  "aria-invalid:border-red-500 aria-invalid:ring-red-500";

type FieldProps = { label: string; errors?: string[]; hint?: ReactNode };

function FieldShell({ id, label, errors, hint, children }: FieldProps & { id: string; children: ReactNode }) {
  return (
    <div className="space-y-1.5">
      <label htmlFor={id} className="block text-sm font-medium text-zinc-800">
        {label}
      </label>
      {children}
      {hint && !errors?.length ? <p id={`${id}-hint`} className="text-xs text-zinc-500">{hint}</p> : null}
      {errors?.length ? (
        <p id={`${id}-error`} className="text-xs text-red-600">
          {errors[0]}
        </p>
      ) : null}
    </div>
  );
}

function describedBy(id: string, errors?: string[], hint?: ReactNode) {
  if (errors?.length) return `${id}-error`;
  return hint ? `${id}-hint` : undefined;
}

export function TextField({ label, errors, hint, className, ...props }: FieldProps & ComponentProps<"input">) {
  const id = useId();
  return (
    <FieldShell id={id} label={label} errors={errors} hint={hint}>
      <input
        id={id}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={describedBy(id, errors, hint)}
        className={cn(control, className)}
        {...props}
      />
    </FieldShell>
  );
}

export function TextAreaField({ label, errors, hint, className, ...props }: FieldProps & ComponentProps<"textarea">) {
  const id = useId();
  return (
    <FieldShell id={id} label={label} errors={errors} hint={hint}>
      <textarea
        id={id}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={describedBy(id, errors, hint)}
        className={cn(control, "min-h-20", className)}
        {...props}
      />
    </FieldShell>
  );
}

export function FormError({ message }: { message?: string }) {
  if (!message) return null;
  return (
    <p role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-700">
      {message}
    </p>
  );
}
