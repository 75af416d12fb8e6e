import { describe, expect, it } from "vitest";
import { receiptText } from "./receipt";

describe("receiptText", () => {
  it("says how many servers confirmed, and how fast", () => {
    expect(receiptText('Disabled "production"', { servers: 3, confirmed: 3, ms: 12 }, "refuses the key")).toBe('Disabled "production" on 3 of 3 servers in 12 ms');
  });

  it("names the servers that did not confirm, and what they do anyway", () => {
    expect(receiptText('API key "ci" revoked', { servers: 3, confirmed: 2, ms: 1003 }, "refuses the key")).toBe(
      'API key "ci" revoked on 2 of 3 servers in 1,003 ms. 1 server did not confirm; it refuses the key anyway, because a server stops trusting its cache once it has lost its connection.',
    );
    expect(receiptText('Saved: "ci"', { servers: 4, confirmed: 2, ms: 1000 }, "applies the change")).toMatch(/2 servers did not confirm; they apply the change anyway/);
  });

  it("still speaks of servers when none is running", () => {
    expect(receiptText('Enabled "ci"', { servers: 0, confirmed: 0, ms: 0 }, "applies the change")).toBe('Enabled "ci". No API servers are running to confirm it.');
  });
});
