// GET /settings/audit-log/export?…: the filtered audit log as CSV, streamed in batches so that
// a workspace with a hundred thousand events costs memory for one batch, not for all of them.
import { Readable } from "node:stream";
import { getDb } from "@/db/client";
import { streamAuditEvents } from "@/db/queries/audit";
import { auditCsvRecord, auditCsvStringifier } from "@/lib/audit/csv";
import { parseAuditQuery } from "@/lib/audit/filter";
import { getSessionContext } from "@/lib/auth/session";
import { can, refusalFor } from "@/lib/permissions";
import { logError } from "@/lib/server/error-log";

export async function GET(request: Request) {
  const context = await getSessionContext();
  if (!context) return Response.json({ error: { code: "unauthorized", message: "Sign in to export the audit log." } }, { status: 401 });
  if (context.secondFactorMissing) return Response.json({ error: { code: "forbidden", message: "This workspace requires two-factor sign-in. Set it up in Settings → Account first." } }, { status: 403 });
  if (!can(context.role, "audit:read")) {
    return Response.json({ error: { code: "forbidden", message: refusalFor("audit:read") } }, { status: 403 });
  }
  const { filter, errors } = parseAuditQuery(Object.fromEntries(new URL(request.url).searchParams));
  if (Object.keys(errors).length > 0) {
    return Response.json({ error: { code: "invalid_request", message: "Check the filters.", details: errors } }, { status: 400 });
  }

  const csv = auditCsvStringifier();
  (async () => {
    try {
      for await (const event of streamAuditEvents(getDb(), context.workspace.id, filter)) {
        if (csv.destroyed) return; // the client went away
        // Respect backpressure: wait when the client reads slower than we query.
        if (!csv.write(auditCsvRecord(event))) await new Promise((resolve) => csv.once("drain", resolve));
      }
      csv.end();
    } catch (error) {
      logError("audit export", error, "failed");
      csv.destroy(error as Error);
    }
  })();

  const date = new Date().toISOString().slice(0, 10);
  return new Response(Readable.toWeb(csv) as ReadableStream, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="audit-log-${date}.csv"`,
      "Cache-Control": "no-store",
    },
  });
}
