// "Try it" as the static reference renders it: hidden until ./entry.ts, the page's one script,
// shows it (it keeps its place, so nothing moves), with the message it shows if the client cannot
// be loaded.
import { buttonClassName } from "@/components/ui/button";

/** Where the Try it bundle is served from: public/try-it/, written by scripts/build-try-it.mjs. */
export const TRY_IT_ENTRY = "/try-it/entry.js";

export function TryItButton() {
  return (
    <>
      <p data-try-it-failure hidden role="alert" className="text-sm text-red-700">
        The client could not be loaded. Check your connection and press Try it again.
      </p>
      <button type="button" data-try-it aria-haspopup="dialog" className={buttonClassName({ size: "sm", variant: "secondary" }, "invisible")}>
        Try it
      </button>
      {/* eslint-disable-next-line @next/next/no-sync-scripts -- a module script is deferred by itself */}
      <script type="module" src={TRY_IT_ENTRY} />
    </>
  );
}
