// What a key may do, per resource: none, read or write (write includes read). Presets name the
// common choices. A key's scopes and a person's role are separate maps (lib/permissions.ts):
// where both apply, both must allow, so a key can never do more than its scopes say.
export const KEY_RESOURCES = ["agents", "calls", "api_keys"] as const;
export type KeyResource = (typeof KEY_RESOURCES)[number];
export const ACCESS_LEVELS = ["none", "read", "write"] as const;
export type AccessLevel = (typeof ACCESS_LEVELS)[number];
export type KeyScopes = Record<KeyResource, AccessLevel>;
/** A permission a route needs, named the way errors name it: `calls:write`. */
export type Scope = `${KeyResource}:${Exclude<AccessLevel, "none">}`;

export const SCOPE_PRESETS = {
  full_access: { agents: "write", calls: "write", api_keys: "write" },
  read_only: { agents: "read", calls: "read", api_keys: "read" },
} as const satisfies Record<string, KeyScopes>;

export type ScopePreset = keyof typeof SCOPE_PRESETS | "restricted";

export const PRESET_LABELS: Record<ScopePreset, string> = {
  full_access: "Full access",
  read_only: "Read only",
  restricted: "Restricted",
};

const RANK: Record<AccessLevel, number> = { none: 0, read: 1, write: 2 };

export function allows(scopes: KeyScopes, scope: Scope): boolean {
  const [resource, level] = scope.split(":") as [KeyResource, AccessLevel];
  return RANK[scopes[resource]] >= RANK[level];
}

/** Which preset `scopes` are, or "restricted" for any other combination. */
export function presetOf(scopes: KeyScopes): ScopePreset {
  for (const [name, preset] of Object.entries(SCOPE_PRESETS)) {
    if (KEY_RESOURCES.every((resource) => preset[resource] === scopes[resource])) return name as ScopePreset;
  }
  return "restricted";
}

/** The resources on which `a` grants more than `b` (a key never grants more than it holds). */
export function resourcesBeyond(a: KeyScopes, b: KeyScopes): KeyResource[] {
  return KEY_RESOURCES.filter((resource) => RANK[a[resource]] > RANK[b[resource]]);
}

/** "calls:write · agents:read", the granted scopes in brief ("Full access" for the preset). */
export function describeScopes(scopes: KeyScopes): string {
  const preset = presetOf(scopes);
  if (preset !== "restricted") return PRESET_LABELS[preset];
  const granted = KEY_RESOURCES.filter((resource) => scopes[resource] !== "none").map((resource) => `${resource}:${scopes[resource]}`);
  return granted.length > 0 ? granted.join(" · ") : "No access";
}
