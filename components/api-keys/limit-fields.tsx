"use client";
// Edit's rate limit and credits: requests per second and burst (or "No rate limit"), and call
// credits with their refill. Parsed by lib/keys/policy-form.ts (limitFormFields).
import { useState } from "react";
import { TextField } from "@/components/ui/field";
import { SelectField } from "@/components/ui/select-field";
import { creditsOf, rateLimitOf, type LimitColumns } from "@/lib/keys/limits";

type Props = {
  defaults: LimitColumns;
  errors?: Record<string, string[]>;
  /** What was typed, after a refused submit. */
  values?: Record<string, string>;
};

const REFILL_CHOICES = [
  { value: "never", label: "Never" },
  { value: "day", label: "Day" },
  { value: "month", label: "Month" },
];

export function LimitFields({ defaults, errors, values }: Props) {
  const limit = rateLimitOf(defaults);
  const credits = creditsOf(defaults);
  const [unlimited, setUnlimited] = useState(values ? values.noRateLimit === "on" : limit === null);
  const [refill, setRefill] = useState(values?.refillInterval ?? credits?.refill?.interval ?? "never");
  // Number fields of our own text style: whole numbers only, and no scroll-wheel changes.
  const number = { type: "number", inputMode: "numeric", step: 1 } as const;
  return (
    <fieldset className="space-y-4 rounded-md border border-zinc-200 p-3">
      <legend className="px-1 text-sm font-medium text-zinc-800">Limits</legend>
      <input type="hidden" name="limits" value="edit" />
      <div className="grid gap-3 sm:grid-cols-2">
        <TextField
          label="Requests per second"
          name="rateLimitPerSecond"
          {...number}
          min={1}
          disabled={unlimited}
          defaultValue={values?.rateLimitPerSecond ?? limit?.perSecond ?? 50}
          errors={errors?.rateLimitPerSecond}
        />
        <TextField
          label="Burst"
          name="rateLimitBurst"
          {...number}
          min={0}
          disabled={unlimited}
          hint="Requests allowed beyond the rate now and then."
          defaultValue={values?.rateLimitBurst ?? limit?.burst ?? 100}
          errors={errors?.rateLimitBurst}
        />
      </div>
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" name="noRateLimit" checked={unlimited} onChange={(event) => setUnlimited(event.target.checked)} className="accent-zinc-900" />
        <span className="font-medium text-zinc-800">No rate limit</span>
      </label>
      <input type="hidden" name="creditsSeen" value={credits?.remaining ?? ""} />
      <TextField
        label="Credits"
        name="credits"
        {...number}
        min={0}
        placeholder="Unlimited"
        hint="Each call started with this key takes one. Empty: unlimited."
        defaultValue={values?.credits ?? credits?.remaining ?? ""}
        errors={errors?.credits}
      />
      <div className="grid gap-3 sm:grid-cols-2">
        <TextField
          label="Refill amount"
          name="refillAmount"
          {...number}
          min={1}
          disabled={refill === "never"}
          defaultValue={values?.refillAmount ?? credits?.refill?.amount ?? ""}
          errors={errors?.refillAmount}
        />
        <SelectField
          label="Refill every"
          name="refillInterval"
          value={refill}
          onChange={(event) => setRefill(event.target.value)}
          options={REFILL_CHOICES}
          hint="Credits reset to the refill amount at 00:00 UTC."
          errors={errors?.refillInterval}
        />
      </div>
    </fieldset>
  );
}
