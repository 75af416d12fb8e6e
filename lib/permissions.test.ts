import { describe, expect, it } from "vitest";
import { can, PERMISSIONS, refusalFor, type Permission } from "./permissions";

// The roles table of the README ("Roles"), row by row.
const table: [Permission, boolean, boolean, boolean, boolean][] = [
  ["keys:read", true, true, true, true],
  ["keys:create", true, true, false, false],
  ["keys:update", true, true, false, false],
  ["keys:toggle", true, true, true, false],
  ["keys:revoke", true, true, true, false],
  ["agents:read", true, true, true, true],
  ["agents:write", true, true, false, false],
  ["agents:delete", true, true, true, false],
  ["calls:read", true, true, true, true],
  ["members:read", true, true, true, true],
  ["members:manage", true, true, false, false],
  ["members:reset_two_factor", true, false, false, false],
  ["workspace:read", true, true, true, true],
  ["workspace:update", true, true, false, false],
  ["workspace:leave", true, true, true, true],
  ["audit:read", true, true, true, false],
  ["usage:read", true, true, true, true],
];

describe("can", () => {
  it.each(table)("%s: owner %s, admin %s, member %s, viewer %s", (permission, owner, admin, member, viewer) => {
    expect(can("owner", permission)).toBe(owner);
    expect(can("admin", permission)).toBe(admin);
    expect(can("member", permission)).toBe(member);
    expect(can("viewer", permission)).toBe(viewer);
  });

  it("has a row above for every permission", () => {
    expect(table.map(([permission]) => permission).sort()).toEqual(Object.keys(PERMISSIONS).sort());
  });

  it("says in words who may do what", () => {
    expect(refusalFor("keys:create")).toBe("Only workspace owners and admins can do this.");
    expect(refusalFor("audit:read")).toBe("Only workspace owners, admins and members can do this.");
  });
});
