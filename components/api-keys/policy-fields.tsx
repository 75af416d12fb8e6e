"use client";
// A key's policy in a form: type (Generate only), allowed origins for public keys, permissions,
// expiry, and under "More restrictions" the agents, transient agents and IP addresses. Sensible
// defaults (Private, Full access, never expires) keep the common case to a name and a click.
import { useId, useState } from "react";
import { TextAreaField } from "@/components/ui/field";
import { SelectField } from "@/components/ui/select-field";
import { EXPIRY_CHOICES } from "@/lib/keys/expiry-choices";
import { ACCESS_LEVELS, presetOf, PRESET_LABELS, type KeyScopes } from "@/lib/keys/scopes";

export type PolicyDefaults = {
  type: "private" | "public";
  allowedOrigins: string[];
  allowedIps: string[];
  permissions: KeyScopes;
  allowedAgents: string[];
  allowTransientAgents: boolean;
  expiresAt: Date | null;
};

type Props = {
  /** Generate chooses the type; Edit shows it fixed. */
  chooseType: boolean;
  defaults: PolicyDefaults;
  agents: { id: string; name: string }[];
  errors?: Record<string, string[]>;
  /** What was typed, after a refused submit. */
  values?: Record<string, string>;
};

const RESOURCE_LABELS = { agents: "Agents", calls: "Calls", api_keys: "API keys" } as const;
// The form field of each resource's level (lib/keys/policy-form.ts).
const SCOPE_FIELDS = { agents: "scopeAgents", calls: "scopeCalls", api_keys: "scopeApiKeys" } as const;

