import { describe, expect, it } from "vitest";
import { listHref, toSearchParams } from "./href";

describe("listHref", () => {
  it("leaves empty values, false and nulls out of the URL, and writes true as 1", () => {
    expect(toSearchParams({ q: "", status: undefined, type: null, expiring: false, unused: true, limit: 50 }).toString()).toBe("unused=1&limit=50");
  });

  it("starts from the first page when anything but the page changes", () => {
    expect(listHref("/settings/api-keys", { status: "active", cursor: "abc" }, { status: "disabled" })).toBe("/settings/api-keys?status=disabled");
    expect(listHref("/settings/api-keys", { status: "active", before: "abc" }, { q: "prod" })).toBe("/settings/api-keys?status=active&q=prod");
  });

  it("keeps the filters when it changes the page, and drops the other direction's cursor", () => {
    expect(listHref("/agents", { q: "bot", cursor: "a" }, { cursor: undefined, before: "b" })).toBe("/agents?q=bot&before=b");
    expect(listHref("/agents", { cursor: "a" }, { cursor: undefined, before: undefined })).toBe("/agents");
  });

  it("encodes what a person typed", () => {
    expect(listHref("/settings/members", {}, { q: "a&b=c d" })).toBe("/settings/members?q=a%26b%3Dc+d");
  });
});
