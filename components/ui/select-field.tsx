// A labelled native <select>: the platform's own keyboard and screen-reader behaviour, and
// `getByLabel(...).selectOption()` in tests.
import { useId, type ComponentProps } from "react";
import { cn } from "@/lib/utils";

export function SelectField({
  label,
  errors,
  hint,
  options,
  className,
  ...props
}: ComponentProps<"select"> & { label: string; errors?: string[]; hint?: string; options: { value: string; label: string }[] }) {
  const id = useId();
  const described = errors?.length ? `${id}-error` : hint ? `${id}-hint` : undefined;
  return (
    <div className="space-y-1.5">
      <label htmlFor={id} className="block text-sm font-medium text-zinc-800">
        {label}
      </label>
      <select
        id={id}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={described}
        className={cn(
          "block w-full rounded-md border border-zinc-300 bg-white px-3 py-2 text-sm text-zinc-900 shadow-xs",
          "focus:border-zinc-900 focus:ring-1 focus:ring-zinc-900 focus:outline-none aria-invalid:border-red-500",
          className,
        )}
        {...props}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      {hint && !errors?.length ? (
        <p id={`${id}-hint`} className="text-xs text-zinc-600">
          {hint}
        </p>
      ) : null}
      {errors?.length ? (
        <p id={`${id}-error`} className="text-xs text-red-700">
          {errors[0]}
        </p>
      ) : null}
    </div>
  );
}
