import { describe, expect, it } from "vitest";
import { auditCsvRecord, auditCsvStringifier, neutralizeFormula } from "./csv";

describe("neutralizeFormula", () => {
  it.each([
    ["=HYPERLINK(\"http://evil\")", "'=HYPERLINK(\"http://evil\")"],
    ["+1", "'+1"],
    ["-2+3", "'-2+3"],
    ["@SUM(A1)", "'@SUM(A1)"],
    ["\t=1", "'\t=1"],
    ["production", "production"],
    ["ana@acme.io", "ana@acme.io"],
  ])("%j → %j", (input, output) => {
    expect(neutralizeFormula(input)).toBe(output);
  });
});

describe("audit CSV", () => {
  it("quotes commas, quotes and newlines, and neutralises formulas in every cell", async () => {
    const csv = auditCsvStringifier();
    const chunks: string[] = [];
    csv.on("data", (chunk) => chunks.push(String(chunk)));
    const done = new Promise((resolve) => csv.on("end", resolve));
    csv.write(
      auditCsvRecord({
        id: 7,
        workspaceId: "w",
        occurredAt: new Date("2026-11-23T10:00:00Z"),
        actorType: "user",
        actorId: "u",
        actorLabel: "=cmd|' /C calc'!A0",
        action: "api_key.created",
        targetType: "api_key",
        targetId: "k",
        targetLabel: 'prod, "main"\nline two',
        ip: "203.0.113.1",
        userAgent: null,
        metadata: { type: "private" },
      }),
    );
    csv.end();
    await done;
    const [header, ...rest] = chunks.join("").split("\n");
    expect(header).toBe("id,occurred_at,action,description,actor_type,actor_id,actor,target_type,target_id,target,ip,user_agent,metadata");
    const row = rest.join("\n");
    expect(row).toContain(`'=cmd|' /C calc'!A0`);
    expect(row).toContain('"prod, ""main""\nline two"');
    expect(row).toContain('"{""type"":""private""}"');
    expect(row).not.toMatch(/,=/);
  });
});
