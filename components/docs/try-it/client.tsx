// The Try it client, loaded by ./entry.ts when the button is first pressed: React, the dialog and,
// once the OpenAPI document is in, Scalar (README "API").
import { createRoot } from "react-dom/client";
import { config } from "zod/v4/core";
import { TryItDialog } from "./dialog";

// zod's first parse probes whether it may compile validators with `new Function`; the page's
// Content-Security-Policy forbids eval, so the probe would only report a violation. Scalar checks
// its options with zod: jitless mode skips the probe.
config({ jitless: true });

/** Opens the dialog over the page; closing it removes it and gives the focus back to `opener`. */
export function openTryIt(opener: HTMLElement) {
  const container = document.createElement("div");
  document.body.append(container);
  const root = createRoot(container);
  const close = () => {
    root.unmount();
    container.remove();
  };
  root.render(<TryItDialog onClose={close} returnFocusTo={opener} />);
}
