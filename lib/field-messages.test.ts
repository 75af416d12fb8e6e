import { describe, expect, it } from "vitest";
import { z } from "zod";
import { agentFieldsSchema } from "./agents/schema";
import { signInSchema, signUpSchema } from "./auth/schemas";
import { expects } from "./field-messages";
import { limitFormFields, policyFormFields } from "./keys/policy-form";
import { workspaceNameSchema } from "./workspace-schemas";

const messageOf = (schema: z.ZodType, value: unknown) => {
  const result = schema.safeParse(value);
  return result.success ? null : result.error.issues.map((issue) => issue.message);
};

describe("expects: the message of a field that is missing or of the wrong kind", () => {
  const voice = z.object({ voice: z.string(expects("voice", "a voice name such as aria")) });
  const status = z.enum(["active", "disabled"], expects("status", "active or disabled"));
  const id = z.uuid(expects("agent_id", "an agent's id (a UUID)"));

  it.each<[string, z.ZodType, unknown, string]>([
    ["missing", voice, {}, "voice is required: a voice name such as aria."],
    ["a number", voice, { voice: 7 }, "voice must be a voice name such as aria, not a number."],
    ["null", voice, { voice: null }, "voice must be a voice name such as aria, not null."],
    ["an array", voice, { voice: ["aria"] }, "voice must be a voice name such as aria, not an array."],
    ["an object", voice, { voice: { name: "aria" } }, "voice must be a voice name such as aria, not an object."],
    ["a boolean", voice, { voice: false }, "voice must be a voice name such as aria, not false."],
    ["another enum value (never echoed)", status, "deleted", "status must be active or disabled."],
    ["a number for an enum", status, 1, "status must be active or disabled, not a number."],
    ["a string that is no UUID (never echoed)", id, "aria", "agent_id must be an agent's id (a UUID)."],
  ])("%s", (_, schema, value, message) => {
    expect(messageOf(schema, value)).toEqual([message]);
  });

  it("leaves a check's own message alone", () => {
    expect(messageOf(z.string(expects("name", "a name")).min(1, "Give it a name."), "")).toEqual(["Give it a name."]);
  });
});

// zod's own wording, which names neither the field nor what it takes.
const ZOD_DEFAULT = /Invalid input|Too (small|big)|expected \w+, received|Unrecognized key|Invalid (option|UUID|string)/;

describe("every form field answers a missing value or a wrong type in words a person can act on", () => {
  const forms: [string, z.ZodObject][] = [
    ["agent", agentFieldsSchema],
    ["sign-up", signUpSchema],
    ["sign-in", signInSchema],
    ["key policy", z.object(policyFormFields)],
    ["key limits", z.object(limitFormFields)],
    ["workspace", z.object({ name: workspaceNameSchema })],
  ];
  for (const [form, schema] of forms) {
    it(`${form}: each field, missing and of every other type`, () => {
      for (const field of Object.keys(schema.shape)) {
        for (const value of [undefined, null, 12, true, [1], { a: 1 }]) {
          const result = schema.safeParse({ [field]: value });
          if (result.success) continue;
          for (const issue of result.error.issues) expect(issue.message, `${form}.${field} = ${JSON.stringify(value)}`).not.toMatch(ZOD_DEFAULT);
        }
      }
    });
  }
});
