// Who may do what in a workspace (README "Roles"). Checked on the server by every action
// and page; the UI only uses it to hide what would be refused anyway.
import type { Role } from "@/db/schema";

export const PERMISSIONS = {
  "keys:read": ["owner", "admin", "member", "viewer"],
  "keys:create": ["owner", "admin"],
  "keys:update": ["owner", "admin"],
  "keys:toggle": ["owner", "admin", "member"],
  "keys:revoke": ["owner", "admin", "member"],
  // Agents follow the keys' rules: admins create and edit, members may also delete.
  "agents:read": ["owner", "admin", "member", "viewer"],
  "agents:write": ["owner", "admin"],
  "agents:delete": ["owner", "admin", "member"],
  "calls:read": ["owner", "admin", "member", "viewer"],
  "usage:read": ["owner", "admin", "member", "viewer"],
  "members:read": ["owner", "admin", "member", "viewer"],
  // Admins may not touch owners: lib/services/members.ts and invitations.ts enforce that part.
  "members:manage": ["owner", "admin"],
  // A member who lost their second factor: only an owner may take it away (README "Two-factor sign-in and passkeys").
  "members:reset_two_factor": ["owner"],
  "workspace:read": ["owner", "admin", "member", "viewer"],
  "workspace:update": ["owner", "admin"],
  "workspace:leave": ["owner", "admin", "member", "viewer"],
  "audit:read": ["owner", "admin", "member"],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

/** Why a role is refused a permission, in words for a tooltip or an error. */
export function refusalFor(permission: Permission): string {
  const allowed = PERMISSIONS[permission] as readonly Role[];
  const names = allowed.map((role) => `${role}s`);
  const list = names.length > 1 ? `${names.slice(0, -1).join(", ")} and ${names.at(-1)}` : names[0]!;
  return `Only workspace ${list} can do this.`;
}

export function can(role: Role, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly Role[]).includes(role);
}
