"use server";
// Test key (the reveal dialog): GET /api/v1/me with the key just shown, sent by the server
// (lib/keys/test-request.ts). Any signed-in person may test a key they hold: it is what curl would
// do, and it changes nothing. The key is a secret field: never echoed back, never logged.
import { z } from "zod";
import { sendTestRequest, type TestAnswer } from "@/lib/keys/test-request";
import { text } from "@/lib/text";
import { accountAction } from "./action";

export const testApiKeyAction = accountAction<z.ZodObject<{ key: z.ZodString }>, TestAnswer>({
  name: "test-api-key",
  schema: z.object({ key: text({ error: "Paste the key to test." }).max(200, "That is longer than any key.") }),
  secretFields: ["key"],
  async handler({ key }) {
    try {
      return { ok: true, data: await sendTestRequest(key) };
    } catch {
      return { ok: false, error: "The test request got no answer from the API. Try again in a moment." };
    }
  },
});
