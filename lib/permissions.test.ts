import { describe, expect, it } from "vitest";
import { can, type Permission } from "./permissions";

// DESIGN.md "Roles", row by row.
const table: [Permission, boolean, boolean, boolean, boolean][] = [
  ["keys:read", true, true, true, true],
  ["keys:create", true, true, false, false],
  ["keys:update", true, true, false, false],
  ["keys:toggle", true, true, true, false],
  ["keys:revoke", true, true, true, false],
  ["members:manage", true, true, false, false],
  ["audit:read", true, true, true, false],
];

describe("can", () => {
  it.each(table)("%s: owner %s, admin %s, member %s, viewer %s", (permission, owner, admin, member, viewer) => {
    expect(can("owner", permission)).toBe(owner);
    expect(can("admin", permission)).toBe(admin);
    expect(can("member", permission)).toBe(member);
    expect(can("viewer", permission)).toBe(viewer);
  });
});
