import { describe, expect, it } from "vitest";
import { z } from "zod";
import { limitFormFields, limitsFromForm } from "./policy-form";

// Edit's limit fields as the action parses them: field errors by field name, as the form shows them.
const schema = z.object(limitFormFields).transform((form, context) => limitsFromForm(form, context));
const parse = (fields: Record<string, string>) => {
  const result = schema.safeParse({ limits: "edit", refillInterval: "never", ...fields });
  return result.success ? { ok: true as const, value: result.data } : { ok: false as const, errors: z.flattenError(result.error).fieldErrors };
};

describe("Edit's rate limit and credits fields", () => {
  it("reads a rate limit and unlimited credits (empty Credits)", () => {
    expect(parse({ rateLimitPerSecond: "20", rateLimitBurst: "0", credits: "" })).toEqual({ ok: true, value: { rateLimit: { perSecond: 20, burst: 0 }, credits: null, creditsSeen: null } });
  });

  it("reads No rate limit, and credits with a monthly refill", () => {
    expect(parse({ noRateLimit: "on", credits: "1,200", creditsSeen: "1200", refillAmount: "1000", refillInterval: "month" })).toEqual({
      ok: true,
      value: { rateLimit: null, credits: { remaining: 1200, refill: { amount: 1000, interval: "month" } }, creditsSeen: 1200 },
    });
  });

  it.each<[string, Record<string, string>, string]>([
    ["a rate of 0", { rateLimitPerSecond: "0", rateLimitBurst: "1" }, "rateLimitPerSecond"],
    ["a fractional burst", { rateLimitPerSecond: "5", rateLimitBurst: "1.5" }, "rateLimitBurst"],
    ["no rate and no tick", { rateLimitBurst: "1" }, "rateLimitPerSecond"],
    ["negative credits", { noRateLimit: "on", credits: "-1" }, "credits"],
    ["a refill without an amount", { noRateLimit: "on", credits: "5", refillInterval: "day" }, "refillAmount"],
    ["a refill without credits", { noRateLimit: "on", refillAmount: "5", refillInterval: "day" }, "credits"],
    ["an interval that is no choice", { noRateLimit: "on", refillInterval: "week" }, "refillInterval"],
  ])("refuses %s at its field", (_name, fields, field) => {
    const result = parse(fields);
    expect(result.ok).toBe(false);
    expect(result.ok ? {} : result.errors).toHaveProperty(field);
  });

  it("leaves the limits alone when the form has no limit fields", () => {
    const result = schema.safeParse({ refillInterval: "never" });
    expect(result.success && result.data).toEqual({});
  });
});
