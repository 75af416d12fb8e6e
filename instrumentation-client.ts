// Runs in the browser before the app hydrates (Next's instrumentation-client convention).
// zod's first parse probes whether it may compile validators with `new Function`; the app's
// Content-Security-Policy forbids eval in production (README "Security"), so the probe only
// produces a CSP violation report on every page with a form. Jitless mode skips the probe.
import { config } from "zod/v4/core";

config({ jitless: true });
