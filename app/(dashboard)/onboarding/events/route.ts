// GET /onboarding/events: server-sent events for an open "Get started" checklist. It sends one
// `first-request` event when the workspace makes its first successful authenticated request, from
// anywhere (a curl in a terminal included), then ends. lib/onboarding/first-request-events.ts says how.
import { getDb } from "@/db/client";
import { findOnboardingState } from "@/db/queries/onboarding";
import { getSessionContext } from "@/lib/auth/session";
import { firstRequestEvents } from "@/lib/onboarding/first-request-events";

export const dynamic = "force-dynamic";

/** How often the stream also asks the database, in case a NOTIFY was missed (a LISTEN reconnect). */
const RECHECK_MS = 10_000;

export async function GET(request: Request) {
  const context = await getSessionContext();
  if (!context) return Response.json({ error: { code: "unauthorized", message: "Sign in to follow the checklist." } }, { status: 401 });
  if (context.secondFactorMissing) {
    return Response.json({ error: { code: "forbidden", message: "This workspace requires two-factor sign-in: set it up first." } }, { status: 403 });
  }
  const { workspace, user } = context;
  const encoder = new TextEncoder();
  let open = true;
  let stop = () => {};
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      // Every write and the close may race the browser going away: after that, do nothing.
      const send = (text: string) => {
        if (!open) return;
        try {
          controller.enqueue(encoder.encode(text));
        } catch {
          finish();
        }
      };
      const finish = (event?: string) => {
        if (!open) return;
        if (event) send(`event: ${event}\ndata: {}\n\n`);
        open = false;
        stop();
        try {
          controller.close();
        } catch {
          // Already closed by the browser going away.
        }
      };
      const check = async () => {
        const state = await findOnboardingState(getDb(), workspace.id, user.id);
        if (state.firstRequestAt) finish("first-request");
        else send(": waiting\n\n");
      };
      // The browser reconnects after 2 s if the stream breaks.
      send("retry: 2000\n\n");
      try {
        // Subscribed before the first check, so that a request between the two cannot be missed.
        const unsubscribe = await firstRequestEvents().subscribe(workspace.id, () => finish("first-request"));
        const timer = setInterval(() => void check().catch(() => finish()), RECHECK_MS);
        stop = () => {
          clearInterval(timer);
          unsubscribe();
        };
        request.signal.addEventListener("abort", () => finish());
        // Gone while subscribing (aborted, or cancelled before `stop` existed): let go of it all.
        if (request.signal.aborted || !open) {
          open = false;
          stop();
          return;
        }
        await check();
      } catch {
        // The database is away: end the stream; the browser tries again.
        finish();
      }
    },
    cancel() {
      open = false;
      stop();
    },
  });
  return new Response(stream, {
    headers: { "Content-Type": "text/event-stream; charset=utf-8", "Cache-Control": "no-store", "X-Accel-Buffering": "no" },
  });
}
