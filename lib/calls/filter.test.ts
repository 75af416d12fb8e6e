import { describe, expect, it } from "vitest";
import { parseCallsQuery } from "./filter";

const id = "7c9e6679-7425-40de-944b-e07fc1f90ae7";

describe("parseCallsQuery", () => {
  it("reads the agent and the status", () => {
    const parsed = parseCallsQuery({ agent: id, status: "in_progress", cursor: "anything" });
    expect(parsed).toEqual({ query: { agent: id, status: "in_progress" }, errors: [] });
  });

  it("treats empty fields (the form's 'All' options) as no filter", () => {
    expect(parseCallsQuery({ agent: "", status: "", cursor: "" })).toEqual({ query: {}, errors: [] });
  });

  it("ignores what it cannot read, saying so for the filters", () => {
    const parsed = parseCallsQuery({ agent: "'; drop table calls", status: "ended" });
    expect(parsed.query).toEqual({});
    expect(parsed.errors).toHaveLength(2);
  });

  it("ignores repeated parameters rather than picking one", () => {
    expect(parseCallsQuery({ status: ["queued", "completed"] }).query).toEqual({});
  });
});
