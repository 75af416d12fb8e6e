// The audit log's filters, from a query string (the page's GET form and the CSV export share
// them). Dates are whole days in UTC; `to` includes its day. The page (cursor, size) is read by
// lib/lists/pages.ts.
import { z } from "zod";
import type { AuditFilter } from "@/db/queries/audit";
import { text } from "@/lib/text";
import { AUDIT_ACTIONS } from "./events";

const day = z.iso.date("Use a date such as 2026-11-23.");

export const auditQuerySchema = z.object({
  action: z.enum(AUDIT_ACTIONS, { error: "Choose an action from the list." }).optional().catch(undefined),
  actor: text().trim().max(320).optional(),
  from: day.optional(),
  to: day.optional(),
});

export type AuditQuery = z.infer<typeof auditQuerySchema>;

/** The filter and page a query string asks for; what cannot be read is reported, not guessed. */
export function parseAuditQuery(params: Record<string, string | string[] | undefined>) {
  const single = Object.fromEntries(
    Object.entries(params)
      .filter(([key]) => key in auditQuerySchema.shape)
      .map(([key, value]) => [key, Array.isArray(value) ? value[0] : value || undefined]),
  );
  const parsed = auditQuerySchema.safeParse(single);
  if (!parsed.success) {
    return { query: {} as AuditQuery, filter: {} as AuditFilter, errors: z.flattenError(parsed.error).fieldErrors as Record<string, string[]> };
  }
  const query = parsed.data;
  const filter: AuditFilter = {
    action: query.action,
    actor: query.actor || undefined,
    from: query.from ? new Date(`${query.from}T00:00:00Z`) : undefined,
    to: query.to ? new Date(new Date(`${query.to}T00:00:00Z`).getTime() + 86_400_000) : undefined,
  };
  return { query, filter, errors: {} as Record<string, string[]> };
}
