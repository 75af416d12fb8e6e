// Who may do what in a workspace (DESIGN.md "Roles"). Checked on the server by every action
// and page; the UI only uses it to hide what would be refused anyway.
import type { Role } from "@/db/schema";

export const PERMISSIONS = {
  "keys:read": ["owner", "admin", "member", "viewer"],
  "keys:create": ["owner", "admin"],
  "keys:update": ["owner", "admin"],
  "keys:toggle": ["owner", "admin", "member"],
  "keys:revoke": ["owner", "admin", "member"],
  "members:manage": ["owner", "admin"],
  "audit:read": ["owner", "admin", "member"],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export function can(role: Role, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly Role[]).includes(role);
}
