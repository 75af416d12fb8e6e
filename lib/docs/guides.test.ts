// The guides say what the product does: their figures are the code's, every link leads to a page
// that exists, and search finds what people look for.
import { describe, expect, it } from "vitest";
import { DEFAULT_RATE_LIMIT, PUBLIC_KEY_CLIENT_LIMIT } from "@/lib/keys/limits";
import { ROLL_GRACE_CHOICES } from "@/lib/keys/roll";
import { LEAK_REPORTS_PER_HOUR } from "@/lib/api/leaked-keys";
import { SECRET_SCANNING_PATTERN_SOURCE } from "@/lib/keys/format";
import { FAILURE_HINTS, LEAKED_HINT } from "@/lib/keys/verify";
import { USAGE_PRESETS } from "@/lib/usage/summary";
import { findGuide, GUIDES } from "./guide-list";
import { guideSource, searchGuides } from "./guides";
import { renderMarkdown, slugify } from "./markdown";

const source = (slug: string) => guideSource(findGuide(slug)!);

describe("the guides", () => {
  it.each(GUIDES.map((guide) => [guide.slug]))("%s renders, and its links lead to pages that exist", (slug) => {
    const html = renderMarkdown(source(slug));
    expect(html).toContain("<h2");
    for (const [, href] of html.matchAll(/href="([^"]+)"/g)) {
      const path = href!.split("#")[0]!;
      expect(path === "/docs/api" || GUIDES.some((guide) => path === `/docs/${guide.slug}`), href).toBe(true);
    }
  });

  it("quote the limits, grace periods and ranges the code has", () => {
    const limits = source("limits-and-usage");
    expect(limits).toContain(`**${DEFAULT_RATE_LIMIT.perSecond} requests a second, with bursts of ${DEFAULT_RATE_LIMIT.burst}**`);
    expect(limits).toContain(`**${PUBLIC_KEY_CLIENT_LIMIT.perSecond} requests a second, with bursts of ${PUBLIC_KEY_CLIENT_LIMIT.burst}**`);
    for (const { label } of Object.values(USAGE_PRESETS)) expect(limits).toContain(`**${label}**`);
    const rotating = source("rotating-keys");
    for (const { label } of ROLL_GRACE_CHOICES) expect(rotating).toContain(`**${label}**`);
    expect(rotating).toContain(`from 0 to ${Math.max(...ROLL_GRACE_CHOICES.map((choice) => choice.seconds))}`);
  });

  it("publish the secret scanners' pattern and the leaked key's hint as the code has them", () => {
    const leaked = source("leaked-keys");
    expect(leaked).toContain(SECRET_SCANNING_PATTERN_SOURCE);
    expect(leaked).toContain(LEAKED_HINT);
    expect(leaked).toContain(`${LEAK_REPORTS_PER_HOUR} reports an hour`);
  });

  it("list every hint of the key check in Troubleshooting", () => {
    const troubleshooting = source("troubleshooting");
    for (const hint of Object.values(FAILURE_HINTS)) expect(troubleshooting).toContain(hint);
  });

  it("are found by the words people search for", () => {
    const titles = (query: string) => searchGuides(query, slugify).map((hit) => hit.guide.title);
    expect(titles("bearer")).toEqual(expect.arrayContaining(["Authentication", "Troubleshooting"]));
    expect(titles(".gitignore")).toContain("Storing keys");
    expect(titles("grace period")[0]).toBe("Rotating keys safely");
    expect(titles("zzzz nothing")).toEqual([]);
    // The phrase e2e/anonymous/guides.spec.ts searches for to find nothing.
    expect(titles("nothing like this")).toEqual([]);
    const hit = searchGuides("Retry-After", slugify).find((candidate) => candidate.guide.slug === "limits-and-usage");
    expect(hit).toMatchObject({ section: "Rate limits", anchor: "rate-limits" });
    expect(hit!.snippet).toContain("Retry-After");
  });
});