export function PolicyFields({ chooseType, defaults, agents, errors, values }: Props) {
  const id = useId();
  const [type, setType] = useState<"private" | "public">((values?.type as "private" | "public") ?? defaults.type);
  const [preset, setPreset] = useState(values?.permissions ?? presetOf(defaults.permissions));
  const [expiration, setExpiration] = useState(values?.expiration ?? (chooseType ? "never" : "keep"));
  const chosenAgents = values?.allowedAgents?.split("\n") ?? defaults.allowedAgents;
  const restrictionsOpen = !!(errors?.allowedIps || errors?.allowedAgents || defaults.allowedIps.length || defaults.allowedAgents.length);

  return (
    <div className="space-y-4">
      {chooseType ? (
        <div role="radiogroup" aria-labelledby={`${id}-type`} className="space-y-1.5">
          <p id={`${id}-type`} className="text-sm font-medium text-zinc-800">
            Key type
          </p>
          <div className="grid gap-2 sm:grid-cols-2">
            {(
              [
                ["private", "Private", "For your servers. Never put it in a web page or an app."],
                ["public", "Public", "For web pages: starts calls and reads an agent, only from origins you allow."],
              ] as const
            ).map(([value, label, hint]) => (
              // The radio's name is its label alone ("Private"); the hint describes it.
              <div key={value} className="rounded-md border border-zinc-300 p-3 text-sm has-checked:border-zinc-900 has-checked:ring-1 has-checked:ring-zinc-900">
                <label className="flex cursor-pointer items-center gap-2 font-medium text-zinc-900">
                  <input
                    type="radio"
                    name="type"
                    value={value}
                    checked={type === value}
                    onChange={() => setType(value)}
                    aria-describedby={`${id}-${value}-hint`}
                    className="accent-zinc-900"
                  />
                  {label}
                </label>
                <p id={`${id}-${value}-hint`} className="mt-1 pl-5 text-xs text-zinc-600">
                  {hint}
                </p>
              </div>
            ))}
          </div>
        </div>
      ) : null}

      {type === "public" ? (
        <TextAreaField
          label="Allowed origins"
          name="allowedOrigins"
          rows={3}
          placeholder={"https://app.example.com\nhttps://*.example.com"}
          hint="One per line: the sites whose pages may use this key. https://*.example.com covers subdomains."
          defaultValue={values?.allowedOrigins ?? defaults.allowedOrigins.join("\n")}
          errors={errors?.allowedOrigins}
        />
      ) : null}

      <SelectField
        label="Permissions"
        name="permissions"
        value={preset}
        onChange={(event) => setPreset(event.target.value)}
        options={(["full_access", "read_only", "restricted"] as const).map((value) => ({ value, label: PRESET_LABELS[value] }))}
        hint={preset === "restricted" ? "Choose per resource below." : preset === "read_only" ? "Lists and reads; changes nothing." : "Everything the key's type allows."}
        errors={errors?.permissions}
      />
      {preset === "restricted" ? (
        <div className="grid gap-3 sm:grid-cols-3">
          {(["agents", "calls", "api_keys"] as const).map((resource) => (
            <SelectField
              key={resource}
              label={RESOURCE_LABELS[resource]}
              name={SCOPE_FIELDS[resource]}
              defaultValue={values?.[SCOPE_FIELDS[resource]] ?? defaults.permissions[resource]}
              options={ACCESS_LEVELS.map((level) => ({ value: level, label: level === "none" ? "No access" : level === "read" ? "Read" : "Read and write" }))}
            />
          ))}
        </div>
      ) : null}

      <div className="grid gap-3 sm:grid-cols-2">
        <SelectField
          label="Expiration"
          name="expiration"
          value={expiration}
          onChange={(event) => setExpiration(event.target.value)}
          options={[
            ...(chooseType ? [] : [{ value: "keep", label: defaults.expiresAt ? `Unchanged (${defaults.expiresAt.toISOString().slice(0, 10)})` : "Unchanged (never)" }]),
            ...EXPIRY_CHOICES.map((choice) => ({ value: choice.value, label: choice.label })),
          ]}
          errors={errors?.expiration}
        />
        {expiration === "date" ? (
          <label className="space-y-1.5 text-sm font-medium text-zinc-800">
            <span className="block">Expiry date</span>
            <input
              type="date"
              name="expiryDate"
              required
              defaultValue={values?.expiryDate}
              aria-invalid={errors?.expiryDate ? true : undefined}
              className="block w-full rounded-md border border-zinc-300 bg-white px-3 py-2 text-sm shadow-xs aria-invalid:border-red-500"
            />
            {errors?.expiryDate ? <span className="block text-xs font-normal text-red-700">{errors.expiryDate[0]}</span> : null}
          </label>
        ) : null}
      </div>

      <details open={restrictionsOpen} className="rounded-md border border-zinc-200 p-3">
        <summary className="cursor-pointer text-sm font-medium text-zinc-800">More restrictions</summary>
        <div className="mt-3 space-y-4">
          <fieldset>
            <legend className="text-sm font-medium text-zinc-800">Allowed agents</legend>
            <p className="text-xs text-zinc-600">None chosen: every agent. Otherwise calls and reads of other agents are refused.</p>
            {agents.length === 0 ? (
              <p className="mt-2 text-xs text-zinc-600">This workspace has no agents yet.</p>
            ) : (
              <div className="mt-2 grid max-h-40 gap-1 overflow-y-auto sm:grid-cols-2">
                {agents.map((agent) => (
                  <label key={agent.id} className="flex items-center gap-2 text-sm">
                    <input type="checkbox" name="allowedAgents" value={agent.id} defaultChecked={chosenAgents.includes(agent.id)} className="accent-zinc-900" />
                    <span className="truncate">{agent.name}</span>
                  </label>
                ))}
              </div>
            )}
            {errors?.allowedAgents ? <p className="mt-1 text-xs text-red-700">{errors.allowedAgents[0]}</p> : null}
          </fieldset>
          <label className="flex items-start gap-2 text-sm">
            <input
              type="checkbox"
              name="allowTransientAgents"
              defaultChecked={values ? values.allowTransientAgents === "on" : defaults.allowTransientAgents}
              className="mt-0.5 accent-zinc-900"
            />
            <span>
              <span className="font-medium text-zinc-800">Allow transient agents</span>
              <span className="block text-xs text-zinc-600">Calls may bring their own inline agent instead of a saved one.</span>
            </span>
          </label>
          {type === "private" ? (
            <TextAreaField
              label="Allowed IP addresses"
              name="allowedIps"
              rows={3}
              placeholder={"203.0.113.7\n198.51.100.0/24"}
              hint="One address or CIDR range per line. Empty: any address."
              defaultValue={values?.allowedIps ?? defaults.allowedIps.join("\n")}
              errors={errors?.allowedIps}
            />
          ) : null}
        </div>
      </details>
    </div>
  );
}
