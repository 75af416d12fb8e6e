// After a person's workspace changes (created, switched, joined, left), every dashboard page and
// its layouts must render anew.
import { revalidatePath } from "next/cache";

/**
 * Expires the dashboard's layout, never the root one: expiring the root layout would also expire
 * the prerendered guides and API reference, which Next would then render again with new
 * inline scripts that their Content-Security-Policy, made from the build's (lib/server/page-headers.ts),
 * does not allow.
 */
export function revalidateDashboard() {
  revalidatePath("/(dashboard)", "layout");
}
