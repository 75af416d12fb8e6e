import { describe, expect, it } from "vitest";
import { encodeCursor } from "@/lib/pagination";
import { parseCallsQuery } from "./filter";

const id = "7c9e6679-7425-40de-944b-e07fc1f90ae7";

describe("parseCallsQuery", () => {
  it("reads the agent, the status and the cursor", () => {
    const createdAt = new Date("2026-01-02T03:04:05.000Z");
    const parsed = parseCallsQuery({ agent: id, status: "in_progress", cursor: encodeCursor({ createdAt, id }) });
    expect(parsed).toEqual({ query: { agent: id, status: "in_progress" }, cursor: { createdAt, id }, errors: [] });
  });

  it("treats empty fields (the form's 'All' options) as no filter", () => {
    expect(parseCallsQuery({ agent: "", status: "", cursor: "" })).toEqual({ query: {}, cursor: null, errors: [] });
  });

  it("ignores what it cannot read, saying so for the filters", () => {
    const parsed = parseCallsQuery({ agent: "'; drop table calls", status: "ended", cursor: "bm90LWEtY3Vyc29y" });
    expect(parsed.query).toEqual({});
    expect(parsed.cursor).toBeNull();
    expect(parsed.errors).toHaveLength(2);
  });

  it("ignores repeated parameters rather than picking one", () => {
    expect(parseCallsQuery({ status: ["queued", "completed"] }).query).toEqual({});
  });
});
