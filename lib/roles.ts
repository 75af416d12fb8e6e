// How roles are named and explained in the interface (the rights themselves: lib/permissions.ts).
import type { Role } from "@/db/schema";

export const ROLES: { value: Role; label: string }[] = [
  { value: "owner", label: "Owner" },
  { value: "admin", label: "Admin" },
  { value: "member", label: "Member" },
  { value: "viewer", label: "Viewer" },
];

export const roleLabel = (role: Role) => ROLES.find((r) => r.value === role)!.label;

/** The roles `actor` may hand out: admins cannot make owners. */
export const assignableRoles = (actor: Role) => ROLES.filter((role) => actor === "owner" || role.value !== "owner");

/** The roles in one sentence, under a role picker. */
export const ROLE_HINT = "Admins generate keys and manage people; members disable and revoke keys; viewers only look.";
