"use server";
// Settings → Account → "Set up two-factor sign-in", step 1: a new secret, shown as a QR code
// and as text ("Setup key"). Nothing is on until a code confirms it (confirm-totp-setup.ts).
import { z } from "zod";
import { totpQrSvg, totpUri } from "@/lib/auth/totp";
import { beginTotpSetup } from "@/lib/services/two-factor";
import { accountAction } from "./action";

const emptySchema = z.object({});

export const beginTotpSetupAction = accountAction<typeof emptySchema, { secret: string; qrSvg: string }>({
  name: "begin-totp-setup",
  schema: emptySchema,
  async handler(_input, { actor }) {
    const started = await beginTotpSetup(actor);
    if (!started) return { ok: false, error: "Two-factor sign-in with an authenticator app is already on." };
    return { ok: true, data: { secret: started.secret, qrSvg: await totpQrSvg(totpUri(started.secret, actor.email)) } };
  },
});
