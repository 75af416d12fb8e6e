// How roles are named and explained in the interface (the rights themselves: lib/permissions.ts).
import type { Role } from "@/db/schema";

export const ROLES: { value: Role; label: string; description: string }[] = [
  { value: "owner", label: "Owner", description: "Everything, including managing owners." },
  { value: "admin", label: "Admin", description: "Generates and edits keys, invites and manages members (not owners)." },
  { value: "member", label: "Member", description: "Sees keys, disables, enables and revokes them; reads the audit log." },
  { value: "viewer", label: "Viewer", description: "Sees keys and members, changes nothing." },
];

export const roleLabel = (role: Role) => ROLES.find((r) => r.value === role)!.label;

/** The roles `actor` may hand out: admins cannot make owners. */
export const assignableRoles = (actor: Role) => ROLES.filter((role) => actor === "owner" || role.value !== "owner");
